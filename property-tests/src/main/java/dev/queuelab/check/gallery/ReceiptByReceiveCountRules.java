package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Makes a receipt from the message id and its receive count. Redrive resets the count and an
 * acked message's id may be used again, so a receipt from before comes back to life: a slow consumer's ack
 * deletes the message another consumer now holds.
 *
 * <p>Caught as {@code receipt-reused}.
 */
public final class ReceiptByReceiveCountRules extends WorkQueueRules {

    @Override
    protected Receipt receiptFor(Message message, int receive, long delivery) {
        return new Receipt(message.id(), receive);
    }
}
