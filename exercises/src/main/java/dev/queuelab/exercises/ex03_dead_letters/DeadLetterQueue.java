package dev.queuelab.exercises.ex03_dead_letters;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercise 3: the dead-letter queue and redrive.
 *
 * Teaches: at-least-once means a message that always fails comes back for ever; a receive count and a
 * dead-letter queue set it aside after maxReceives tries, so it cannot starve the rest, and redrive
 * gives it a fresh start once the bug is fixed.
 * Invariants: I5 on the receive that would exceed maxReceives, the message moves to the dead-letter queue
 *   instead of being delivered; redrive moves dead letters back with a fresh receive count.
 *   (I1-I4 as in exercise 2; a dead letter's receipts are stale.)
 * Thread-safety: every public method is synchronized on the queue.
 * Real world: an Amazon SQS queue with a redrive policy (maxReceiveCount) and a DLQ redrive.
 */
public class DeadLetterQueue implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();     // not yet acked, in send order
    private long deliveries;                                               // numbers every receipt: none is ever reused
    private final Map<String, Entry> deadLetters = new LinkedHashMap<>();

    public DeadLetterQueue(WorkQueueConfig config, InstantSource clock) {
        if (config.fifo()) {
            throw new IllegalArgumentException("this exercise's queue is a standard queue: FIFO comes in exercise 4");
        }
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized SendOutcome send(Message message) {
        Instant now = clock.instant();
        if (entries.containsKey(message.id()) || deadLetters.containsKey(message.id())) {
            throw new DuplicateMessageIdException(message.id()); // one message per id until it is acked
        }
        entries.put(message.id(), new Entry(message, now));
        return SendOutcome.accepted(message.id());
    }

    @Override
    public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
        // Exercise 3: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 3: DeadLetterQueue.receive is not written yet; the task is in the README.md next to DeadLetterQueue.java");
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
        // Exercise 3: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 3: DeadLetterQueue.deadLetters is not written yet; the task is in the README.md next to DeadLetterQueue.java");
    }

    @Override
    public synchronized int redrive() {
        // Exercise 3: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 3: DeadLetterQueue.redrive is not written yet; the task is in the README.md next to DeadLetterQueue.java");
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
        return new WorkQueueCapabilities(false, true);
    }

    /** In flight: received, and its visibility deadline not reached yet. At the deadline it is visible again. */
    private static boolean isHidden(Entry e, Instant now) {
        return e.hiddenUntil != null && now.isBefore(e.hiddenUntil);
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
