package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;

/**
 * Bug gallery: An adapter that treats "this id is already in the queue" as success ("the message is there, so
 * the send worked"): a producer that reuses a business key while the first message still waits, is in flight
 * or is dead-lettered is told its new message was accepted, and the new message is never delivered.
 *
 * <p>Caught as {@code id-in-use}.
 */
public final class IdRefusalSwallowedQueue extends ForwardingWorkQueue {

    public IdRefusalSwallowedQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public SendOutcome send(Message message) {
        try {
            return queue.send(message);
        } catch (DuplicateMessageIdException e) {
            return SendOutcome.accepted(message.id());
        }
    }
}
