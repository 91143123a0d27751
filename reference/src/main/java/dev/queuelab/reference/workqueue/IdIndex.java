package dev.queuelab.reference.workqueue;

/**
 * Message ids to nodes, with no object per entry: open addressing with linear probing over two arrays (the
 * ids' hashes in one, each slot's id and node side by side in the other).
 *
 * Teaches: what an index by id costs besides its lookups, and the trade a flat table makes. A {@code HashMap}
 * allocates an entry object per put (32 B, 40 B in a {@code LinkedHashMap}); here a put fills a slot of
 * arrays (12 B, the table at most half full) and allocates nothing. A probe compares hashes within a cache
 * line and follows no pointer unless they are equal. The slot keeps {@link String#hashCode}'s order (spread
 * as {@code HashMap} spreads it), so ids that count up ("41", "42", ...) land in neighbouring slots and the
 * next send probes the line the last one read; the price is linear probing's clusters: such ids fill runs of
 * neighbouring slots, and a probe that lands in a run walks it (about 20 slots among a million of them). A
 * random spread shortens the walk to two or three slots but sends each probe to a random line, which
 * measured three times slower at a million ids (docs/benchmarks.md, "Work queue").
 * Invariants:
 *   IX1 {@link #get} answers as a {@code HashMap<String, N>} given the same puts and removes would: the node
 *       last put for an id and not removed since, or null;
 *   IX2 every entry sits in the run of full slots that starts at its home slot (its hash masked), with no
 *       empty slot between; a remove moves later entries of the run back (no tombstones), so a miss stops at
 *       the first empty slot;
 *   IX3 at most half the slots are full (the table doubles past that), and it never shrinks: memory follows
 *       the most entries ever held, as a {@code HashMap}'s does.
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: the open-addressing maps of Agrona ({@code Long2ObjectHashMap}), Koloboke and Eclipse Collections;
 * the flat hash tables (Abseil's {@code flat_hash_map}) that keep a hash array apart from the entries.
 *
 * @param <N> the node an id stands for
 */
final class IdIndex<N> {

    static final int MIN_CAPACITY = 16;

    private int[] hashes; // 0: an empty slot (a hash of 0 is kept as 1)
    private Object[] entries; // slot i's id at 2i, its node at 2i + 1: one cache line for both
    private int mask;
    private int size;

    IdIndex() {
        resize(MIN_CAPACITY);
    }

    /** IX1: the node of {@code id}, or null. */
    @SuppressWarnings("unchecked")
    N get(String id) {
        int slot = slotOf(id);
        return slot < 0 ? null : (N) entries[2 * slot + 1];
    }

    /** IX1: makes {@code id} stand for {@code node}; the node it stood for, or null. */
    @SuppressWarnings("unchecked")
    N put(String id, N node) {
        int hash = hash(id);
        int slot = hash & mask;
        for (; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && entries[2 * slot].equals(id)) {
                N old = (N) entries[2 * slot + 1];
                entries[2 * slot + 1] = node;
                return old;
            }
        }
        hashes[slot] = hash;
        entries[2 * slot] = id;
        entries[2 * slot + 1] = node;
        if (++size > (mask + 1) / 2) {
            resize((mask + 1) * 2); // IX3
        }
        return null;
    }

    /** IX1, IX2: forgets {@code id}; the node it stood for, or null. */
    @SuppressWarnings("unchecked")
    N remove(String id) {
        int slot = slotOf(id);
        if (slot < 0) {
            return null;
        }
        N old = (N) entries[2 * slot + 1];
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; hashes[next] != 0; next = (next + 1) & mask) {
            // IX2: an entry may fill the hole only if the hole lies between its home slot and where it sits
            if (((next - hashes[next]) & mask) >= ((next - hole) & mask)) {
                hashes[hole] = hashes[next];
                entries[2 * hole] = entries[2 * next];
                entries[2 * hole + 1] = entries[2 * next + 1];
                hole = next;
            }
        }
        hashes[hole] = 0;
        entries[2 * hole] = null;
        entries[2 * hole + 1] = null;
        return old;
    }

    int size() {
        return size;
    }

    /** The slots, full and empty (IX3). */
    int capacity() {
        return mask + 1;
    }

    private int slotOf(String id) {
        int hash = hash(id);
        for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && entries[2 * slot].equals(id)) {
                return slot;
            }
        }
        return -1;
    }

    /** String's hash, spread as HashMap spreads it: the high bits reach the slot, neighbours stay neighbours. */
    private static int hash(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        hashes = new int[capacity];
        entries = new Object[2 * capacity];
        mask = capacity - 1;
        if (oldHashes == null) {
            return;
        }
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[i];
                entries[2 * slot] = oldEntries[2 * i];
                entries[2 * slot + 1] = oldEntries[2 * i + 1];
            }
        }
    }
}
