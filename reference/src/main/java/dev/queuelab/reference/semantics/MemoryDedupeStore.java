package dev.queuelab.reference.semantics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * An idempotent consumer's memory of the idempotency keys it has processed, for a while and up to a size.
 *
 * Teaches: deduplication is only as good as its memory: a duplicate that comes back after its key was
 * forgotten (by age or by room) is processed again, so the TTL must exceed the redelivery window. And a memory
 * of a hundred thousand keys is a hundred thousand live objects unless it is laid out flat: here each key costs
 * a slot in the ring's arrays (the key, its hash, its mark time) and in the index, and no object of its own, so
 * remembering adds almost nothing for the garbage collector to copy.
 * Invariants:
 *   DD1 a key marked at t is remembered at every instant in [t, t + ttl): the window is half-open, on the
 *       injected clock, and marking a key already remembered changes nothing;
 *   DD2 from t + ttl on, the key is forgotten;
 *   DD3 at most maxKeys keys are remembered: marking one more evicts the oldest mark first, and every such
 *       eviction is counted ({@link #evictions()}), never silent;
 *   DD4 the oldest key sits in its home slot of the index: every slot between a key's home and its place held
 *       an older key when it was indexed, a backward shift only fills a hole from that stretch, and keys are
 *       forgotten oldest first; so forgetting the oldest needs no probe. A full store checks it before each new
 *       key's probe (the two reads of the index then overlap) and throws if it ever fails.
 * Layout: the marks form a ring, oldest first (keys[], their hashes, markedAt[] in nanoseconds since the
 * epoch), so expiry (DD2) and eviction (DD3) both forget from its head; an open-addressing index (linear
 * probing, backward-shift deletion) maps a key to its ring position and keeps the key's hash beside it, so a
 * probe reads one array and touches a stored key only when the hashes match (a key is an object elsewhere in
 * the heap: reading one per probe was most of the store's cost). Both grow by doubling up to maxKeys; the index
 * has the least power-of-two slots above 1.25 keys each (131,072 slots, 1 MiB, for 100,000 keys: at most four
 * fifths full, so a probe's run stays short while the index takes half the cache of one twice its size).
 * A mark asks its key once ({@link #markIfAbsent}), as Redis's SET NX does.
 * Thread-safety: every method holds the store's monitor.
 * Real world: a Redis SET with NX and EX, or a table of processed keys swept by age.
 */
public final class MemoryDedupeStore implements DedupeStore {

    private static final int FIRST_CAPACITY = 16;

    private final Duration ttl;
    private final long ttlNanos;
    private final int maxKeys;
    private final InstantSource clock;
    private String[] keys;
    private int[] hashes;
    private long[] markedAt;
    private int head;
    private int count;
    /**
     * Two ints a slot: at 2s the ring position + 1 of the key whose probe sequence passes here (0: an empty
     * slot), at 2s + 1 that key's hash.
     */
    private int[] index;
    /** 32 minus log2 of the index's slot count: a Fibonacci hash's top bits pick the home slot. */
    private int shift;

    private long evictions;

    public MemoryDedupeStore(Duration ttl, int maxKeys, InstantSource clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl is " + ttl + ": give a duration above 0s");
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys is " + maxKeys + ": give 1 or more");
        }
        this.ttl = ttl;
        this.ttlNanos = ttl.toNanos();
        this.maxKeys = maxKeys;
        this.clock = Objects.requireNonNull(clock, "clock");
        allocate(Math.min(maxKeys, FIRST_CAPACITY));
    }

    /** Whether the key is remembered now (DD1, DD2). */
    @Override
    public synchronized boolean seen(String key) {
        long forgottenUpTo = nanos(clock.instant()) - ttlNanos;
        forgetExpired(forgottenUpTo);
        int slot = find(key);
        return slot >= 0 && markedAt[index[2 * slot] - 1] > forgottenUpTo;
    }

    /** Remembers the key from now for the TTL; the oldest key makes room when the store is full (DD3). */
    @Override
    public synchronized void mark(String key) {
        markIfAbsent(key);
    }

    /** {@link #mark} in one probe, answering whether the key was new (DD1: a remembered key stays as it was). */
    @Override
    public synchronized boolean markIfAbsent(String key) {
        long now = nanos(clock.instant());
        forgetExpired(now - ttlNanos);
        if (count == maxKeys) {
            checkOldestAtHome(); // before the probe, so that the two reads of the index overlap
        }
        if (find(key) >= 0) {
            return false; // DD1
        }
        if (count == keys.length) {
            if (keys.length < maxKeys) {
                grow();
            } else {
                forgetOldest();
                evictions++; // DD3
            }
        }
        int position = head + count - (head + count >= keys.length ? keys.length : 0);
        int hash = key.hashCode();
        keys[position] = key;
        hashes[position] = hash;
        markedAt[position] = now;
        count++;
        put(position, hash);
        return true;
    }

    /** Keys forgotten for room before their TTL ran out (DD3). */
    @Override
    public synchronized long evictions() {
        return evictions;
    }

    /** Keys remembered now. */
    public synchronized int size() {
        forgetExpired(nanos(clock.instant()) - ttlNanos);
        return count;
    }

    public Duration ttl() {
        return ttl;
    }

    /** DD2: forgets every key marked at or before {@code forgottenUpTo} (now - ttl), oldest first. */
    private void forgetExpired(long forgottenUpTo) {
        while (count > 0 && markedAt[head] <= forgottenUpTo) {
            forgetOldest();
        }
    }

    private void forgetOldest() {
        unindex(home(hashes[head])); // DD4
        keys[head] = null;
        head = head + 1 == keys.length ? 0 : head + 1;
        count--;
    }

    private void checkOldestAtHome() {
        if (index[2 * home(hashes[head])] != head + 1) {
            throw new IllegalStateException("DD4: the oldest key is not in its home slot");
        }
    }

    /** The index slot that holds the key, or -1. */
    private int find(String key) {
        int hash = key.hashCode();
        int mask = slots() - 1;
        for (int slot = home(hash); index[2 * slot] != 0; slot = (slot + 1) & mask) {
            if (index[2 * slot + 1] == hash && keys[index[2 * slot] - 1].equals(key)) {
                return slot;
            }
        }
        return -1;
    }

    /** Indexes ring position {@code position}, whose key has hash {@code hash}, in the first free slot of its run. */
    private void put(int position, int hash) {
        int mask = slots() - 1;
        int slot = home(hash);
        while (index[2 * slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[2 * slot] = position + 1;
        index[2 * slot + 1] = hash;
    }

    /** Empties a slot and shifts back each later entry of the run that may now sit closer to its home slot. */
    private void unindex(int hole) {
        int mask = slots() - 1;
        for (int i = (hole + 1) & mask; index[2 * i] != 0; i = (i + 1) & mask) {
            int home = home(index[2 * i + 1]);
            boolean homeInGap = i > hole ? home <= hole || home > i : home <= hole && home > i;
            if (homeInGap) {
                index[2 * hole] = index[2 * i];
                index[2 * hole + 1] = index[2 * i + 1];
                hole = i;
            }
        }
        index[2 * hole] = 0;
    }

    private int slots() {
        return index.length >>> 1;
    }

    private int home(int hash) {
        return hash * 0x9E3779B9 >>> shift;
    }

    /** Doubles the ring (oldest first from position 0 again) and rebuilds the index for it. */
    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        long[] oldAt = markedAt;
        int oldHead = head;
        int n = count;
        allocate((int) Math.min(maxKeys, 2L * oldKeys.length));
        for (int i = 0; i < n; i++) {
            int from = (oldHead + i) % oldKeys.length;
            keys[i] = oldKeys[from];
            hashes[i] = oldHashes[from];
            markedAt[i] = oldAt[from];
            put(i, hashes[i]);
        }
        count = n;
    }

    private void allocate(int capacity) {
        int slots = Integer.highestOneBit((capacity + capacity / 4 + 1) * 2 - 1); // > capacity: a probe ends
        keys = new String[capacity];
        hashes = new int[capacity];
        markedAt = new long[capacity];
        index = new int[2 * slots];
        shift = Integer.numberOfLeadingZeros(slots) + 1;
        head = 0;
        count = 0;
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
