package dev.queuelab.guide.archfixture;

import dev.queuelab.reference.workqueue.SqsWorkQueue;

/** Breaks "the decision guide never sees implementations". A test fixture, never production code. */
public class GuideThatSeesTheReference {
    public Class<?> peek() {
        return SqsWorkQueue.class;
    }
}
