package dev.queuelab.exercises.ex04_fifo;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.MissingGroupIdException;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 4: FIFO message groups and the deduplication window.
 *
 * Teaches: order is a promise per group, kept by holding a group back while one of its messages is in
 * flight; other groups flow past it. Exactly-once sending is a promise per window of time.
 * Invariants: I6 a group's messages are delivered in send order, at most one in flight;
 *   I7 a send whose dedup id was accepted less than the window ago is a duplicate;
 *   I8 a group in flight never holds up other groups. (I1-I5 as in exercise 3.)
 * Thread-safety: every public method is synchronized on the queue.
 * Real world: an Amazon SQS FIFO queue (MessageGroupId, MessageDeduplicationId).
 */
public class FifoQueue implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();     // not yet acked, in send order
    private long deliveries;                                               // numbers every receipt: none is ever reused
    private final Map<String, Entry> deadLetters = new LinkedHashMap<>();
    private final Map<String, Accepted> dedup = new HashMap<>();          // dedup id -> first send with it

    public FifoQueue(WorkQueueConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized SendOutcome send(Message message) {
        // Exercise 4: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 4: FifoQueue.send is not written yet; the task is in the README.md next to FifoQueue.java");
    }

    @Override
    public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
        Instant now = clock.instant();
        List<Delivery> out = new ArrayList<>();
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext() && out.size() < max) {
            Entry e = it.next();
            if (isHidden(e, now) || heldBackByItsGroup(e, now)) {
                continue;
            }
            if (e.receives >= config.maxReceives()) {
                it.remove();                  // the receive that would exceed maxReceives dead-letters instead
                deadLetters.put(e.message.id(), e);
                continue;
            }
            e.receives++;
            e.receipt = new Receipt(e.message.id(), ++deliveries);   // a number no delivery had before: every earlier receipt is stale
            e.hiddenUntil = now.plus(visibility);
            out.add(new Delivery(e.message, e.receipt, e.receives));
        }
        return out;
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
        Instant now = clock.instant();
        Entry e = entries.get(receipt.messageId());
        if (e == null || !receipt.equals(e.receipt) || !isHidden(e, now)) {
            return ReceiptOutcome.STALE;      // only a message still in flight, under its current receipt
        }
        e.hiddenUntil = now.plus(visibility); // counted from now; 0 gives it back at once
        return ReceiptOutcome.ACCEPTED;
    }

    @Override
    public synchronized List<Message> deadLetters() {
        return deadLetters.values().stream().map(e -> e.message).toList();
    }

    @Override
    public synchronized int redrive() {
        Instant now = clock.instant();
        int moved = deadLetters.size();
        deadLetters.values().forEach(dead -> entries.put(dead.message.id(), new Entry(dead.message, now)));
        deadLetters.clear();
        return moved;
    }

    @Override
    public synchronized QueueStats stats() {
        Instant now = clock.instant();
        int inFlight = (int) entries.values().stream().filter(e -> isHidden(e, now)).count();
        Duration oldest = entries.isEmpty() ? Duration.ZERO
                : Duration.between(entries.values().iterator().next().sentAt, now);
        return new QueueStats(entries.size() - inFlight, inFlight, deadLetters.size(), oldest);
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    @Override
    public WorkQueueCapabilities capabilities() {
        return new WorkQueueCapabilities(true, true);
    }

    /** In flight: received, and its visibility deadline not reached yet. At the deadline it is visible again. */
    private static boolean isHidden(Entry e, Instant now) {
        return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);
    }

    /** On a FIFO queue, a message waits while an earlier message of its group is still in the queue. */
    private boolean heldBackByItsGroup(Entry e, Instant now) {
        // Exercise 4: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 4: FifoQueue.heldBackByItsGroup is not written yet; the task is in the README.md next to FifoQueue.java");
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

    private record Accepted(String messageId, Instant at) {
    }
}
