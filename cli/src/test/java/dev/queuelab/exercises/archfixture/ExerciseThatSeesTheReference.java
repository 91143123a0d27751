package dev.queuelab.exercises.archfixture;

import dev.queuelab.reference.workqueue.SqsWorkQueue;

/** Breaks "exercises never see the reference". A test fixture, never production code. */
public class ExerciseThatSeesTheReference {
    public Class<?> peek() {
        return SqsWorkQueue.class;
    }
}
