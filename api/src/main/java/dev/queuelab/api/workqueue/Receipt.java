package dev.queuelab.api.workqueue;

/**
 * The handle a receive hands out for one delivery of one message; acks and visibility changes present it.
 *
 * <p>A receipt is good only for the delivery it came with: once the message is delivered again, acked or
 * dead-lettered, the old receipt is stale and the queue refuses it. No later delivery may ever get an equal
 * receipt, not after a redrive resets the receive count, and not when a new message reuses the id of an
 * acked one: that is why the receipt carries a number of its own and not the receive count (SQS's
 * ReceiptHandle is likewise new on every receive).
 *
 * @param messageId the message delivered
 * @param delivery  the queue-wide number of this delivery: a queue never hands out the same number twice
 */
public record Receipt(String messageId, long delivery) {
    @Override
    public String toString() {
        return messageId + "@" + delivery;
    }
}
