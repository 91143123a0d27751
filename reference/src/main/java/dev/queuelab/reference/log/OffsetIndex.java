package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment's sparse {@code .index}: pairs (offset - baseOffset, byte position), one per indexIntervalBytes of
 * records, so a read finds its record by a binary search and a short scan instead of reading the file whole.
 *
 * Teaches: an index is a hint derived from the log; it can always be rebuilt from the log, never the reverse.
 * Invariants:
 *   OI1 entries are in increasing offset and position order, each pointing at the first byte of the frame of
 *      its offset;
 *   OI2 an entry is written only after its record (so no crash leaves an entry for a record not written);
 *   OI3 forcedSize is the file's length at its last force: a power loss keeps at least that much;
 *   OI4 it is forced only when its segment rolls and at a clean close (SF4), never by a group commit's force: a
 *      power cut may leave it short, torn mid-entry or naming records its log lost, so on every open, crash or
 *      not, recovery compares it entry by entry and byte by byte with the index its log gives and rewrites it
 *      if anything differs ({@link #matches}); no read uses it before that.
 * Thread-safety: its entries are guarded by its own monitor: a buffered segment's drain appends them from the
 * flush thread, without the log's monitor, while a read looks them up under it. {@link #force} runs from the flush.
 * Real world: Kafka's OffsetIndex (8-byte entries, index.interval.bytes = 4096); Kafka memory-maps the file
 * and preallocates it (segment.index.bytes); here entries are written through the channel. Kafka too treats an index
 * as rebuildable: LogSegment.recover resets it and appends entries again as it validates the batches, and a
 * segment's indexes are flushed with it (LogSegment.flush), by default only once it has rolled and at shutdown.
 */
public final class OffsetIndex {

    private final Disk disk;
    private final Path file;
    private final long baseOffset;
    private final Disk.Handle channel;
    private final List<long[]> entries = new ArrayList<>();
    private volatile long forcedSize;
    private volatile boolean dirty;

    public OffsetIndex(Disk disk, Path file, long baseOffset) {
        this.disk = disk;
        this.file = file;
        this.baseOffset = baseOffset;
        channel = disk.open(file);
        ByteBuffer all = channel.read(0, (int) (channel.size() / 8 * 8));
        while (all.remaining() >= 8) {
            entries.add(new long[] {baseOffset + all.getInt(), all.getInt()});
        }
        forcedSize = channel.size();
    }

    /**
     * True when this index holds exactly {@code expected}, the entries its log gives (OI1), and its file nothing
     * else: a torn last entry, a few bytes short of 8, is a mismatch too (OI4).
     */
    public synchronized boolean matches(List<long[]> expected) {
        if (expected.size() != entries.size() || channel.size() != 8L * entries.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (expected.get(i)[0] != entries.get(i)[0] || expected.get(i)[1] != entries.get(i)[1]) {
                return false;
            }
        }
        return true;
    }

    /** Adds an entry for the frame of {@code offset} at {@code position} (OI1). */
    public synchronized void append(long offset, long position) {
        write(entries.size(), offset, position);
        entries.add(new long[] {offset, position});
    }

    /**
     * Adds the entries {@code pending} ({offset, position} each, in order, OI1) in one write: a group commit's
     * drain writes its batch's entries together, as it writes their frames.
     */
    synchronized void appendAll(List<long[]> pending) {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(8 * pending.size());
        for (long[] e : pending) {
            b.putInt((int) (e[0] - baseOffset)).putInt((int) e[1]);
        }
        dirty = true;
        channel.write(b.flip(), entries.size() * 8L);
        entries.addAll(pending);
    }

    /** The position of the last entry at or before {@code offset}, or 0: where a scan for it starts. */
    public synchronized long lookup(long offset) {
        int lo = 0;
        int hi = entries.size() - 1;
        long found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid)[0] <= offset) {
                found = entries.get(mid)[1];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Replaces every entry with {@code rebuilt} (recovery found the file did not match its log). */
    public synchronized void rewrite(List<long[]> rebuilt) {
        channel.truncate(0);
        dirty = true; // OI4: even an emptied index is forced at its roll or the clean close
        entries.clear();
        for (long[] e : rebuilt) {
            append(e[0], e[1]);
        }
    }

    public void force() {
        if (!dirty) {
            return; // nothing written since the last force: no fsync to pay
        }
        dirty = false;
        long size = channel.size();
        channel.force();
        forcedSize = size; // OI3
    }

    /** A power loss: the file keeps what its last force covered (OI3), as the worst case allows. */
    void dropUnforced() {
        if (channel.size() > forcedSize) {
            channel.truncate(forcedSize);
        }
        channel.close();
    }

    void close() {
        channel.close();
    }

    void delete() {
        channel.close();
        disk.delete(file);
    }

    private void write(int slot, long offset, long position) {
        dirty = true;
        ByteBuffer b = ByteBuffer.allocate(8)
                .putInt((int) (offset - baseOffset))
                .putInt((int) position)
                .flip();
        channel.write(b, slot * 8L);
    }
}
