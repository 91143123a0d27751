package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery: Lets a standard queue's one lane have one message in flight at a time, as if the whole queue were one FIFO group: while one message is in flight (a poison message being retried, say), nothing behind it is delivered.
 *
 * <p>Caught as {@code poison-blocks-queue}.
 */
public final class OneLaneQueue extends SqsWorkQueue {

    public OneLaneQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected int maxInFlightPerLane() {
        return 1;
    }
}
