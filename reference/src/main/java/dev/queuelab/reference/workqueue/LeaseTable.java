package dev.queuelab.reference.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The leases of messages in flight, ordered by deadline, so that expiring them costs nothing per message
 * still hidden: no timers, no scans.
 *
 * Teaches: deadlines that share a timeout arrive in the order they were set, so one FIFO queue per timeout
 * keeps them sorted for free (the idea behind timer wheels and Kafka's delayed-operation purgatory); a heap
 * is needed only for a deadline that arrives out of order (the clock stepped back, or an odd deadline rule).
 * Invariants:
 *   L1 {@link #earliest()} is a lease with the smallest deadline among those added and not yet polled;
 *   L2 a lease that is no longer live (acked, extended) is never returned, and is dropped either at once
 *      (when it is first in its queue) or by a sweep once dead leases are half of those held: memory stays
 *      proportional to the live leases, and each lease costs O(1) amortised (O(log n) only out of order).
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: the visibility-timeout index of a queue broker; Netty's HashedWheelTimer; Kafka's purgatory.
 *
 * @param <L> the lease type: it knows its deadline and the timeout that set it
 */
public final class LeaseTable<L extends LeaseTable.Timed> {

    /** What the table needs to know of a lease. */
    public interface Timed {
        Instant deadline();

        Duration timeout();
    }

    private static final int SWEEP_AFTER = 1024;

    private final Predicate<L> live;
    private final Map<Duration, ArrayDeque<L>> inOrder = new HashMap<>();     // per timeout, deadlines ascending
    private final List<ArrayDeque<L>> queues = new ArrayList<>();              // the same queues, cheap to walk
    private final PriorityQueue<L> outOfOrder = new PriorityQueue<>(Comparator.comparing(Timed::deadline));
    private int size;
    private int dead;

    /** @param live whether a lease still stands (its message is in flight under it) */
    public LeaseTable(Predicate<L> live) {
        this.live = live;
    }

    public void add(L lease) {
        ArrayDeque<L> queue = inOrder.get(lease.timeout());
        if (queue == null) {
            queue = new ArrayDeque<>();
            inOrder.put(lease.timeout(), queue);
            queues.add(queue);
        }
        if (queue.isEmpty() || !lease.deadline().isBefore(queue.peekLast().deadline())) {
            queue.addLast(lease);
        } else {
            outOfOrder.add(lease);            // L1: the one case that needs a heap
        }
        size++;
    }

    /** L1, L2: the live lease with the earliest deadline, or null; dead leases met on the way are dropped. */
    public L earliest() {
        L best = null;
        for (int i = queues.size() - 1; i >= 0; i--) {
            ArrayDeque<L> queue = queues.get(i);
            while (!queue.isEmpty() && !live.test(queue.peekFirst())) {
                queue.pollFirst();
                size--;
                dead--;
            }
            if (queue.isEmpty()) {
                queues.remove(i);             // a timeout no lease uses any more costs nothing
                inOrder.values().remove(queue);
            } else if (best == null || queue.peekFirst().deadline().isBefore(best.deadline())) {
                best = queue.peekFirst();
            }
        }
        while (!outOfOrder.isEmpty() && !live.test(outOfOrder.peek())) {
            outOfOrder.poll();
            size--;
            dead--;
        }
        L odd = outOfOrder.peek();
        return odd != null && (best == null || odd.deadline().isBefore(best.deadline())) ? odd : best;
    }

    /** Removes the lease {@link #earliest()} returned. */
    public void removeEarliest(L lease) {
        ArrayDeque<L> queue = inOrder.get(lease.timeout());
        if (queue != null && queue.peekFirst() == lease) {
            queue.pollFirst();
        } else {
            outOfOrder.poll();                // it was the heap's top: O(log n)
        }
        size--;
    }

    /** Leases held, dead ones not yet dropped included: L2 keeps it under twice the live ones (plus the sweep's slack). */
    public int size() {
        return size;
    }

    /** L2: a lease that stopped being live (call after the change that made it so). */
    public void died(L lease) {
        ArrayDeque<L> queue = inOrder.get(lease.timeout());
        if (queue != null && queue.peekFirst() == lease) {
            queue.pollFirst();                // the usual case when consumers keep up
            size--;
            return;
        }
        if (++dead > SWEEP_AFTER && dead > size / 2) {
            queues.forEach(q -> q.removeIf(live.negate()));
            outOfOrder.removeIf(live.negate());
            size = queues.stream().mapToInt(ArrayDeque::size).sum() + outOfOrder.size();
            dead = 0;
        }
    }
}
