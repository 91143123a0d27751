package dev.queuelab.reference.log;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A segment in files: {@code <baseOffset>.log} holds its records as {@link RecordFrame}s, one after another;
 * {@code <baseOffset>.index} is its sparse {@link OffsetIndex}. Names are the baseOffset in 20 digits.
 *
 * Teaches: a log file is only frames laid end to end; everything else (the next offset, the size, the
 * timestamps, the index) is derived from it, by a scan on open ({@link #recover}) and kept up on append.
 * Invariants (besides S1 to S3 of {@link LogSegment}):
 *   G1 the file holds the frames of [baseOffset, nextOffset) in order, and nothing after the last one;
 *   G2 the index never names a record not in the file (a record is written before its entry, D2);
 *   G3 forcedSize is the file's length at its last force; a power loss keeps at least that much.
 * Thread-safety: none of its own; the log's monitor guards it, except {@link #force}, which the flush calls
 * without it (a FileChannel may be written and forced at once).
 * Real world: Kafka's LogSegment with FileRecords and OffsetIndex. No time index: seeking to a timestamp
 * skips a segment by its newest timestamp, kept in memory since the open scan, then scans its records.
 * Reads decode what recovery kept without checking CRCs again, as a Kafka broker serves fetches (its
 * consumers check them, check.crcs=true).
 */
public class FileLogSegment extends LogSegment {

    private final int partition;
    private final long baseOffset;
    private final Path logFile;
    private final FileChannel log;
    private final OffsetIndex index;
    private final DiskRules rules;
    private long size;
    private volatile long forcedSize;
    private long nextOffset;
    private long sizeInBytes;
    private Instant firstTimestamp;
    private Instant newestTimestamp;
    private long bytesSinceIndex;
    private long lastAppendBytes;
    private long lastRead = -1;
    private long afterLastRead;
    private ByteBuffer pending; // group commit: frames not yet written, guarded by this
    private final List<long[]> pendingIndex = new ArrayList<>();
    private long fileEnd; // bytes written to the file; size counts pending ones too

    FileLogSegment(Path dir, int partition, long baseOffset, DiskRules rules) {
        this.partition = partition;
        this.baseOffset = baseOffset;
        this.nextOffset = baseOffset;
        this.rules = rules;
        this.logFile = dir.resolve(name(baseOffset) + ".log");
        this.index = new OffsetIndex(dir.resolve(name(baseOffset) + ".index"), baseOffset);
        try {
            this.log = FileChannel.open(
                    logFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.size = log.size();
            this.forcedSize = size;
            this.fileEnd = size;
        } catch (IOException e) {
            throw new UncheckedIOException("opening the segment " + logFile, e);
        }
    }

    static String name(long baseOffset) {
        return String.format("%020d", baseOffset);
    }

    /** What a scan of this segment found: the frames kept, the bytes cut, whether its index was rewritten. */
    record Scan(long kept, long truncatedBytes, boolean indexRebuilt, String problem) {}

    /**
     * Validates the file with the rules' {@link SegmentRecovery} if {@code validate} (after a crash, D8), and cuts
     * it after the good prefix the recovery returns (G1); then walks the frames kept, to learn the next offset, the
     * timestamps and the index, and rewrites the index if it differs from the one they give (G2). The walk checks
     * no CRC: the recovery decided what is good, and a recovery that kept what cannot be a record (a torn frame,
     * an offset out of order, more bytes than the file) is refused with a {@link RecoveryContractException}.
     * Without {@code validate} (below a clean shutdown's recovery point) the walk stops at the first frame it
     * cannot read, as a scan does.
     */
    Scan recover(boolean validate) {
        ByteBuffer bytes = contents();
        long keep = size;
        String problem = null;
        long claimed = -1;
        if (validate) {
            RecoveredSegment found = rules.recovery().recover(bytes.asReadOnlyBuffer(), baseOffset); // D3
            if (found.validBytes() > size) {
                throw new RecoveryContractException(
                        RecoveryContractException.Breach.PAST_THE_END,
                        logFile,
                        found.validBytes(),
                        "kept " + found.validBytes() + " bytes of a file of " + size);
            }
            keep = found.validBytes();
            problem = found.problem();
            claimed = found.records();
        }
        List<long[]> rebuilt = new ArrayList<>();
        int position = 0;
        long since = 0;
        nextOffset = baseOffset;
        while (position < keep) {
            RecordFrame.Frame f = RecordFrame.read(bytes, position, (int) keep, partition);
            String wrong = f.status() == RecordFrame.Status.TORN
                    ? "a torn record"
                    : f.entry() == null
                            ? "a corrupt record"
                            : f.offset() != nextOffset
                                    ? "offset " + f.offset() + " where " + nextOffset + " was due"
                                    : null;
            if (wrong != null && validate) {
                throw breach(f, wrong, position);
            }
            if (wrong != null) {
                problem = wrong + " at byte " + position;
                break;
            }
            if (since >= rules.indexIntervalBytes()) {
                rebuilt.add(new long[] {f.offset(), position});
                since = 0;
            }
            since += f.size();
            track(f.entry(), f.entry().isMarker() ? null : f.entry().record().timestamp());
            position += f.size();
        }
        if (validate && nextOffset - baseOffset != claimed) {
            throw new RecoveryContractException(
                    RecoveryContractException.Breach.MISCOUNTED,
                    logFile,
                    keep,
                    "counted " + claimed + " records in " + keep + " bytes that hold " + (nextOffset - baseOffset));
        }
        bytesSinceIndex = since;
        long cut = size - position;
        truncateTo(position);
        boolean rebuild = !index.matches(rebuilt);
        if (rebuild) {
            index.rewrite(rebuilt);
        }
        return new Scan(nextOffset - baseOffset, cut, rebuild, problem);
    }

    private RecoveryContractException breach(RecordFrame.Frame f, String wrong, long position) {
        RecoveryContractException.Breach breach = f.status() == RecordFrame.Status.TORN
                ? RecoveryContractException.Breach.TORN_KEPT
                : f.entry() == null
                        ? RecoveryContractException.Breach.NOT_A_RECORD_KEPT
                        : RecoveryContractException.Breach.OFFSET_KEPT_OUT_OF_ORDER;
        return new RecoveryContractException(breach, logFile, position, "kept " + wrong);
    }

    /**
     * The file's bytes, mapped read-only rather than copied: a segment may be as large as segment.bytes (1 GiB
     * by Kafka's default). Nothing reads the mapping after the file is cut, so the cut is safe on Linux and macOS.
     */
    private ByteBuffer contents() {
        try {
            return log.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the segment " + logFile, e);
        }
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

    @Override
    public void append(Entry entry, Instant at) {
        ByteBuffer frame = RecordFrame.encode(entry, nextOffset, at);
        boolean indexed = bytesSinceIndex >= rules.indexIntervalBytes();
        long position = size;
        long offset = nextOffset;
        rules.appendInOrder(
                () -> put(frame, position),
                () -> { // G2, D2
                    if (indexed) {
                        indexEntry(offset, position);
                    }
                });
        bytesSinceIndex = indexed ? 0 : bytesSinceIndex;
        bytesSinceIndex += frame.limit();
        size += frame.limit();
        lastAppendBytes = frame.limit();
        track(entry, at);
    }

    /**
     * Under group commit, frames gather in a buffer of {@code bytes} and reach the file in one write when it is
     * full, before a force, a roll, a read or a close: nothing is acknowledged before its force, so a crash
     * loses only what no one was told was kept, and no reader sees a record before the file holds it.
     */
    void buffer(int bytes) {
        pending = ByteBuffer.allocate(bytes);
    }

    private void put(ByteBuffer frame, long position) {
        if (pending == null) {
            write(frame, position);
            fileEnd = position + frame.limit();
            return;
        }
        synchronized (this) {
            if (pending.remaining() < frame.limit()) {
                drain();
            }
            if (frame.limit() > pending.capacity()) {
                write(frame, fileEnd);
                fileEnd += frame.limit();
            } else {
                pending.put(frame);
                frame.rewind();
            }
        }
    }

    /** G2: an entry is written once its record is in the file; until then it waits for the drain. */
    private void indexEntry(long offset, long position) {
        if (pending == null) {
            index.append(offset, position);
            return;
        }
        synchronized (this) {
            if (position < fileEnd) {
                index.append(offset, position);
            } else {
                pendingIndex.add(new long[] {offset, position});
            }
        }
    }

    /** Writes the buffered frames to the file, then their index entries (G2). */
    synchronized void drain() {
        if (pending == null || pending.position() == 0) {
            return;
        }
        pending.flip();
        write(pending, fileEnd);
        fileEnd += pending.limit();
        pending.clear();
        pendingIndex.forEach(e -> index.append(e[0], e[1]));
        pendingIndex.clear();
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

    /** Forces the file's first {@code upTo} bytes and the index to the device (G3); called without the monitor. */
    void force(long upTo) throws IOException {
        drain();
        log.force(false);
        index.force();
        forcedSize = Math.max(forcedSize, upTo);
    }

    /** Cuts the file to {@code position}, the end of a frame, and drops index entries past it (G1). */
    void truncateTo(long position) {
        try {
            log.truncate(position);
        } catch (IOException e) {
            throw new UncheckedIOException("truncating " + logFile + " to " + position + " bytes", e);
        }
        size = position;
        fileEnd = position;
        lastRead = -1;
    }

    /** A power loss: each file keeps only what its last force covered (G3). */
    void dropUnforced() throws IOException {
        synchronized (this) {
            if (pending != null) {
                pending.clear(); // never written: the power loss takes it
            }
            pendingIndex.clear();
        }
        if (log.size() > forcedSize) {
            log.truncate(forcedSize);
        }
        log.close();
        index.dropUnforced();
    }

    void close() throws IOException {
        drain();
        log.close();
        index.close();
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(logFile);
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

    private void write(ByteBuffer frame, long at) {
        try {
            while (frame.hasRemaining()) {
                log.write(frame, at + frame.position());
            }
            frame.rewind();
        } catch (IOException e) {
            throw new UncheckedIOException("appending to " + logFile, e);
        }
    }
}
