package dev.queuelab.reference.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The FIFO deduplication window: which message a deduplication id stands for, for how long.
 *
 * Teaches: exactly-once <em>sending</em> inside a window: a producer that retries a send it is unsure of
 * gives both sends the same dedup id, and the queue keeps one.
 * Invariants:
 *   DW1 a dedup id first accepted at t makes every send with that id before t + window a duplicate;
 *   DW2 from t + window on, the id is free again (the window is half-open), even if the message was acked;
 *   DW3 memory is bounded by the sends of one window: expired ids are pruned oldest first.
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: SQS FIFO's MessageDeduplicationId with its 5-minute interval.
 */
public class DedupWindow {

    private final Duration window;
    private final Map<String, Seen> seen = new HashMap<>();
    private final Deque<Seen> oldestFirst = new ArrayDeque<>();

    public DedupWindow(Duration window) {
        this.window = window;
    }

    /** The id of the message that first used {@code dedupId} inside the window, if any (DW1, DW2). */
    public Optional<String> firstSent(String dedupId, Instant now) {
        prune(now);
        Seen first = seen.get(dedupId);
        return first != null && covers(first.at(), now) ? Optional.of(first.messageId()) : Optional.empty();
    }

    /** Starts the window of a dedup id at {@code now}. */
    public void remember(String dedupId, String messageId, Instant now) {
        Seen first = new Seen(dedupId, messageId, now);
        seen.put(dedupId, first);
        oldestFirst.addLast(first);
    }

    /** DW1, DW2: the window is half-open: an id first seen at t is free again at t + window. */
    protected boolean covers(Instant firstSeen, Instant now) {
        return now.isBefore(firstSeen.plus(window));
    }

    private void prune(Instant now) {
        while (!oldestFirst.isEmpty() && !covers(oldestFirst.peekFirst().at(), now)) { // DW3
            Seen old = oldestFirst.pollFirst();
            seen.remove(old.dedupId(), old);
        }
    }

    private record Seen(String dedupId, String messageId, Instant at) {}
}
