package dev.queuelab.exercises.archfixture;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/** Breaks the exercises' rule on purpose: an exercise that hands its work to the reference. */
public final class ExerciseThatCallsTheReference {

    public Object queue() {
        return new SqsWorkQueue(WorkQueueConfig.standardQueue(), InstantSource.system());
    }
}
