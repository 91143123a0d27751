package dev.queuelab.exercises.ex02_visibility;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 2: the visibility timeout, redelivery and extension.
 *
 * Teaches: a receive is a lease, not a hand-over. The queue cannot tell a slow consumer from a dead one,
 * so when the lease runs out it delivers the message again: at-least-once. A consumer that needs longer
 * extends its lease, counted from now; giving it back (a timeout of 0) makes it visible at once.
 * Invariants: I2 a received message stays hidden until its deadline and is visible again from the deadline on;
 *   I3 changeVisibility sets the deadline of a message still in flight to now + the new timeout;
 *   I4 a receipt is good only until the next delivery of its message. (I1 as in exercise 1.)
 * Thread-safety: every public method is synchronized on the queue.
 * Real world: Amazon SQS's VisibilityTimeout and ChangeMessageVisibility.
 */
public class VisibilityQueue implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();     // not yet acked, in send order
    private long deliveries;                                               // numbers every receipt: none is ever reused

    public VisibilityQueue(WorkQueueConfig config, InstantSource clock) {
        if (config.fifo()) {
            throw new IllegalArgumentException("this exercise's queue is a standard queue: FIFO comes in exercise 4");
        }
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized SendOutcome send(Message message) {
        Instant now = clock.instant();
        if (entries.containsKey(message.id())) {
            throw new DuplicateMessageIdException(message.id()); // one message per id until it is acked
        }
        entries.put(message.id(), new Entry(message, now));
        return SendOutcome.accepted(message.id());
    }

    @Override
    public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
        // begin exercise 2
        Instant now = clock.instant();
        List<Delivery> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() == max) {
                break;
            }
            if (isHidden(e, now)) {
                continue;
            }
            e.receives++;
            e.receipt = new Receipt(e.message.id(), ++deliveries);   // a number no delivery had before: every earlier receipt is stale
            e.hiddenUntil = now.plus(visibility);
            out.add(new Delivery(e.message, e.receipt, e.receives));
        }
        return out;
        // end exercise 2
    }

    @Override
    public synchronized ReceiptOutcome ack(Receipt receipt) {
        Entry e = entries.get(receipt.messageId());
        if (e == null || !receipt.equals(e.receipt)) {
            return ReceiptOutcome.STALE;
        }
        entries.remove(receipt.messageId());
        return ReceiptOutcome.ACCEPTED;
    }

    @Override
    public synchronized ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        // begin exercise 2
        Instant now = clock.instant();
        Entry e = entries.get(receipt.messageId());
        if (e == null || !receipt.equals(e.receipt) || !isHidden(e, now)) {
            return ReceiptOutcome.STALE;      // only a message still in flight, under its current receipt
        }
        e.hiddenUntil = now.plus(visibility); // counted from now; 0 gives it back at once
        return ReceiptOutcome.ACCEPTED;
        // end exercise 2
    }

    @Override
    public List<Message> deadLetters() {
        return List.of();                     // no dead-letter queue until exercise 3: failures retry for ever
    }

    @Override
    public int redrive() {
        return 0;
    }

    @Override
    public synchronized QueueStats stats() {
        Instant now = clock.instant();
        int inFlight = (int) entries.values().stream().filter(e -> isHidden(e, now)).count();
        Duration oldest = entries.isEmpty() ? Duration.ZERO
                : Duration.between(entries.values().iterator().next().sentAt, now);
        return new QueueStats(entries.size() - inFlight, inFlight, 0, oldest);
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    @Override
    public WorkQueueCapabilities capabilities() {
        return new WorkQueueCapabilities(false, false);
    }

    /** In flight: received, and its visibility deadline not reached yet. At the deadline it is visible again. */
    private static boolean isHidden(Entry e, Instant now) {
        // begin exercise 2
        return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);
        // end exercise 2
    }

    private static final class Entry {
        final Message message;
        final Instant sentAt;
        int receives;
        Receipt receipt;                      // of the latest delivery; null before the first
        Instant hiddenUntil;                  // the visibility deadline of the latest delivery

        Entry(Message message, Instant sentAt) {
            this.message = message;
            this.sentAt = sentAt;
        }
    }
}
