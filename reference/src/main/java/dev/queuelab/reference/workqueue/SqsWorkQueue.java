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
 *   I7 FIFO: a send whose dedup id was accepted less than the dedup window ago is answered DUPLICATE, not
 *      enqueued, wherever the first is (waiting, in flight, acked, dead-lettered): a retry is never refused;
 *   I8 no message waits behind another group's in-flight message (no head-of-line blocking).
 * Thread-safety: each public method holds the queue's {@link Guard}, one private lock, for its whole call.
 * Real world: Amazon SQS standard and FIFO queues with a redrive policy. Stricter than SQS (see
 * docs/work-queue.md, "The reference and SQS"): a receive hands out every deliverable message it has room
 * for (SQS samples servers and may return fewer), counts are exact (SQS's are approximate), and a standard
 * queue delivers a message again only after its deadline. As in SQS, a receive that dead-letters messages
 * goes on to fill the batch with the messages behind them. I7 as SQS: a MessageDeduplicationId sent in the
 * last 5 minutes is "accepted successfully but not delivered" (SendMessage, SQS API Reference), and is
 * tracked "even after the message has been received and deleted" (SQS Developer Guide, FIFO key terms).
 *
 * <p>Shape: a <em>lane</em> holds a FIFO group's waiting messages (a standard queue's share one, with no limit
 * in flight); {@code ready} holds the lanes that can deliver now. A stored message is its own lease, held in
 * a {@link LeaseList} by deadline, expired lazily at the start of each call, left in O(1) when acked or
 * extended. {@link StoredMessages} holds them by id (a flat index) and reuses acked ones' nodes, so a queue
 * that keeps up allocates only what the api hands back. The decisions, one line each, are the {@link
 * WorkQueueRules} it is given; a bug-gallery variant is this queue given rules with one line changed.
 */
@SuppressWarnings("try") // each public method holds its Guard for its try block, and never reads the handle
public final class SqsWorkQueue implements WorkQueue {

    private final WorkQueueConfig config;
    private final InstantSource clock;
    private final WorkQueueRules rules;
    private final Guard guard;
    private final int maxReceives; // read once: it is an Optional
    private final StoredMessages stored = new StoredMessages(); // ready or in flight, oldest first
    private final Map<String, Message> deadLetters = new LinkedHashMap<>();
    private final Map<String, Lane> lanes = new HashMap<>();
    private Lane lastLane; // the lane of the latest send, while it is in lanes: a standard queue's one lane
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

    /** A queue with SQS's rules. */
    public SqsWorkQueue(WorkQueueConfig config, InstantSource clock) {
        this(config, clock, WorkQueueRules.REFERENCE);
    }

