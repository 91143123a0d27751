package dev.queuelab.reference.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The write path of a {@link FileLogSegment}: puts each frame into its {@code .log} and each due entry into its
 * {@code .index}, straight away or, under group commit, through a buffer that reaches the file in one write.
 *
 * Teaches: buffering changes when bytes reach the file, never their order: a frame lands at the byte its append
 * gave it, and an index entry still waits for its record, now until the drain that writes the record.
 * Invariants:
 *   SW1 a frame reaches the file at the byte its append gave it: the bytes written (fileEnd) and those pending
 *      add up to the segment's size;
 *   SF2 (of {@link FileLogSegment}) an index entry is written only once its record is in the file: the entry of a
 *      pending frame waits in pendingIndex and is written by the drain, after the frames.
 * Thread-safety: {@link #put} and {@link #indexEntry} run under the log's monitor; {@link #drain} also runs from
 * the flush without it, so the pending frames, their entries and fileEnd are guarded by this writer's monitor
 * once it buffers.
 * Real world: unbuffered, Kafka's LogSegment.append (FileRecords.append, then OffsetIndex.append). Buffered, group
 * commit as databases do it: PostgreSQL gathers WAL records in wal_buffers and writes them out when the buffers
 * fill or a commit flushes them.
 */
final class SegmentWriter {

    private final Disk.Handle log;
    private final OffsetIndex index;
    private ByteBuffer pending; // group commit: frames not yet written, guarded by this
    private final List<long[]> pendingIndex = new ArrayList<>();
    private long fileEnd; // bytes written to the file; the segment's size counts pending ones too (SW1)

    SegmentWriter(Disk.Handle log, OffsetIndex index, long fileEnd) {
        this.log = log;
        this.index = index;
        this.fileEnd = fileEnd;
    }

    /**
     * Under group commit, frames gather in a buffer of {@code bytes} and reach the file in one write when it is
     * full, before a force, a roll, a read or a close: nothing is acknowledged before its force, so a crash
     * loses only what no one was told was kept, and no reader sees a record before the file holds it.
     */
    void buffer(int bytes) {
        pending = ByteBuffer.allocate(bytes);
    }

    /** Puts the frame of the append that gave it {@code position}, the segment's size then (SW1). */
    void put(ByteBuffer frame, long position) {
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
                write(frame, fileEnd); // SW1: drained, so fileEnd is the position
                fileEnd += frame.limit();
            } else {
                pending.put(frame);
                frame.rewind();
            }
        }
    }

    /** SF2: an entry is written once its record is in the file; until then it waits for the drain. */
    void indexEntry(long offset, long position) {
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

    /** Writes the buffered frames to the file, then their index entries (SF2). */
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

    /** The file was cut to {@code position}, the end of a frame: the next frame goes there (SW1). */
    void truncatedTo(long position) {
        fileEnd = position;
    }

    /** A power loss: frames never written, and their entries, are gone. */
    synchronized void dropPending() {
        if (pending != null) {
            pending.clear(); // never written: the power loss takes it
        }
        pendingIndex.clear();
    }

    private void write(ByteBuffer frame, long at) {
        log.write(frame, at);
    }
}
