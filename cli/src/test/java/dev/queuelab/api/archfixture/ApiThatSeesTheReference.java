package dev.queuelab.api.archfixture;

import dev.queuelab.reference.workqueue.SqsWorkQueue;

/** Breaks "the api depends on nothing of ours". A test fixture, never production code. */
public class ApiThatSeesTheReference {
    public Class<?> leak() {
        return SqsWorkQueue.class;
    }
}
