package dev.queuelab.check.gallery;

import dev.queuelab.api.Message;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery: Keeps a standard queue's messages in one ordered lane, as if the whole queue were one FIFO group: while one message is in flight (a poison message being retried, say), nothing behind it is delivered.
 *
 * <p>Caught as {@code poison-blocks-queue}.
 */
public final class OneLaneQueue extends SqsWorkQueue {

    public OneLaneQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected String laneOf(Message message) {
        return config().fifo() ? message.groupId() : "the only lane";
    }
}
