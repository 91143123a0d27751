package dev.queuelab.check.heldout.backpressure;

import dev.queuelab.reference.backpressure.BufferStore;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A buffer's messages in memory: fast, and gone at a crash.
 *
 * Teaches: buffering in memory hides overload until the process dies, then loses all of it at once.
 * Invariants: none of its own; it keeps BoundedBuffer's BP2 and BP3 between restarts and loses everything at one.
 * Thread-safety: none; its buffer holds the monitor.
 * Real world: an in-process queue (a java.util.concurrent queue, a Go channel, an asyncio.Queue).
 */
final class MemoryStore implements BufferStore {

    private final ArrayDeque<String> messages = new ArrayDeque<>();

    @Override
    public void append(String message) {
        messages.addLast(message);
    }

    @Override
    public Optional<String> take() {
        return Optional.ofNullable(messages.pollFirst());
    }

    /** Removes and returns the newest message: what {@link Slip#DROP_OLDEST_DROPS_NEWEST} takes for the oldest. */
    Optional<String> takeNewest() {
        return Optional.ofNullable(messages.pollLast());
    }

    @Override
    public int size() {
        return messages.size();
    }

    @Override
    public void restart() {
        messages.clear();
    }

    @Override
    public boolean durable() {
        return false;
    }
}
