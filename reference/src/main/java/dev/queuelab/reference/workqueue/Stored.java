package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import java.time.Instant;
import java.util.Comparator;

/**
 * A message as {@link SqsWorkQueue} keeps it. While in flight it is its own lease, held in the queue's
 * {@link LeaseList} by deadline; {@code receipt} is the latest delivery's, the only one an ack may use (I4).
 * {@link StoredMessages} links it in send order and, once its message is acked, hands it to a later send.
 * Thread-safety: none of its own; the queue's lock guards it.
 */
final class Stored extends LeaseList.Lease {
    static final int NONE = -1; // no node: the end of a list
    static final Comparator<Stored> SEND_ORDER = Comparator.comparingLong(s -> s.seq);
    final int handle; // its place in StoredMessages' arena, the index's name for it: set once
    Message message; // null while the node waits to be used again (MS3)
    Instant sentAt;
    long seq; // send order: an expired FIFO message goes back in its place
    Lane lane;
    int receives;
    Receipt receipt; // of the latest delivery; null before the first
    Instant receivedAt; // of the latest delivery
    int older = NONE; // send order (MS2), by handle; while free, the next free node
    int newer = NONE;

    Stored(int handle) {
        this.handle = handle;
    }

    /** Every field but the links, as a new node would have them. */
    void set(Message message, Instant sentAt, long seq, Lane lane) {
        this.message = message;
        this.sentAt = sentAt;
        this.seq = seq;
        this.lane = lane;
        this.receives = 0;
        this.receipt = null;
        this.receivedAt = null;
    }
}
