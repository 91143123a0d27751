package dev.queuelab.exercises.ex01_acks;

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
 * Exercise 1: competing consumers and acks.
 *
 * Teaches: consumers compete for messages, so a receive hides what it hands out from every other
 * consumer, and a message leaves the queue only when its consumer acks it: a consumer that dies before
 * acking loses nothing (at-least-once). Each delivery gets its own receipt, and only the latest is good.
 * Invariants: I1 every accepted message is in exactly one place, waiting or in flight, until it is acked;
 *   I2 a received message is hidden from every consumer until its visibility deadline, visible again from it;
 *   I4 an ack with a receipt that is not the latest delivery's is refused and changes nothing.
 * Thread-safety: every public method is synchronized on the queue.
 * Real world: Amazon SQS's ReceiveMessage and DeleteMessage with a receipt handle.
 */
public class AckQueue implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();     // not yet acked, in send order
    private long deliveries;                                               // numbers every receipt: none is ever reused

    public AckQueue(WorkQueueConfig config, InstantSource clock) {
        if (config.fifo()) {
            throw new IllegalArgumentException("this exercise's queue is a standard queue: FIFO comes in exercise 4");
        }
        this.config = config;
        this.clock = clock;
    }

    @Override
    public synchronized SendOutcome send(Message message) {
        // Exercise 1: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 1: AckQueue.send is not written yet; the task is in the README.md next to AckQueue.java");
    }

    @Override
    public synchronized List<Delivery> receive(String consumer, int max, Duration visibility) {
        // Exercise 1: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 1: AckQueue.receive is not written yet; the task is in the README.md next to AckQueue.java");
    }

    @Override
    public synchronized ReceiptOutcome ack(Receipt receipt) {
        // Exercise 1: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 1: AckQueue.ack is not written yet; the task is in the README.md next to AckQueue.java");
    }

    @Override
    public ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        throw new UnsupportedOperationException("changing the visibility timeout is exercise 2's subject");
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
        // Exercise 1: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 1: AckQueue.isHidden is not written yet; the task is in the README.md next to AckQueue.java");
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
