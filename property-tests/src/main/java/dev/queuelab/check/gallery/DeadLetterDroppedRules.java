package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.util.Map;

/**
 * Bug gallery: Takes a message off the queue on the receive that exceeds maxReceives but never stores it in the dead-letter queue (a redrive policy pointing at a queue that is not there): the message is gone.
 *
 * <p>Caught as {@code lost}.
 */
public final class DeadLetterDroppedRules extends WorkQueueRules {

    @Override
    protected <T> void keepDeadLetter(Map<String, T> deadLetterQueue, String id, T message) {
        // the dead letter is dropped on the floor
    }
}
