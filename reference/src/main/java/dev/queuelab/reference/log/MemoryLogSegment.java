package dev.queuelab.reference.log;

import dev.queuelab.api.log.ConsumerRecord;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A segment kept in memory: a list whose index i holds offset baseOffset + i.
 *
 * Teaches: what a segment is once files are taken away: a run of dense offsets with its size and timestamps.
 * Invariants: S1 to S3 of {@link LogSegment}; S1 here is "index i holds offset baseOffset + i", so an offset
 * is found by subtraction (Kafka finds it through the OffsetIndex).
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's LogSegment without its files: a restart loses it.
 */
public final class MemoryLogSegment extends LogSegment {

    private final long baseOffset;
    private final List<Entry> entries = new ArrayList<>();
    private int lastTransactional = -1; // the index of the last marker or transactional record
    private long sizeInBytes;
    private Instant firstTimestamp;
    private Instant newestTimestamp;

    public MemoryLogSegment(long baseOffset) {
        this.baseOffset = baseOffset;
    }

    @Override
    public long baseOffset() {
        return baseOffset;
    }

    @Override
    public long nextOffset() {
        return baseOffset + entries.size();
    }

    @Override
    public long sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public Instant firstTimestamp() {
        return firstTimestamp;
    }

    @Override
    public Instant newestTimestamp() {
        return newestTimestamp;
    }

    @Override
    public void append(Entry entry, Instant at) {
        entries.add(entry);
        if (entry.transactional()) {
            lastTransactional = entries.size() - 1;
        }
        sizeInBytes += entry.size(); // S2
        if (firstTimestamp == null) {
            firstTimestamp = at;
        }
        newestTimestamp = newestTimestamp == null || at.isAfter(newestTimestamp) ? at : newestTimestamp;
    }

    @Override
    public Entry entryAt(long offset) {
        return entries.get((int) (offset - baseOffset)); // S1
    }

    /** The records themselves, as stored (immutable): a reader copies the references, not the records. */
    @Override
    public List<ConsumerRecord> plainRecords(long from, long to) {
        int first = (int) (from - baseOffset);
        int size = (int) (to - from);
        return first <= lastTransactional
                ? null
                : new AbstractList<>() {
                    @Override
                    public ConsumerRecord get(int i) {
                        return entries.get(first + Objects.checkIndex(i, size)).record();
                    }

                    @Override
                    public int size() {
                        return size;
                    }
                };
    }
}
