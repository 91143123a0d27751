package dev.queuelab.reference.log;

import dev.queuelab.api.log.ConsumerRecord;
import java.time.Instant;
import java.util.List;

/**
 * One segment of a partition: a run of consecutive offsets starting at its {@code baseOffset}, kept in memory
 * ({@link MemoryLogSegment}) or in a file ({@link FileLogSegment}).
 *
 * Teaches: a partition is stored as a list of segments so that retention can drop the oldest ones whole, in
 * O(1) each, instead of deleting records one by one; only the last (active) segment is appended to.
 * Invariants:
 *   SG1 the entry of offset o lies in [baseOffset, nextOffset): offsets inside a segment are dense;
 *   SG2 sizeInBytes is the sum of its entries' sizes; newestTimestamp is the latest of their timestamps;
 *   SG3 a segment is never appended to once the next one exists (it was rolled).
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's LogSegment (a .log file with its .index and .timeindex); Kinesis and Redis Streams
 * expose no segments (Redis trims entries of a radix tree, approximately with MAXLEN ~).
 */
public abstract class LogSegment {

    /** A data record, or a transaction marker (no record) of one producer, as Kafka's control batches. */
    public record Entry(ConsumerRecord record, long producerId, boolean transactional, Marker marker, long size) {
        public boolean isMarker() {
            return marker != null;
        }
    }

    /** The control record that ends a transaction in each partition it wrote to. */
    public enum Marker {
        COMMIT,
        ABORT
    }

    public abstract long baseOffset();

    /** One past the last offset in this segment. */
    public abstract long nextOffset();

    public abstract long sizeInBytes();

    public boolean isEmpty() {
        return nextOffset() == baseOffset();
    }

    public abstract Instant firstTimestamp();

    public abstract Instant newestTimestamp();

    /** Adds the entry at {@link #nextOffset()} (SG1), stamped {@code at}. */
    public abstract void append(Entry entry, Instant at);

    /** The entry at {@code offset}, which must lie in [baseOffset, nextOffset). */
    public abstract Entry entryAt(long offset);

    /**
     * The records at [from, to), inside this segment, as a read-only view when none of those offsets holds a
     * marker or a transactional record; else null, and the reader steps entry by entry. The view is valid only
     * while the log's monitor is held: copy it before letting it go.
     */
    public List<ConsumerRecord> plainRecords(long from, long to) {
        return null;
    }
}
