package dev.queuelab.reference.log;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

/**
 * A segment in files: {@code <baseOffset>.log} holds its records as {@link RecordFrame}s, one after another;
 * {@code <baseOffset>.index} is its sparse {@link OffsetIndex}. Names are the baseOffset in 20 digits.
 *
 * Teaches: a log file is only frames laid end to end; everything else (the next offset, the size, the
 * timestamps, the index) is derived from it, by a scan on open ({@link #recover}, reading with a
 * {@link SegmentScan}) and kept up on append ({@link #append}, writing through a {@link SegmentWriter}).
 * Invariants (besides SG1 to SG3 of {@link LogSegment}):
 *   SF1 the file holds the frames of [baseOffset, nextOffset) in order, and nothing after the last one;
 *   SF2 the index never names a record not in the file (a record is written before its entry, DS2);
 *   SF3 forcedSize is the file's length at its last force; a power loss keeps at least that much;
 *   SF4 a force covers the .log only, until the segment is rolled; then (and at a clean close) the index is forced
 *      after its log: the index is rebuildable, so a power cut may leave it behind its log, torn, or naming records
 *      the log lost, and recovery rewrites it on every open when it differs from the one the log gives (OI4).
 * Thread-safety: none of its own; the log's monitor guards it, except {@link #force}, which the flush calls
 * without it (a FileChannel may be written and forced at once), and {@link #append}, which is called holding the
 * partition's write lock as well, the lock that guards its writer's buffer (SegmentWriter's SW3).
 * Real world: Kafka's LogSegment with FileRecords and OffsetIndex. No time index: seeking to a timestamp
 * skips a segment by its newest timestamp, kept in memory since the open scan, then scans its records.
 * Reads decode what recovery kept without checking CRCs again, as a Kafka broker serves fetches (its
 * consumers check them, check.crcs=true).
 */
public class FileLogSegment extends LogSegment {

    private final int partition;
    private final long baseOffset;
    private final Disk disk;
    private final Path logFile;
    private final Disk.Handle log;
    private final OffsetIndex index;
    private final DiskRules rules;
    private final SegmentWriter writer;
    private volatile boolean rolled; // SF4: no more appends come; its index is forced with its log from now on
    private long size; // bytes appended: in the file and still held by the writer (SegmentWriter's SW1)
    private volatile long forcedSize;
    private long nextOffset;
    private long sizeInBytes;
    private Instant firstTimestamp;
    private Instant newestTimestamp;
    private long bytesSinceIndex;
    private long lastAppendBytes;
    private long lastRead = -1;
    private long afterLastRead;
    private ByteBuffer scratch = ByteBuffer.allocate(512); // the frame being appended: encoded here, then copied
    private final CRC32C crc = new CRC32C();

    FileLogSegment(Disk disk, Path dir, int partition, long baseOffset, DiskRules rules, Object writeLock) {
        this.disk = disk;
        this.partition = partition;
        this.baseOffset = baseOffset;
        this.nextOffset = baseOffset;
        this.rules = rules;
        this.logFile = dir.resolve(name(baseOffset) + ".log");
        this.log = disk.open(logFile);
        this.index = new OffsetIndex(disk, dir.resolve(name(baseOffset) + ".index"), baseOffset);
        this.size = log.size();
        this.forcedSize = size;
        this.writer = new SegmentWriter(log, index, size, writeLock);
    }

    static String name(long baseOffset) {
        return String.format("%020d", baseOffset);
    }

    /** What a scan of this segment found: the frames kept, the bytes cut, whether its index was rewritten. */
    record Scan(long kept, long truncatedBytes, boolean indexRebuilt, String problem) {}

    /**
     * Reads the file back with a {@link SegmentScan}, which validates it if {@code validate} (after a crash, DS3 and
     * DS8) and refuses a recovery that breaks its contract; then cuts the file after the frames the scan kept (SF1)
     * and rewrites the index if it differs from the one they give (SF2, OI4), on every open, crash or not.
     */
    Scan recover(boolean validate) {
        nextOffset = baseOffset;
        SegmentScan.Prefix kept =
                new SegmentScan(logFile, partition, baseOffset, rules).read(log, size, validate, this::track);
        bytesSinceIndex = kept.bytesSinceIndex();
        long cut = size - kept.validBytes();
        truncateTo(kept.validBytes());
        if (cut > 0) {
            log.force(); // DS9: a cut that a power cut could undo would bring back frames after new ones
        }
        boolean rebuild = !index.matches(kept.index());
        if (rebuild) {
            index.rewrite(kept.index());
        }
        return new Scan(kept.records(), cut, rebuild, kept.problem());
    }

