package dev.queuelab.reference.workqueue;

import java.util.function.IntFunction;

/**
 * Message ids to int handles, with no object per entry and no reference at all: open addressing with linear
 * probing over one {@code int[]}, each slot an id's hash and its handle side by side; the owner's arena turns
 * a handle into its node, and that node into its id ({@code keys}) when two hashes are equal.
 *
 * Teaches: what an index by id costs besides its lookups. A {@code HashMap} allocates an entry object per put
 * (32 B, 40 B in a {@code LinkedHashMap}); here a put fills 8 B of a table at most a quarter full (32 to 64 B
 * of table per id, about what a {@code HashMap}'s entry and slot take) and allocates nothing. And a table of
 * primitives is one the collector never reads: under G1 each reference stored into a long-lived array dirties
 * a card (512 B of it) that a refinement thread then scans: with a million ids the sends' ids and nodes kept
 * it busy for an eighth of a second core; with ints it has nothing to scan (docs/benchmarks.md, "Work
 * queue"). A probe compares hashes within a cache line (eight slots) and follows no pointer unless they are
 * equal. The slot keeps {@link String#hashCode}'s order (spread as {@code HashMap} spreads it), so ids that
 * count up ("41", "42", ...) land in neighbouring slots; the price is linear probing's clusters: such ids
 * fill runs of neighbouring slots, and a probe that lands in a run walks it. Among a million such ids a new id's probe
 * read 17 slots on average in a table half full, and 3.3 in one a quarter full, hence IX3's quarter: with a
 * million messages in flight the queue's cycle ran about 1.17x as fast (docs/benchmarks.md, "Work queue").
 * So a probe's answer is kept for the next call with the same id object: a send checks an id and then puts
 * it, an ack finds it and then removes it, and each pair walks the run once (IX5: about an eighth more
 * cycles per CPU-second, with one message in flight and with a million).
 * Invariants:
 *   IX1 {@link #get} answers as a {@code HashMap<String, Integer>} given the same puts and removes would: the
 *       handle last put for an id and not removed since, or {@link #ABSENT};
 *   IX2 every entry sits in the run of full slots that starts at its home slot (its hash masked), with no
 *       empty slot between; a remove moves later entries of the run back (no tombstones), so a miss stops at
 *       the first empty slot;
 *   IX3 at most a quarter of the slots are full (the table doubles past that), and it never shrinks: memory
 *       follows the most entries ever held, as a {@code HashMap}'s does;
 *   IX4 its table holds no reference (its one other is the id of its last probe, IX5): handles are ints, and
 *       {@code keys} is asked for a handle's id only while that handle is in the table;
 *   IX5 a probe's answer is kept until the table next changes, and the same id object (not an equal one)
 *       asked again is answered from it: a send's check then put, and an ack's get then remove, walk the run
 *       once each.
 * Thread-safety: not thread-safe; {@link SqsWorkQueue} calls it under its own lock.
 * Real world: the open-addressing primitive maps of Agrona ({@code Object2IntHashMap}), Koloboke and Eclipse
 * Collections; Chronicle Queue's and Aeron's indexes of offsets rather than objects; the flat hash tables
 * (Abseil's {@code flat_hash_map}) that keep a hash beside each slot.
 */
final class IdIndex {

    static final int MIN_CAPACITY = 16;
    static final int ABSENT = -1;

    private final IntFunction<String> keys; // a handle's id, read only when the hashes match
    private int[] table; // slot i: the id's hash at 2i (0: empty; a hash of 0 is kept as 1), its handle at 2i + 1
    private int mask;
    private int size;
    private String probed; // IX5: the id of the last probe, while the table is as that probe found it
    private int probedAt; // and its answer: the id's slot, or ~ the empty slot where it would go

    /** IX4: an index whose handles name their ids through {@code keys}, the owner's arena of nodes. */
    IdIndex(IntFunction<String> keys) {
        this.keys = keys;
        resize(MIN_CAPACITY);
    }

    /** IX1: the handle of {@code id}, or {@link #ABSENT}. */
    int get(String id) {
        int slot = probe(id);
        return slot < 0 ? ABSENT : table[2 * slot + 1];
    }

    /** IX1: makes {@code id} stand for {@code handle}; the handle it stood for, or {@link #ABSENT}. */
    int put(String id, int handle) {
        int slot = probe(id);
        if (slot >= 0) {
            int old = table[2 * slot + 1];
            table[2 * slot + 1] = handle;
            return old;
        }
        slot = ~slot;
        table[2 * slot] = hash(id);
        table[2 * slot + 1] = handle;
        probedAt = slot; // IX5: the table changed, and this probe with it
        if (++size > (mask + 1) / 4) {
            resize((mask + 1) * 2); // IX3
        }
        return ABSENT;
    }

    /** IX1, IX2: forgets {@code id}; the handle it stood for, or {@link #ABSENT}. */
    int remove(String id) {
        int slot = probe(id);
        if (slot < 0) {
            return ABSENT;
        }
        probed = null; // IX5: entries move
        int old = table[2 * slot + 1];
        size--;
        int hole = slot;
        for (int next = (hole + 1) & mask; table[2 * next] != 0; next = (next + 1) & mask) {
            // IX2: an entry may fill the hole only if the hole lies between its home slot and where it sits
            if (((next - table[2 * next]) & mask) >= ((next - hole) & mask)) {
                table[2 * hole] = table[2 * next];
                table[2 * hole + 1] = table[2 * next + 1];
                hole = next;
            }
        }
        table[2 * hole] = 0;
        table[2 * hole + 1] = 0;
        return old;
    }

    int size() {
        return size;
    }

    /** The slots, full and empty (IX3). */
    int capacity() {
        return mask + 1;
    }

    /**
     * IX2, IX5: the slot that holds {@code id}, or, if none does, {@code ~slot} of the empty slot that ends its
     * run, where a put would place it; the same id object asked again before the table changes is answered
     * from the last probe.
     */
    private int probe(String id) {
        if (id == probed) {
            return probedAt;
        }
        int hash = hash(id);
        int slot = hash & mask;
        for (; table[2 * slot] != 0; slot = (slot + 1) & mask) {
            if (table[2 * slot] == hash && keys.apply(table[2 * slot + 1]).equals(id)) {
                break;
            }
        }
        probed = id;
        return probedAt = table[2 * slot] == 0 ? ~slot : slot;
    }

    /** String's hash, spread as HashMap spreads it: the high bits reach the slot, neighbours stay neighbours. */
    private static int hash(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    private void resize(int capacity) {
        int[] old = table;
        table = new int[2 * capacity];
        probed = null; // IX5: every slot moves
        mask = capacity - 1;
        if (old == null) {
            return;
        }
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = old[i] & mask;
                while (table[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }
}
