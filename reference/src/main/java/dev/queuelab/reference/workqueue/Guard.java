package dev.queuelab.reference.workqueue;

import java.util.concurrent.locks.StampedLock;

/**
 * The lock of one {@link SqsWorkQueue}: every public operation holds it from its first read of the queue to
 * its answer, so that no two operations interleave.
 *
 * Teaches: a queue's invariants hold only between operations; a single operation that skips the lock lets
 * another see (and change) the maps and lanes half-updated. Single-threaded tests never show it; the stress
 * run on real threads does ({@code queuelab stress}).
 * Invariants: the queue's I1 to I8 hold between operations only because {@link #guards} is true for each.
 * Thread-safety: this is it: the write lock of one {@link StampedLock} per queue, never handed out and never
 * taken twice by one thread (no operation calls another); holding it costs no allocation (the handle is one
 * object per guard). Not a {@code ReentrantLock}: that one stores its owner thread in itself at each lock, and
 * on G1 a reference stored into a long-lived object pays the write barrier's fence; a queue that has run for a
 * while (old, to the collector) ran its send, receive and ack about 1.2x as fast this way (docs/benchmarks.md,
 * "Work queue"). Threads that find it taken spin a little, then park, as with {@code ReentrantLock}.
 * Real world: the per-queue lock of an in-process broker (ActiveMQ Classic's queue, a JMS session's
 * delivery lock).
 */
public class Guard {

    /** What an operation holds until its try-with-resources block ends. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final Held NOTHING = () -> {};

    private final StampedLock lock = new StampedLock();
    private final Held locked = lock::tryUnlockWrite;

    /** Takes the lock for {@code operation} if it {@link #guards} it: {@code try (Held h = guard.hold(op)) {...}}. */
    public final Held hold(Operation operation) {
        if (!guards(operation)) {
            return NOTHING;
        }
        lock.writeLock();
        return locked;
    }

    /** Whether {@code operation} holds the lock: every one does (the bug gallery leaves one out). */
    protected boolean guards(Operation operation) {
        return true;
    }
}