    @Override
    public long baseOffset() {
        return baseOffset;
    }

    @Override
    public long nextOffset() {
        return nextOffset;
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

    /** Bytes in the file. */
    public long fileSize() {
        return size;
    }

    public long forcedSize() {
        return forcedSize;
    }

    /** The bytes of the last frame appended. */
    long lastAppendBytes() {
        return lastAppendBytes;
    }

    public Path file() {
        return logFile;
    }

    /** Holding the log's monitor and the partition's write lock (SW3); see {@link Flusher#append}. */
    @Override
    public void append(Entry entry, Instant at) {
        ByteBuffer frame = RecordFrame.encode(entry, nextOffset, at, scratch, crc);
        scratch = frame.capacity() > scratch.capacity() ? frame : scratch; // the writer copies or writes it at once
        long position = size;
        long offset = nextOffset;
        if (bytesSinceIndex >= rules.indexIntervalBytes()) {
            rules.appendInOrder(
                    () -> writer.put(frame, position, offset), () -> writer.indexEntry(offset, position)); // SF2, DS2
            bytesSinceIndex = 0;
        } else {
            writer.put(frame, position, offset);
        }
        bytesSinceIndex += frame.limit();
        size += frame.limit();
        lastAppendBytes = frame.limit();
        track(entry, at);
    }

    /**
     * Under group commit and page cache, frames reach the file in writes of {@code bytes}, and {@code inFile} hears
     * which offsets each write put there: see {@link SegmentWriter#buffer}.
     */
    void buffer(int bytes, LongConsumer inFile) {
        writer.buffer(bytes, inFile);
    }

    /** Holding the write lock: the offset after the frames the last append wrote to the file, or -1 (SW2). */
    long takeWritten() {
        return writer.takeWritten();
    }

    /** Writes the frames the writer holds, then their index entries (SF2). */
    void drain() {
        writer.drain();
    }

    @Override
    public Entry entryAt(long offset) {
        drain();
        long position = offset == lastRead + 1 ? afterLastRead : index.lookup(offset);
        while (position < size) {
            RecordFrame.Frame f = RecordFrame.read(log, position, size, partition);
            if (f.entry() == null) {
                throw new CorruptRecordException(partition, offset, logFile, position);
            }
            position += f.size();
            if (f.offset() == offset) {
                lastRead = offset;
                afterLastRead = position;
                return f.entry();
            }
        }
        throw new CorruptRecordException(partition, offset, logFile, position);
    }

    /**
     * Forces the file's first {@code upTo} bytes to the device (SF3), and its index only once the segment is rolled
     * (SF4); called without the monitor.
     */
    void force(long upTo) {
        try {
            rules.drainThenForce(this::drain, () -> {
                log.force();
                if (rolled) {
                    index.force(); // SF4: after its log, so no power cut keeps an entry for a record it loses
                }
            });
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ClosedChannelException) {
                return; // retention deleted the segment since it was written: nothing of it is left to keep
            }
            throw e;
        }
        forcedSize = Math.max(forcedSize, upTo);
    }

    /** SF4: the log rolled past this segment: the next force of it forces its index too. */
    void rolled() {
        rolled = true;
    }

    /** SF4: a clean close forces the index, after the force that covered its log. */
    void forceIndex() {
        index.force();
    }

    /** Cuts the file to {@code position}, the end of a frame, and drops index entries past it (SF1). */
    void truncateTo(long position) {
        log.truncate(position);
        size = position;
        writer.truncatedTo(position);
        lastRead = -1;
    }

    /** A power loss: each file keeps only what its last force covered (SF3). */
    void dropUnforced() {
        writer.dropPending();
        if (log.size() > forcedSize) {
            log.truncate(forcedSize);
        }
        log.close();
        index.dropUnforced();
    }

    /** Lets go of the files as a crash leaves them: nothing drained, nothing forced. */
    void abandon() {
        writer.dropPending();
        log.close();
        index.close();
    }

    void close() {
        drain();
        log.close();
        index.close();
    }

    void delete() {
        close();
        disk.delete(logFile);
        index.delete();
    }

    private void track(Entry entry, Instant at) {
        nextOffset++;
        sizeInBytes += entry.size();
        if (at != null) {
            firstTimestamp = firstTimestamp == null ? at : firstTimestamp;
            newestTimestamp = newestTimestamp == null || at.isAfter(newestTimestamp) ? at : newestTimestamp;
        }
    }
}