    /** A queue that takes its decisions from {@code rules}. */
    public SqsWorkQueue(WorkQueueConfig config, InstantSource clock, WorkQueueRules rules) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.maxReceives = config.maxReceives();
        this.dedup = rules.newDedupWindow(config.dedupWindow());
        this.guard = rules.newGuard();
    }

    @Override
    public SendOutcome send(Message message) {
        try (Guard.Held lock = guard.hold(Operation.SEND)) {
            Instant now = now(Operation.SEND);
            if (config.fifo() && message.groupId() == null) {
                throw new MissingGroupIdException(message.id());
            }
            String dedupId = config.fifo() ? message.dedupId() : null; // a standard queue has no window
            Optional<String> first = dedupId == null ? Optional.empty() : dedup.firstSent(dedupId, now);
            boolean taken = stored.contains(message.id()) || deadLetters.containsKey(message.id());
            if (taken && (first.isEmpty() || !rules.dedupBeforeIdCheck())) {
                throw new DuplicateMessageIdException(message.id());
            }
            if (first.isPresent()) {
                return SendOutcome.duplicateOf(first.get()); // I7: wherever the first is now, acked included
            }
            if (dedupId != null) {
                dedup.remember(dedupId, message.id(), now);
            }
            enqueue(message, now);
            return SendOutcome.accepted(message.id());
        }
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        WorkQueueConfig.requireBatch(max);
        WorkQueueConfig.requireVisibility("visibility", visibility);
        try (Guard.Held lock = guard.hold(Operation.RECEIVE)) {
            Instant now = now(Operation.RECEIVE);
            batch.clear();
            while (batch.size() < max && !ready.isEmpty()) {
                Lane lane = ready.pollFirst();
                lane.queued = false;
                // I6: a lane is in ready only while it may deliver, so a FIFO group is free here: take what fits
                while (batch.size() < max && !lane.waiting.isEmpty()) {
                    Stored next = lane.waiting.pollFirst();
                    if (rules.shouldDeadLetter(next.receives, maxReceives)) { // I5
                        stored.remove(next);
                        rules.keepDeadLetter(deadLetters, next.message.id(), next.message);
                        stored.release(next); // MS3: the dead letter keeps its message, not the node
                        continue; // and the batch goes on with the messages behind it
                    }
                    next.receives++;
                    next.receipt = rules.receiptFor(next.message, next.receives, ++deliveries);
                    next.receivedAt = now;
                    leases.add(next, deadline(now, visibility), visibility);
                    lane.inFlight++;
                    inFlight++;
                    batch.add(new Delivery(next.message, next.receipt, next.receives));
                }
                release(lane); // I6: a FIFO lane stays out of ready while any of it is in flight
            }
            return batch.isEmpty() ? List.of() : batch.size() == 1 ? List.of(batch.get(0)) : List.copyOf(batch);
        }
    }

    @Override
    public ReceiptOutcome ack(Receipt receipt) {
        try (Guard.Held lock = guard.hold(Operation.ACK)) {
            now(Operation.ACK);
            return ackNow(receipt);
        }
    }

    /** As SQS's DeleteMessageBatch, under one lock: each receipt's outcome is the one its own ack would give. */
    @Override
    public List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        if (receipts.isEmpty() || receipts.size() > WorkQueueConfig.MAX_BATCH) {
            return WorkQueue.super.ackBatch(receipts); // which refuses it, naming the limit
        }
        try (Guard.Held lock = guard.hold(Operation.ACK_BATCH)) {
            now(Operation.ACK_BATCH);
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
        try (Guard.Held lock = guard.hold(Operation.CHANGE_VISIBILITY)) {
            Instant now = now(Operation.CHANGE_VISIBILITY);
            Stored s = stored.get(receipt.messageId());
            if (s == null || !s.held() || !rules.receiptMatches(receipt, s.receipt)) {
                return ReceiptOutcome.STALE; // I4: only while in flight
            }
            leases.remove(s);
            leases.add(s, deadline(rules.extensionStart(s.receivedAt, now), visibility), visibility); // I3
            expireLeases(now); // a timeout of 0 releases the message now
            return ReceiptOutcome.ACCEPTED;
        }
    }

    @Override
    public List<Message> deadLetters() {
        try (Guard.Held lock = guard.hold(Operation.DEAD_LETTERS)) {
            now(Operation.DEAD_LETTERS);
            return List.copyOf(deadLetters.values());
        }
    }

    @Override
    public int redrive() {
        try (Guard.Held lock = guard.hold(Operation.REDRIVE)) {
            Instant now = now(Operation.REDRIVE);
            int moved = deadLetters.size();
            for (Message dead : deadLetters.values()) {
                enqueue(dead, now); // I5: a fresh start
            }
            deadLetters.clear();
            return moved;
        }
    }

    @Override
    public QueueStats stats() {
        try (Guard.Held lock = guard.hold(Operation.STATS)) {
            Instant now = now(Operation.STATS);
            Duration oldest = stored.size() == 0 ? Duration.ZERO : Duration.between(stored.oldest().sentAt, now);
            return new QueueStats(stored.size() - inFlight, inFlight, deadLetters.size(), oldest);
        }
    }

    @Override
    public WorkQueueConfig config() {
        return config;
    }

    /** Every public method starts here (its one read of the clock), so that deadlines that passed are honoured first. */
    private Instant now(Operation operation) {
        Instant now = clock.instant();
        if (rules.expiresLeasesFirst(operation)) {
            expireLeases(now);
        }
        return now;
    }

    private void expireLeases(Instant now) {
        for (Stored s = leases.earliest();
                s != null && rules.isVisibleAgain(s.deadline(), now);
                s = leases.earliest()) {
            leases.remove(s); // the receipt stays good until the next delivery (I4)
            s.lane.inFlight--;
            inFlight--;
            rules.putBack(s.lane.waiting, s, Stored.SEND_ORDER, config.fifo());
            release(s.lane);
        }
    }

    private ReceiptOutcome ackNow(Receipt receipt) {
        Stored s = stored.get(receipt.messageId());
        if (s == null || s.receipt == null || !rules.receiptMatches(receipt, s.receipt)) {
            return ReceiptOutcome.STALE; // I4
        }
        stored.remove(s);
        if (s.held()) {
            leases.remove(s);
            s.lane.inFlight--;
            inFlight--;
        } else {
            s.lane.waiting.remove(s); // expired but not yet received again: back in its lane
        }
        release(s.lane);
        stored.release(s); // MS3: nothing of the queue's refers to it now
        return ReceiptOutcome.ACCEPTED;
    }

    /** I2, I3: the rules' deadline, computed once per instant and timeout: a busy queue's clock ticks less often than it is read. */
    private Instant deadline(Instant from, Duration visibility) {
        if (!from.equals(deadlineFrom) || !visibility.equals(deadlineTimeout)) {
            deadline = rules.deadlineFor(from, visibility);
            deadlineFrom = from;
            deadlineTimeout = visibility;
        }
        return deadline;
    }

    private void enqueue(Message message, Instant now) {
        String key = rules.laneOf(message, config.fifo());
        Lane lane = lastLane != null && lastLane.key.equals(key) ? lastLane : lanes.computeIfAbsent(key, Lane::new);
        if (lastLane != lane) {
            lastLane = lane; // written only when it changes: a stored reference costs more than a test
        }
        Stored s = stored.add(message, now, ++sends, lane);
        s.lane.waiting.addLast(s);
        release(s.lane);
    }

    /** Puts a lane back in ready if it can deliver, or forgets it once it holds nothing. */
    private void release(Lane lane) {
        if (!lane.waiting.isEmpty() && lane.inFlight < rules.maxInFlightPerLane(config.fifo()) && !lane.queued) {
            lane.queued = true;
            ready.addLast(lane);
        } else if (config.fifo() && lane.waiting.isEmpty() && lane.inFlight == 0) {
            lanes.remove(lane.key, lane); // a standard queue keeps its one lane
            lastLane = lastLane == lane ? null : lastLane;
        }
    }
}
