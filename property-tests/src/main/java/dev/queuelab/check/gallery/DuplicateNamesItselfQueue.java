package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;

/**
 * Bug gallery: Answers a duplicate send with the id of the message just sent instead of the original's:
 * the producer records an id that the queue never stored, and cannot find its message again.
 *
 * <p>Caught as {@code wrong-send-outcome}.
 */
public final class DuplicateNamesItselfQueue extends ForwardingWorkQueue {

    public DuplicateNamesItselfQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public SendOutcome send(Message message) {
        SendOutcome outcome = queue.send(message);
        return outcome.accepted() ? outcome : SendOutcome.duplicateOf(message.id());
    }
}
