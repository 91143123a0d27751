package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;

/**
 * The work queue's decisions, one rule per method, each citing the invariant of {@link SqsWorkQueue} it keeps.
 *
 * Teaches: where each of a queue's promises is decided, in one line, so that a single wrong line can be shown
 * to break a single promise. {@link SqsWorkQueue} inherits these; the bug gallery overrides one at a time.
 * Invariants: those of {@link SqsWorkQueue} (I1 to I8); each method names the ones it decides.
 * Thread-safety: stateless but for the configuration; called by the queue while it holds its monitor.
 * Real world: each rule is SQS's, as docs/work-queue.md says where the reference is stricter.
 */
public abstract class WorkQueueRules {

    /** The configuration the rules read (FIFO or not). */
    public abstract WorkQueueConfig config();

    /** I8: which lane a message waits in: its group on a FIFO queue; a standard queue's share one. */
    protected String laneOf(Message message) {
        return config().fifo() ? message.groupId() : "";
    }

    /** I6, I8: how many of a lane's messages may be in flight before a receive may take more of it. */
    protected int maxInFlightPerLane() {
        return config().fifo() ? 1 : Integer.MAX_VALUE;
    }

    /** I2: when a message received at {@code from} becomes visible again. */
    protected Instant deadlineFor(Instant from, Duration visibility) {
        return from.plus(visibility);
    }

    /** I3: a new timeout counts from the moment it is set, not from the receive. */
    protected Instant extensionStart(Instant receivedAt, Instant now) {
        return now;
    }

    /** I2: the deadline itself is the first instant the message is visible again. */
    protected boolean isVisibleAgain(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    /** I4: a delivery's receipt carries a number no delivery had before, not the receive count a redrive resets. */
    protected Receipt receiptFor(Message message, int receive, long delivery) {
        return new Receipt(message.id(), delivery);
    }

    /** I4: the receipt must be the one from the latest delivery, not any receipt of the same message. */
    protected boolean receiptMatches(Receipt presented, Receipt current) {
        return presented.equals(current);
    }

    /** I5: the receive that would be number maxReceives + 1 dead-letters instead. */
    protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
        return receivesSoFar >= maxReceives;
    }

    /** I7: the deduplication window this queue keeps. */
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(window);
    }

    /** I1, I6: an expired message goes back into its lane ahead of every later send of its group. */
    protected <T> void putBack(Deque<T> lane, T expired, Comparator<? super T> sendOrder) {
        Deque<T> earlier = new ArrayDeque<>(0);
        while (config().fifo() && !lane.isEmpty() && sendOrder.compare(lane.peekFirst(), expired) < 0) {
            earlier.push(lane.pollFirst()); // expired before it in the same instant: they stay ahead
        }
        lane.addFirst(expired);
        while (!earlier.isEmpty()) {
            lane.addFirst(earlier.pop());
        }
    }

    /** I1: a dead letter is kept until redriven. */
    protected <T> void keepDeadLetter(Map<String, T> deadLetterQueue, String id, T message) {
        deadLetterQueue.put(id, message);
    }
}
