package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The write path of a {@link FileLogSegment}: puts each frame into its {@code .log} and each due entry into its
 * {@code .index}, straight away or, under group commit and page cache, through a buffer that reaches the file in
 * one write, after which it tells the flusher which offsets the file now holds.
 *
 * Teaches: buffering changes when bytes reach the file, never their order: a frame lands at the byte its append
 * gave it, and an index entry still waits for its record, now until the drain that writes the record.
 * Invariants:
 *   SW1 a frame reaches the file at the byte its append gave it: the bytes written (fileEnd) and those pending
 *      add up to the segment's size;
 *   SF2 (of {@link FileLogSegment}) an index entry is written only once its record is in the file: the entry of a
 *      pending frame waits in pendingIndex and is written by the drain, after the frames;
 *   SW2 the offsets reported in the file ({@code inFile}) are those whose frames a write has put there: reported
 *      after the write returns, and outside the write lock (a completed future may run a caller's code); a write
 *      made by {@link #put} is reported by its caller, once it has let the lock go ({@link #takeWritten});
 *   SW3 the pending frames, their entries and fileEnd are guarded by the partition's write lock, which
 *      {@link #put} and {@link #indexEntry} are called holding (with the append's bookkeeping, in one hold) and
 *      the others take.
 * Thread-safety: {@link #put} and {@link #indexEntry} run under the log's monitor and the write lock;
 * {@link #drain} also runs from the flush without the monitor, taking the write lock (SW3).
 * Real world: unbuffered, Kafka's LogSegment.append (FileRecords.append, then OffsetIndex.append). Buffered, group
 * commit as databases do it: PostgreSQL gathers WAL records in wal_buffers and writes them out when the buffers
 * fill or a commit flushes them; Kafka's producer batches the same way on the client side (batch.size).
 */
final class SegmentWriter {

    private final Disk.Handle log;
    private final OffsetIndex index;
    private final Object lock; // the partition's write lock (SW3)
    private long written = -1; // the offset after the frames the last put wrote, until taken (SW2)
    private ByteBuffer pending; // group commit: frames not yet written, guarded by this
    private final List<long[]> pendingIndex = new ArrayList<>();
    private long fileEnd; // bytes written to the file; the segment's size counts pending ones too (SW1)
    private long pendingUpTo = -1; // the offset after the last frame pending, -1 when none is
    private LongConsumer inFile = upTo -> {}; // SW2

    SegmentWriter(Disk.Handle log, OffsetIndex index, long fileEnd, Object lock) {
        this.log = log;
        this.index = index;
        this.fileEnd = fileEnd;
        this.lock = lock;
    }

    /**
     * Under group commit and page cache, frames gather in a buffer of {@code bytes} and reach the file in one write
     * when it is full, before a force, a roll, a read or a close, or when a sender waits (page cache); then
     * {@code inFile} hears which offsets the file holds (SW2). Nothing is acknowledged before that write (page
     * cache) or the force after it (group commit), so a crash loses only what no one was told was kept, and no
     * reader sees a record before the file holds it.
     */
    void buffer(int bytes, LongConsumer inFile) {
        this.pending = ByteBuffer.allocate(bytes);
        this.inFile = inFile;
    }

    /**
     * Holding the write lock (SW3): puts the frame of the append at {@code offset} that gave it {@code position},
     * the segment's size (SW1). A write it makes is kept for {@link #takeWritten}, not reported (SW2).
     */
    void put(ByteBuffer frame, long position, long offset) {
        if (pending == null) {
            write(frame, position);
            fileEnd = position + frame.limit();
            return;
        }
        if (pending.remaining() < frame.limit()) {
            written = drainHeld();
        }
        if (frame.limit() > pending.capacity()) {
            write(frame, fileEnd); // SW1: drained, so fileEnd is the position
            fileEnd += frame.limit();
            written = offset + 1;
        } else {
            pending.put(frame);
            frame.rewind();
            pendingUpTo = offset + 1;
        }
    }

    /** Holding the write lock: the offset after the frames the last put wrote, or -1, for its caller to report (SW2). */
    long takeWritten() {
        long w = written;
        written = -1;
        return w;
    }

    /** Holding the write lock (SW3). SF2: an entry is written once its record is in the file; until then it waits. */
    void indexEntry(long offset, long position) {
        if (pending == null || position < fileEnd) {
            index.append(offset, position);
        } else {
            pendingIndex.add(new long[] {offset, position});
        }
    }

    /** Writes the buffered frames to the file, then their index entries (SF2), then says so (SW2). */
    void drain() {
        long upTo;
        synchronized (lock) {
            upTo = drainHeld();
        }
        if (upTo >= 0) {
            inFile.accept(upTo); // SW2: outside the lock
        }
    }

    /** Holding this writer's lock: the drain; returns the offset after the last frame written, or -1. */
    private long drainHeld() {
        if (pending == null || pending.position() == 0) {
            return -1;
        }
        pending.flip();
        write(pending, fileEnd);
        fileEnd += pending.limit();
        pending.clear();
        index.appendAll(pendingIndex); // SF2: after their frames, in one write
        pendingIndex.clear();
        long written = pendingUpTo;
        pendingUpTo = -1;
        return written;
    }

    /** The file was cut to {@code position}, the end of a frame: the next frame goes there (SW1). */
    void truncatedTo(long position) {
        fileEnd = position;
    }

    /** A power loss: frames never written, and their entries, are gone. */
    void dropPending() {
        synchronized (lock) {
            if (pending != null) {
                pending.clear(); // never written: the power loss takes it
            }
            pendingUpTo = -1;
            pendingIndex.clear();
        }
    }

    private void write(ByteBuffer frame, long at) {
        log.write(frame, at);
    }
}
