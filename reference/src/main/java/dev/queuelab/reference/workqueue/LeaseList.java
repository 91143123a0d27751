package dev.queuelab.reference.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The leases of messages in flight, kept by deadline, so that expiring them costs nothing per message still
 * hidden (no timers, no scans) and ending one early, by an ack or an extension, costs O(1).
 *
 * Teaches: deadlines that share a timeout arrive in the order they were set, so one list per timeout is
 * sorted for free (the idea behind timer wheels and Kafka's delayed-operation purgatory); and a lease that
 * is its own list node (an <em>intrusive</em> list) leaves it in O(1), with no search and no allocation.
 * Invariants:
 *   LL1 {@link #earliest()} is a held lease with the smallest deadline, or null when none is held;
 *   LL2 each line holds the leases of one timeout in deadline order, equal deadlines in the order added;
 *      so only the lines' heads are ever compared;
 *   LL3 a lease is held at most once: adding a held lease is refused; {@link #remove} of a held lease
 *      unlinks it in O(1); adding is O(1) unless its deadline is before its line's last (the clock stepped
 *      back, or an odd deadline rule), when it walks back to its place;
 *   LL4 memory is the held leases plus at most {@value #IDLE_LINES} idle lines: a timeout in steady use keeps
 *      its line between one lease and the next, so one message at a time allocates nothing here.
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: the visibility-timeout index of a queue broker; Netty's HashedWheelTimer; Kafka's purgatory.
 *
 * @param <L> the lease type: the list's node, so that the message in flight is its own lease
 */
public final class LeaseList<L extends LeaseList.Lease> {

    /** A node of the list: the deadline it is held until, and its links while held (null while not). */
    public abstract static class Lease {
        private Instant deadline;
        private Lease prev;
        private Lease next;

        public final Instant deadline() {
            return deadline;
        }

        public final boolean held() {
            return next != null;
        }
    }

    /** One timeout's leases: a ring through this sentinel, so that unlinking needs no line and no test for ends. */
    private static final class Line extends Lease {
        final Duration timeout;

        Line(Duration timeout) {
            this.timeout = timeout;
            super.prev = this;
            super.next = this;
        }

        Lease first() {
            return super.next == this ? null : super.next;
        }

        Lease lastOne() {
            return super.prev;
        }
    }

    static final int IDLE_LINES = 4;

    private final List<Line> lines = new ArrayList<>();
    private Line last; // the line of the latest add: the usual one for the next
    private int size;

    /** LL2, LL3: holds {@code lease} until {@code deadline}, in the line of {@code timeout}. */
    public void add(L added, Instant deadline, Duration timeout) {
        Lease lease = added; // a type variable cannot reach private fields
        if (lease.held()) {
            throw new IllegalStateException(
                    "LL3: this lease is held already (until " + lease.deadline + "): remove it before adding it again");
        }
        Line line = lineOf(timeout);
        Lease after = line.lastOne();
        while (after != line && deadline.isBefore(after.deadline)) {
            after = after.prev; // LL2: only for a deadline out of order
        }
        lease.deadline = deadline;
        linkAfter(lease, after);
        size++;
    }

    /** LL3: stops holding {@code lease}; a lease not held is left as it is. */
    public void remove(L removed) {
        Lease lease = removed;
        if (!lease.held()) {
            return;
        }
        lease.prev.next = lease.next;
        lease.next.prev = lease.prev;
        lease.prev = null;
        lease.next = null;
        size--;
    }

    /** LL1: the held lease due first, or null; idle lines beyond {@value #IDLE_LINES} are forgotten on the way. */
    @SuppressWarnings("unchecked")
    public L earliest() {
        if (size == 0 && lines.size() <= IDLE_LINES) {
            return null; // the usual case of a queue that keeps up: every call asks
        }
        Lease best = null;
        for (int i = lines.size() - 1; i >= 0; i--) {
            Lease first = lines.get(i).first();
            if (first == null && lines.size() > IDLE_LINES) {
                forget(i); // LL4
            } else if (first != null && (best == null || first.deadline.isBefore(best.deadline))) {
                best = first;
            }
        }
        return (L) best;
    }

    /** The leases held. */
    public int size() {
        return size;
    }

    /** The lines kept, idle ones included (LL4). */
    int lines() {
        return lines.size();
    }

    private Line lineOf(Duration timeout) {
        if (last != null && last.timeout.equals(timeout)) {
            return last;
        }
        for (Line line : lines) {
            if (line.timeout.equals(timeout)) {
                return last = line;
            }
        }
        lines.add(last = new Line(timeout));
        return last;
    }

    private void forget(int i) {
        if (lines.get(i) == last) {
            last = null;
        }
        lines.remove(i);
    }

    private static void linkAfter(Lease lease, Lease after) {
        lease.prev = after;
        lease.next = after.next;
        lease.prev.next = lease;
        lease.next.prev = lease;
    }
}
