package dev.queuelab.reference.log;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One partition: its segments, its offsets, and the state of the transactions that wrote to it.
 *
 * Teaches: a partition is an append-only list of records numbered by offset; reading does not remove
 * anything; only retention does, a whole segment at a time from the oldest end; the last stable offset holds
 * read_committed readers back behind the earliest open transaction.
 * Invariants (numbered as in {@link KafkaLog}):
 *   L1 offsets are assigned 0, 1, 2... in append order, never reused: the high watermark only grows;
 *   L3 logStartOffset is the baseOffset of the first segment; every offset in [logStartOffset, highWatermark)
 *      is served, nothing else is;
 *   L4 the segments are contiguous: each starts where the previous ended; only the last one takes appends;
 *   L5 retention removes a prefix of whole segments, each wholly below the high watermark, open transactions
 *      or not; if the active one goes, an empty one is rolled first, so the high watermark never moves back;
 *   L6 lastStableOffset = the first offset of the earliest open transaction (moved up to the log start if
 *      retention deleted it), or the high watermark; a read_committed read never returns a record at or past it;
 *   L11 a record of an aborted transaction lies in [firstOffset, marker) of an entry in the aborted index.
 * Thread-safety: none of its own; every method is called with the log's monitor held.
 * Real world: Kafka's Partition and UnifiedLog with one replica (the high watermark is the log end offset);
 * retention as UnifiedLog.deleteOldSegments bounds it, and the first unstable offset as
 * maybeIncrementFirstUnstableOffset moves it.
 * Kinesis calls it a shard: sequence numbers are sparse and increasing, not dense, and retention is by time
 * only (24 h to 365 days). Redis Streams has one stream per key, ids of "ms-seq", and XTRIM by count or id.
 */
public class Partition {

    private final int id;
    private final LogConfig config;
    private final LogRules rules;
    private final LogStorage storage;
    private final NavigableMap<Long, LogSegment> segments = new TreeMap<>();
    private final Map<Long, Long> openTransactions = new HashMap<>(); // producerId -> its first offset here
    private final List<long[]> abortedIndex = new ArrayList<>(); // {producerId, firstOffset, markerOffset}
    private final TimeRule expired; // L5 by time, asked of a segment's newest timestamp
    private final TimeRule aged; // L4 by age, asked of the active segment's first timestamp
    private LogSegment active; // the last segment, the only one appends go to (L4)
    private long logEndOffset; // the next offset to write; the rules derive the high watermark from it (L3)
    private long sizeInBytes;
    private Instant retainedAt; // when retention last ran; it runs again once the clock or the log has moved
    private boolean written = true; // since retention last ran

    public Partition(int id, LogConfig config, LogRules rules) {
        this(id, config, rules, new MemoryLogStorage(id));
    }

    /** A partition over what {@code storage} kept: its offsets and open or aborted transactions replayed. */
    public Partition(int id, LogConfig config, LogRules rules, LogStorage storage) {
        this.id = id;
        this.config = config;
        this.rules = rules;
        this.storage = storage;
        this.expired = new TimeRule((newest, now) -> rules.expiredByTime(newest, now, config.retentionTime()));
        this.aged = new TimeRule((first, now) -> rules.rollsByAge(first, now, config.segmentAge()));
        for (LogSegment s : storage.segments()) {
            segments.put(s.baseOffset(), s);
            sizeInBytes += s.sizeInBytes();
            for (long o = s.baseOffset(); o < s.nextOffset(); o++) {
                replay(s.entryAt(o), o);
            }
        }
        active = segments.lastEntry().getValue();
        logEndOffset = active.nextOffset();
    }

    /** Where this partition's segments live. */
    public LogStorage storage() {
        return storage;
    }

    private void replay(LogSegment.Entry e, long offset) {
        if (e.isMarker()) {
            Long first = openTransactions.remove(e.producerId());
            if (first != null && e.marker() == LogSegment.Marker.ABORT) {
                abortedIndex.add(new long[] {e.producerId(), first, offset}); // L11
            }
        } else if (e.transactional()) {
            openTransactions.putIfAbsent(e.producerId(), offset); // L6
        }
    }

