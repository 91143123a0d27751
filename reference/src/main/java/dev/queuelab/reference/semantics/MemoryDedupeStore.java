package dev.queuelab.reference.semantics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An idempotent consumer's memory of the idempotency keys it has processed, for a while and up to a size.
 *
 * Teaches: deduplication is only as good as its memory: a duplicate that comes back after its key was
 * forgotten (by age or by room) is processed again, so the TTL must exceed the redelivery window.
 * Invariants:
 *   DD1 a key marked at t is remembered at every instant in [t, t + ttl): the window is half-open, on the
 *       injected clock, and marking a key already remembered changes nothing;
 *   DD2 from t + ttl on, the key is forgotten;
 *   DD3 at most maxKeys keys are remembered: marking one more evicts the oldest mark first, and every such
 *       eviction is counted ({@link #evictions()}), never silent.
 * Thread-safety: every method holds the store's monitor.
 * Real world: a Redis SET with NX and EX, or a table of processed keys swept by age.
 */
public final class MemoryDedupeStore implements DedupeStore {

    private final Duration ttl;
    private final int maxKeys;
    private final InstantSource clock;
    private final Map<String, Instant> marked = new HashMap<>();
    private final Deque<Mark> oldestFirst = new ArrayDeque<>();
    private long evictions;

    public MemoryDedupeStore(Duration ttl, int maxKeys, InstantSource clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl is " + ttl + ": give a duration above 0s");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys is " + maxKeys + ": give 1 or more");
        }
        this.ttl = ttl;
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the key is remembered now (DD1, DD2). */
    @Override
    public synchronized boolean seen(String key) {
        Instant now = clock.instant();
        forgetExpired(now);
        Instant at = marked.get(key);
        return at != null && now.isBefore(at.plus(ttl));
    }

    /** Remembers the key from now for the TTL; the oldest key makes room when the store is full (DD3). */
    @Override
    public synchronized void mark(String key) {
        Instant now = clock.instant();
        forgetExpired(now);
        if (marked.containsKey(key)) {
            return; // DD1
        }
        while (marked.size() >= maxKeys) {
            Mark oldest = oldestFirst.pollFirst();
            if (marked.remove(oldest.key(), oldest.at())) {
                evictions++; // DD3
            }
        }
        marked.put(key, now);
        oldestFirst.addLast(new Mark(key, now));
    }

    /** Keys forgotten for room before their TTL ran out (DD3). */
    @Override
    public synchronized long evictions() {
        return evictions;
    }

    /** Keys remembered now. */
    public synchronized int size() {
        forgetExpired(clock.instant());
        return marked.size();
    }

    public Duration ttl() {
        return ttl;
    }

    private void forgetExpired(Instant now) {
        while (!oldestFirst.isEmpty()
                && !now.isBefore(oldestFirst.peekFirst().at().plus(ttl))) { // DD2
            Mark old = oldestFirst.pollFirst();
            marked.remove(old.key(), old.at());
        }
    }

    private record Mark(String key, Instant at) {}
}
