package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import java.time.Instant;

/**
 * A message as {@link SqsWorkQueue} keeps it. While in flight it is its own lease, held in the queue's
 * {@link LeaseList} by deadline; {@code receipt} is the latest delivery's, the only one an ack may use (I4).
 * Thread-safety: none of its own; the queue's monitor guards it.
 */
final class Stored extends LeaseList.Lease {
    final Message message;
    final Instant sentAt;
    final long seq; // send order: an expired FIFO message goes back in its place
    final Lane lane;
    int receives;
    Receipt receipt; // of the latest delivery; null before the first
    Instant receivedAt; // of the latest delivery

    Stored(Message message, Instant sentAt, long seq, Lane lane) {
        this.message = message;
        this.sentAt = sentAt;
        this.seq = seq;
        this.lane = lane;
    }
}
