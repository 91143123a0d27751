package dev.queuelab.reference.log;

import dev.queuelab.api.log.ConsumerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A segment kept in memory: a list whose index i holds the record at offset baseOffset + i.
 *
 * Teaches: what a segment is once files are taken away: a run of dense offsets with its size and timestamps.
 * Invariants: SG1 to SG3 of {@link LogSegment}; SG1 here is "index i holds offset baseOffset + i", so an offset
 * is found by subtraction (Kafka finds it through the OffsetIndex). A plain record (no producer id, no
 * transaction) is kept as its {@link ConsumerRecord} alone, the object every read hands out; the entry of a
 * marker, or of an idempotent or transactional record, is kept whole beside it.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's LogSegment without its files: a restart loses it.
 */
public final class MemoryLogSegment extends LogSegment {

    private final long baseOffset;
    private final List<ConsumerRecord> records = new ArrayList<>(); // null at a marker
    private final Map<Integer, Entry> others = new HashMap<>(); // by index: entries that are more than a record
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
        return baseOffset + records.size();
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
        int i = records.size();
        records.add(entry.record());
        if (entry.producerId() != -1 || entry.transactional()) {
            others.put(i, entry); // the record alone would lose its producer, its transaction or its marker
        }
        if (entry.transactional()) {
            lastTransactional = i;
        }
        sizeInBytes += entry.size(); // SG2
        if (firstTimestamp == null) {
            firstTimestamp = at;
        }
        newestTimestamp = newestTimestamp == null || at.isAfter(newestTimestamp) ? at : newestTimestamp;
    }

    @Override
    public Entry entryAt(long offset) {
        int i = (int) (offset - baseOffset); // SG1
        Entry entry = others.get(i);
        ConsumerRecord r = records.get(i);
        return entry != null
                ? entry
                : new Entry(r, -1, false, null, r.asProducerRecord().sizeInBytes());
    }

    /** The stored records themselves (immutable): a reader copies references to them, never the records. */
    @Override
    public List<ConsumerRecord> plainRecords(long from, long to) {
        int first = (int) (from - baseOffset);
        return first > lastTransactional
                ? Collections.unmodifiableList(records.subList(first, (int) (to - baseOffset)))
                : null;
    }
}
