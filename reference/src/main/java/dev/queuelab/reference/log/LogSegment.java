package dev.queuelab.reference.log;

import dev.queuelab.api.log.ConsumerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One segment of a partition: a run of consecutive offsets starting at its {@code baseOffset}, kept in memory.
 *
 * Teaches: a partition is stored as a list of segments so that retention can drop the oldest ones whole, in
 * O(1) each, instead of deleting records one by one; only the last (active) segment is appended to.
 * Invariants:
 *   S1 the entry at index i has offset baseOffset + i: offsets inside a segment are dense, so an offset is
 *      found by subtraction (Kafka finds it through the OffsetIndex);
 *   S2 sizeInBytes is the sum of its entries' sizes; newestTimestamp is the latest of their timestamps;
 *   S3 a segment is never appended to once the next one exists (it was rolled).
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's LogSegment (a .log file with its .index and .timeindex) without the files; Kinesis and
 * Redis Streams expose no segments (Redis trims entries of a radix tree, approximately with MAXLEN ~).
 */
public final class LogSegment {

    /** A data record, or a transaction marker (no record) of one producer, as Kafka's control batches. */
    public record Entry(ConsumerRecord record, long producerId, boolean transactional, Marker marker, long size) {
        public boolean isMarker() {
            return marker != null;
        }
    }

    /** The control record that ends a transaction in each partition it wrote to. */
    public enum Marker { COMMIT, ABORT }

    private final long baseOffset;
    private final List<Entry> entries = new ArrayList<>();
    private long sizeInBytes;
    private Instant firstTimestamp;
    private Instant newestTimestamp;

    public LogSegment(long baseOffset) {
        this.baseOffset = baseOffset;
    }

    public long baseOffset() { return baseOffset; }

    /** One past the last offset in this segment. */
    public long nextOffset() { return baseOffset + entries.size(); }

    public long sizeInBytes() { return sizeInBytes; }

    public boolean isEmpty() { return entries.isEmpty(); }

    public Instant firstTimestamp() { return firstTimestamp; }

    public Instant newestTimestamp() { return newestTimestamp; }

    /** Adds the entry at {@link #nextOffset()} (S1), stamped {@code at}. */
    public void append(Entry entry, Instant at) {
        entries.add(entry);
        sizeInBytes += entry.size();                                         // S2
        if (firstTimestamp == null) {
            firstTimestamp = at;
        }
        newestTimestamp = newestTimestamp == null || at.isAfter(newestTimestamp) ? at : newestTimestamp;
    }

    /** The entry at {@code offset}, which must lie in [baseOffset, nextOffset). */
    public Entry entryAt(long offset) {
        return entries.get((int) (offset - baseOffset));                     // S1
    }
}
