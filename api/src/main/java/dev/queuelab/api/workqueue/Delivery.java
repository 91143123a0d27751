package dev.queuelab.api.workqueue;

/**
 * One message handed to one consumer by one receive.
 *
 * @param message      the message as it was sent
 * @param receipt      what to present to ack or change visibility
 * @param receiveCount how many times the message has been received, this time included (SQS's
 *                     ApproximateReceiveCount, exact here)
 */
public record Delivery(Message message, Receipt receipt, int receiveCount) {
    public String messageId() {
        return message.id();
    }
}