    public long logStartOffset() {
        return segments.firstKey();
    } // L3

    public long highWatermark() {
        return rules.highWatermark(logEndOffset);
    }

    public long sizeInBytes() {
        return sizeInBytes;
    }

    public int segmentCount() {
        return segments.size();
    }

    public List<Long> segmentBaseOffsets() {
        return List.copyOf(segments.keySet());
    }

    public long lastStableOffset() { // L6: with no transaction open, the high watermark at once
        return openTransactions.isEmpty()
                ? highWatermark()
                : rules.firstUnstableOffset(Collections.min(openTransactions.values()), logStartOffset());
    }

    /** Appends a data record and returns its offset; a transactional one opens or joins its transaction here. */
    public long append(ProducerRecord record, Instant now, long producerId, boolean transactional) {
        long offset = logEndOffset;
        ConsumerRecord stored = new ConsumerRecord(id, offset, now, record.key(), record.value(), record.headers());
        write(new LogSegment.Entry(stored, producerId, transactional, null, record.sizeInBytes()), now);
        if (transactional) {
            openTransactions.putIfAbsent(producerId, offset); // L6
        }
        return offset;
    }

    /** Ends a producer's transaction here with a marker; an abort enters [first, marker) in the index (L11). */
    public void endTransaction(long producerId, LogSegment.Marker marker, Instant now) {
        Long first = openTransactions.remove(producerId);
        if (first == null) {
            return; // the transaction never wrote here
        }
        long markerOffset = logEndOffset;
        if (rules.writesMarker(marker)) {
            write(new LogSegment.Entry(null, producerId, true, marker, 0), now);
        }
        if (marker == LogSegment.Marker.ABORT) {
            abortedIndex.add(new long[] {producerId, first, markerOffset});
        }
    }

    /**
     * L3, L6, L11: the visible records from {@code fromOffset}. A request that one segment holds without a marker
     * or a transactional record is served as a view of that segment's records, which the result copies before
     * the monitor is released; any other steps entry by entry.
     */
    public FetchResult read(long fromOffset, int max, IsolationLevel isolation) {
        long highWatermark = highWatermark();
        if (!serves(fromOffset)) { // L3
            throw new OffsetOutOfRangeException(id, fromOffset, logStartOffset(), highWatermark);
        }
        long lso = lastStableOffset();
        long bound = rules.readBound(highWatermark, lso, isolation);
        long end = Math.min(bound, fromOffset + max);
        if (end <= fromOffset) {
            return new FetchResult(id, List.of(), fromOffset, logStartOffset(), highWatermark, lso); // a tail caught up
        }
        LogSegment segment = segments.floorEntry(fromOffset).getValue();
        List<ConsumerRecord> run = end <= segment.nextOffset() ? segment.plainRecords(fromOffset, end) : null;
        if (run != null) {
            return new FetchResult(id, run, end, logStartOffset(), highWatermark, lso);
        }
        List<ConsumerRecord> out = new ArrayList<>(Math.min(max, (int) Math.min(bound - fromOffset, 1024)));
        long next = fromOffset;
        for (; next < bound && out.size() < max; next++) { // markers and hidden records are stepped over
            if (next == segment.nextOffset()) {
                segment = segments.floorEntry(next).getValue(); // L4: the next one starts where this one ends
            }
            LogSegment.Entry entry = segment.entryAt(next);
            if (!entry.isMarker()
                    && !(rules.hidesAborted(isolation)
                            && isAborted(entry.producerId(), entry.record().offset()))) {
                out.add(entry.record()); // L11
            }
        }
        return new FetchResult(id, out, next, logStartOffset(), highWatermark, lso);
    }

