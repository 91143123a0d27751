package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.MissingGroupIdException;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A work queue in the style of SQS: competing consumers, visibility timeout, dead-letter queue, FIFO groups.
 *
 * Teaches: a message leaves the queue only when a consumer acknowledges it (at-least-once).
 * Invariants:
 *   I1 every accepted message is in exactly one place: ready, in flight, done (acked) or dead-lettered;
 *   I2 a received message stays hidden until its visibility deadline, and is deliverable again from then on;
 *   I3 changeVisibility moves the deadline of a message still in flight to now + the new timeout;
 *   I4 a receipt is good only for its own delivery: once the message is delivered again, acked or
 *      dead-lettered, the old receipt is refused and changes nothing; no two deliveries share a receipt;
 *   I5 on the receive that would exceed maxReceives, the message moves to the dead-letter queue instead;
 *      redrive moves dead letters back with a fresh receive count;
 *   I6 FIFO: a group's messages are delivered in send order: none while an earlier one of its group is in
 *      flight or waiting; one receive may hand out several of a group, in order;
 *   I7 FIFO: a send whose dedup id was accepted less than the dedup window ago is a duplicate, not enqueued;
 *   I8 no message waits behind another group's in-flight message (no head-of-line blocking).
 * Thread-safety: every public method holds the queue's monitor; no method blocks or sleeps.
 * Real world: Amazon SQS standard and FIFO queues with a redrive policy. Stricter than SQS (see
 * docs/work-queue.md, "The reference and SQS"): a receive hands out every deliverable message it has room
 * for (SQS samples servers and may return fewer), counts are exact (SQS's are approximate), and a standard
 * queue delivers a message again only after its deadline. As in SQS, a receive that dead-letters messages
 * goes on to fill the batch with the messages behind them.
 *
 * <p>Shape: a <em>lane</em> holds a FIFO group's waiting messages; a standard queue's messages share one
 * lane with no limit in flight. {@code ready} holds the lanes that can deliver now. A stored message is its
 * own lease: while in flight it sits in a {@link LeaseList} by deadline, expires lazily at the start of each
 * call (no timers, no scans) and leaves it in O(1) when acked or extended. One message costs one node, one
 * map entry and what the api hands back (outcome, receipt, delivery, list). {@code ackBatch} acks under one
 * lock, each receipt getting the outcome its own ack would. The rules' decisions, one line each, are the
 * protected methods of {@link WorkQueueRules}; the bug gallery overrides one at a time.
 */
public class SqsWorkQueue extends WorkQueueRules implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final int maxReceives; // read once: it is an Optional
    private final Map<String, Stored> stored = new LinkedHashMap<>(); // ready or in flight, oldest first
    private final Map<String, Stored> deadLetters = new LinkedHashMap<>();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final Deque<Lane> ready = new ArrayDeque<>();
    private final LeaseList<Stored> leases = new LeaseList<>();
    private final List<Delivery> batch = new ArrayList<>(WorkQueueConfig.MAX_BATCH); // reused by each receive
    private final DedupWindow dedup;
    private int inFlight;
    private long sends; // send order: an expired FIFO message goes back in its place
    private long deliveries; // numbers receipts, so that no two deliveries share one (I4)
    private Instant deadlineFrom; // the last deadline computed, kept for the rest of the clock's tick
    private Duration deadlineTimeout;
    private Instant deadline;

    public SqsWorkQueue(WorkQueueConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxReceives = config.maxReceives();
        this.dedup = newDedupWindow(config.dedupWindow());
    }

    @Override
    public SendOutcome send(Message message) {
        synchronized (monitor()) {
            Instant now = now("send");
            if (config.fifo() && message.groupId() == null) {
                throw new MissingGroupIdException(message.id());
            }
            if (stored.containsKey(message.id()) || deadLetters.containsKey(message.id())) {
                throw new DuplicateMessageIdException(message.id());
            }
            if (config.fifo() && message.dedupId() != null) {
                Optional<String> first = dedup.firstSent(message.dedupId(), now);
                if (first.isPresent()) {
                    return SendOutcome.duplicateOf(first.get()); // I7: remembered even after the ack
                }
                dedup.remember(message.dedupId(), message.id(), now);
            }
            enqueue(message, now);
            return SendOutcome.accepted(message.id());
        }
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        WorkQueueConfig.requireBatch(max);
        WorkQueueConfig.requireVisibility("visibility", visibility);
        synchronized (monitor()) {
            Instant now = now("receive");
            batch.clear();
            while (batch.size() < max && !ready.isEmpty()) {
                Lane lane = ready.pollFirst();
                lane.queued = false;
                // I6: a lane is in ready only while it may deliver, so a FIFO group is free here: take what fits
                while (batch.size() < max && !lane.waiting.isEmpty()) {
                    Stored next = lane.waiting.pollFirst();
                    if (shouldDeadLetter(next.receives, maxReceives)) { // I5
                        stored.remove(next.message.id());
                        keepDeadLetter(deadLetters, next.message.id(), next);
                        continue; // and the batch goes on with the messages behind it
                    }
                    next.receives++;
                    next.receipt = receiptFor(next.message, next.receives, ++deliveries);
                    next.receivedAt = now;
                    leases.add(next, deadline(now, visibility), visibility);
                    lane.inFlight++;
                    inFlight++;
                    batch.add(new Delivery(next.message, next.receipt, next.receives));
                }
                release(lane); // I6: a FIFO lane stays out of ready while any of it is in flight
            }
            // List.copyOf would copy through an array even for one delivery, the usual case
            return batch.isEmpty() ? List.of() : batch.size() == 1 ? List.of(batch.get(0)) : List.copyOf(batch);
        }
    }

    @Override
    public ReceiptOutcome ack(Receipt receipt) {
        synchronized (monitor()) {
            now("ack");
            return ackNow(receipt);
        }
    }

    /** As SQS's DeleteMessageBatch, under one lock: each receipt's outcome is the one its own ack would give. */
    @Override
    public List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        if (receipts.isEmpty() || receipts.size() > WorkQueueConfig.MAX_BATCH) {
            return WorkQueue.super.ackBatch(receipts); // which refuses it, naming the limit
        }
        synchronized (monitor()) {
            now("ackBatch");
            ReceiptOutcome[] outcomes = new ReceiptOutcome[receipts.size()];
            for (int i = 0; i < outcomes.length; i++) {
                outcomes[i] = ackNow(receipts.get(i));
            }
            return List.of(outcomes);
        }
    }

    @Override
    public ReceiptOutcome changeVisibility(Receipt receipt, Duration visibility) {
        WorkQueueConfig.requireVisibility("visibility", visibility);
        synchronized (monitor()) {
            Instant now = now("changeVisibility");
            Stored s = stored.get(receipt.messageId());
            if (s == null || !s.held() || !receiptMatches(receipt, s.receipt)) {
                return ReceiptOutcome.STALE; // I4: only while in flight
            }
            leases.remove(s);
            leases.add(s, deadline(extensionStart(s.receivedAt, now), visibility), visibility); // I3
            expireLeases(now); // a timeout of 0 releases the message now
            return ReceiptOutcome.ACCEPTED;
        }
    }

    @Override
    public List<Message> deadLetters() {
        synchronized (monitor()) {
            now("deadLetters");
            return deadLetters.values().stream().map(s -> s.message).toList();
        }
    }

    @Override
    public int redrive() {
        synchronized (monitor()) {
            Instant now = now("redrive");
            int moved = deadLetters.size();
            for (Stored dead : deadLetters.values()) {
                enqueue(dead.message, now); // I5: a fresh start
            }
            deadLetters.clear();
            return moved;
        }
    }

    @Override
    public QueueStats stats() {
        synchronized (monitor()) {
            Instant now = now("stats");
            Duration oldest = stored.isEmpty()
                    ? Duration.ZERO
                    : Duration.between(stored.values().iterator().next().sentAt, now);
            return new QueueStats(stored.size() - inFlight, inFlight, deadLetters.size(), oldest);
        }
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    /** The clock this queue reads; {@link #now(String)} is how every public method reads it. */
    protected final InstantSource clock() {
        return clock;
    }

    // ---- the mechanics (the decisions, one rule each, are WorkQueueRules'; the bug gallery overrides them) ----

    /** Thread-safety: the object every public method holds while it reads or changes the queue. */
    protected Object monitor() {
        return this;
    }

    /** Every public method starts here, so that deadlines that passed are honoured before anything else. */
    protected Instant now(String operation) {
        Instant now = clock.instant();
        expireLeases(now);
        return now;
    }

    private void expireLeases(Instant now) {
        for (Stored s = leases.earliest(); s != null && isVisibleAgain(s.deadline(), now); s = leases.earliest()) {
            leases.remove(s); // the receipt stays good until the next delivery (I4)
            s.lane.inFlight--;
            inFlight--;
            putBack(s.lane.waiting, s, SEND_ORDER);
            release(s.lane);
        }
    }

    private ReceiptOutcome ackNow(Receipt receipt) {
        Stored s = stored.get(receipt.messageId());
        if (s == null || s.receipt == null || !receiptMatches(receipt, s.receipt)) {
            return ReceiptOutcome.STALE; // I4
        }
        stored.remove(s.message.id());
        if (s.held()) {
            leases.remove(s);
            s.lane.inFlight--;
            inFlight--;
        } else {
            s.lane.waiting.remove(s); // expired but not yet received again: back in its lane
        }
        release(s.lane);
        return ReceiptOutcome.ACCEPTED;
    }

    /** I2, I3: {@link #deadlineFor}, computed once per instant and timeout: a busy queue's clock ticks less often than it is read. */
    private Instant deadline(Instant from, Duration visibility) {
        if (!from.equals(deadlineFrom) || !visibility.equals(deadlineTimeout)) {
            deadline = deadlineFor(from, visibility);
            deadlineFrom = from;
            deadlineTimeout = visibility;
        }
        return deadline;
    }

    private void enqueue(Message message, Instant now) {
        Stored s = new Stored(message, now, ++sends, lanes.computeIfAbsent(laneOf(message), Lane::new));
        stored.put(message.id(), s);
        s.lane.waiting.addLast(s);
        release(s.lane);
    }

    /** Puts a lane back in ready if it can deliver, or forgets it once it holds nothing. */
    private void release(Lane lane) {
        if (!lane.waiting.isEmpty() && lane.inFlight < maxInFlightPerLane() && !lane.queued) {
            lane.queued = true;
            ready.addLast(lane);
        } else if (config.fifo() && lane.waiting.isEmpty() && lane.inFlight == 0) {
            lanes.remove(lane.key, lane); // a standard queue keeps its one lane
        }
    }

    private static final Comparator<Stored> SEND_ORDER = Comparator.comparingLong(s -> s.seq);
}
