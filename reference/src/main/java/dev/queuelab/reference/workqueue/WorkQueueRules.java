package dev.queuelab.reference.workqueue;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
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
 * to break a single promise. {@link SqsWorkQueue} is given a rules object; {@link #REFERENCE} is SQS's, and
 * each bug-gallery variant is a rules object with one method overridden.
 * Invariants: those of {@link SqsWorkQueue} (I1 to I8); each method names the ones it decides.
 * Thread-safety: stateless; one instance serves any number of queues, each calling it under its own lock.
 * Real world: each rule is SQS's, as docs/work-queue.md says where the reference is stricter.
 */
public class WorkQueueRules {

    /** The rules as the reference keeps them. */
    public static final WorkQueueRules REFERENCE = new WorkQueueRules();

    protected WorkQueueRules() {}

    /** I8: which lane a message waits in: its group on a FIFO queue; a standard queue's share one. */
    protected String laneOf(Message message, boolean fifo) {
        return fifo ? message.groupId() : "";
    }

    /** I6, I8: how many of a lane's messages may be in flight before a receive may take more of it. */
    protected int maxInFlightPerLane(boolean fifo) {
        return fifo ? 1 : Integer.MAX_VALUE;
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

    /** I2: every operation honours the deadlines that passed before it reads or changes anything. */
    protected boolean expiresLeasesFirst(Operation operation) {
        return true;
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

    /** I7: a send inside its dedup id's window is answered DUPLICATE before its message id is looked at: a retry is never refused. */
    protected boolean dedupBeforeIdCheck() {
        return true;
    }

    /** I7: the deduplication window a new queue keeps. */
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(window);
    }

    /** I1 to I8 hold between operations: a new queue's lock, which every operation holds. */
    protected Guard newGuard() {
        return new Guard();
    }

    /** I1, I6: an expired message goes back into its lane ahead of every later send of its group. */
    protected <T> void putBack(Deque<T> lane, T expired, Comparator<? super T> sendOrder, boolean fifo) {
        Deque<T> earlier = new ArrayDeque<>(0);
        while (fifo && !lane.isEmpty() && sendOrder.compare(lane.peekFirst(), expired) < 0) {
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