    /** The offset a seek lands on: Latest is the read bound of the isolation level (L6). */
    public long offsetFor(Seek seek, IsolationLevel isolation) {
        if (seek instanceof Seek.Earliest) {
            return logStartOffset();
        } else if (seek instanceof Seek.Latest) {
            return rules.latestOffset(highWatermark(), lastStableOffset(), isolation);
        } else if (seek instanceof Seek.ToOffset to) {
            return requireOffset(id, to.offset());
        } else if (seek instanceof Seek.ToTimestamp ts) {
            return offsetForTimestamp(ts.timestamp()); // L7
        }
        throw new IllegalArgumentException("unknown seek " + seek + ": use one of Seek's records");
    }

    /** L3: true for an offset a read may start from, [logStartOffset, highWatermark]. */
    public boolean serves(long offset) {
        return rules.serves(offset, logStartOffset(), highWatermark());
    }

    /** L10: a group resumes at its committed offset while it is served here, else where {@code reset} says. */
    long resumeOffset(OptionalLong committed, Seek reset, IsolationLevel isolation) {
        return committed.isPresent() && serves(committed.getAsLong())
                ? rules.resumeAt(committed.getAsLong())
                : offsetFor(rules.resetTo(reset), isolation); // gone or never committed: auto.offset.reset
    }

    static long requireOffset(int partition, long offset) {
        if (offset < 0) {
            throw new OutOfRangeException("offset", offset + " of partition " + partition, "0 or more");
        }
        return offset;
    }

    /** L7: the first record stamped at or after {@code target}, or the high watermark if none is. */
    public long offsetForTimestamp(Instant target) {
        for (LogSegment segment : segments.values()) {
            if (segment.isEmpty() || !rules.atOrAfter(segment.newestTimestamp(), target)) {
                continue; // the whole segment is older: skip it as Kafka's time index does
            }
            for (long o = segment.baseOffset(); o < segment.nextOffset(); o++) {
                LogSegment.Entry e = segment.entryAt(o);
                if (!e.isMarker() && rules.atOrAfter(e.record().timestamp(), target)) {
                    return o;
                }
            }
        }
        return highWatermark();
    }

    /**
     * L5: deletes the oldest segments that retention allows, a prefix and whole; returns how many went. What it
     * reads (segments, sizes, the high watermark) changes only by a write, so it runs once per instant
     * unless one came since.
     */
    public int enforceRetention(Instant now) {
        if (!written && now.equals(retainedAt)) {
            return 0;
        }
        retainedAt = now;
        written = false;
        int deleted = 0;
        while (true) {
            LogSegment oldest = segments.firstEntry().getValue();
            if (oldest.isEmpty()
                    || !rules.belowHighWatermark(oldest.nextOffset(), highWatermark())
                    || !deletable(oldest, now)) {
                return deleted; // L5: a prefix, below the high watermark; an open transaction's LSO moves up (L6)
            }
            if (segments.size() == 1) {
                roll(); // L5: never leave the partition without an active segment
            }
            segments.pollFirstEntry();
            storage.delete(oldest); // L5: whole segments, files and all
            sizeInBytes -= oldest.sizeInBytes();
            long start = logStartOffset();
            abortedIndex.removeIf(a -> a[2] < start);
            deleted++;
        }
    }

    private boolean deletable(LogSegment segment, Instant now) {
        return !config.keepsForever() && expired.test(segment.newestTimestamp(), now)
                || config.retentionBytes() != LogConfig.UNLIMITED
                        && rules.breachesSize(sizeInBytes, segment.sizeInBytes(), config.retentionBytes());
    }

    private boolean isAborted(long producerId, long offset) {
        for (long[] a : abortedIndex) {
            if (a[0] == producerId && a[1] <= offset && offset < a[2]) {
                return true;
            }
        }
        return false;
    }

    private void write(LogSegment.Entry entry, Instant now) {
        if (!active.isEmpty()
                && (rules.rollsBySize(active.sizeInBytes(), entry.size(), config.segmentBytes())
                        || aged.test(active.firstTimestamp(), now))) {
            roll(); // L4
        }
        storage.append(active, entry, logEndOffset, now);
        sizeInBytes += entry.size();
        written = true;
        logEndOffset++; // L1
    }

    private void roll() {
        active = storage.roll(logEndOffset); // L4: contiguous
        segments.put(active.baseOffset(), active);
    }
}
