package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Checks only that a receipt names the right message, not that it is the latest delivery's: a slow consumer's stale ack deletes a message another consumer is now processing.
 *
 * <p>Caught as {@code stale-ack-accepted}.
 */
public final class AckByMessageIdRules extends WorkQueueRules {

    @Override
    protected boolean receiptMatches(Receipt presented, Receipt current) {
        return presented.messageId().equals(current.messageId());
    }
}
