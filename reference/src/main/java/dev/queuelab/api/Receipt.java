package dev.queuelab.api;

/**
 * The handle a receive hands out for one delivery of one message; acks and visibility changes present it.
 *
 * <p>A receipt is good only for the delivery it came with: once the message is delivered again, the old
 * receipt is stale, and the queue refuses it (SQS's ReceiptHandle).
 *
 * @param messageId the message delivered
 * @param receive   which receive of that message this is, from 1
 */
public record Receipt(String messageId, int receive) {
    @Override
    public String toString() {
        return messageId + "#" + receive;
    }
}
