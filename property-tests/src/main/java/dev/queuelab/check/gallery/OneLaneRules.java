package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Lets a standard queue's one lane have one message in flight at a time, as if the whole queue were one FIFO group: while one message is in flight (a poison message being retried, say), nothing behind it is delivered.
 *
 * <p>Caught as {@code poison-blocks-queue}.
 */
public final class OneLaneRules extends WorkQueueRules {

    @Override
    protected int maxInFlightPerLane(boolean fifo) {
        return 1;
    }
}
