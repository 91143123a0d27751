package dev.queuelab.api.workqueue;

import dev.queuelab.api.OutOfRangeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The work-queue contract (point-to-point, SQS-like): producers send, competing consumers receive, and a
 * message leaves the queue only when a consumer acknowledges it.
 *
 * <p>Every implementation (the reference, a learner's exercise, a bug-gallery variant, a real broker through
 * an adapter) is checked by the same scenarios in {@code property-tests}.
 */
public interface WorkQueue {

    /**
     * Enqueues a message, or reports it as a duplicate (FIFO only) when its dedup id is inside the window.
     * A FIFO queue refuses a message without a group with {@link MissingGroupIdException} (SQS answers
     * MissingParameter): nothing is enqueued and nothing is remembered, not even its dedup id.
     */
    SendOutcome send(Message message);

    /**
     * Hands up to {@code max} (1 to 10) messages to {@code consumer} and hides them for {@code visibility}
     * (0 s to 12 h). A message that would exceed the redrive policy's maxReceives moves to the dead-letter
     * queue instead of being delivered. Returns an empty list when nothing is deliverable; never blocks.
     */
    List<Delivery> receive(String consumer, int max, Duration visibility);

    /** As {@link #receive(String, int, Duration)} with the queue's default visibility timeout. */
    default List<Delivery> receive(String consumer, int max) {
        return receive(consumer, max, config().visibilityTimeout());
    }

    /** Deletes the delivered message if the receipt is current; a stale receipt changes nothing. */
    ReceiptOutcome ack(Receipt receipt);

    /**
     * Acks 1 to 10 receipts at once, as SQS's DeleteMessageBatch: each receipt gets its own outcome, in the
     * order given, exactly as if each were acked in turn (a stale one changes nothing and does not stop the
     * others; the same receipt twice is accepted once, then stale). This default does just that, one ack
     * after another; an implementation may do the batch under one lock, with the same outcomes.
     */
    default List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        if (receipts.isEmpty() || receipts.size() > WorkQueueConfig.MAX_BATCH) {
            throw new OutOfRangeException(
                    "receipts",
                    receipts.size(),
                    "1 to " + WorkQueueConfig.MAX_BATCH + " receipts per ackBatch (SQS's batch limit)");
        }
        List<ReceiptOutcome> outcomes = new ArrayList<>(receipts.size());
        for (Receipt receipt : receipts) {
            outcomes.add(ack(receipt));
        }
        return outcomes;
    }

    /**
     * Sets a new visibility deadline, counted from now, for a message still in flight under this receipt:
     * extend it for a long job, or 0 to release it at once.
     */
    ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility);

    /** The messages in the dead-letter queue, oldest first. */
    List<Message> deadLetters();

    /** Moves every dead letter back to the queue with a fresh receive count; returns how many moved. */
    int redrive();

    QueueStats stats();

    WorkQueueConfig config();

    default WorkQueueCapabilities capabilities() {
        return WorkQueueCapabilities.ALL;
    }
}
