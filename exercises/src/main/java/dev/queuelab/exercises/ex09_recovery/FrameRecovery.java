package dev.queuelab.exercises.ex09_recovery;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Exercise 9: recovering a segment after a crash.
 *
 * Teaches: after a crash a segment file ends however the crash left it: a record cut in the middle of its
 * write, zeros where bytes were never written, a bit the disk flipped. Recovery reads the file from its first
 * byte and keeps records while each is whole, its checksum holds and its offset is the next one; the first
 * that fails ends the log, and every byte from there on is cut. A length field says only where a record
 * claims to end: it is believed once the bytes are there and their CRC32C matches.
 * Invariants: DS3 only whole frames whose CRC32C matches are kept, in offset order from baseOffset; nothing
 *   after the first bad frame is kept; every good frame before it is. RF2 no byte past the buffer's limit is
 *   read. The frame layout is in the javadoc of dev.queuelab.api.log.SegmentRecovery.
 * Thread-safety: stateless: the log calls it from one thread while it opens.
 * Real world: Kafka's LogSegment.recover, which validates each batch (its size, then its CRC32C) and
 * truncates the segment to the last valid byte.
 */
public class FrameRecovery implements SegmentRecovery {

    public FrameRecovery() {}

    /** Reads the frames from byte 0 while each is good; the first that is not ends the good prefix. */
    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        // Exercise 9: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 9: FrameRecovery.recover is not written yet; the task is in the README.md next to FrameRecovery.java");
    }

    /**
     * Why the frame at {@code position} is not the good record of offset {@code due} ("a torn record", "a
     * checksum mismatch"...), or null when it is: whole, a length a writer writes, its CRC32C matching, its
     * offset the one due.
     */
    private static String problemAt(ByteBuffer segment, int position, long due) {
        // Exercise 9: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 9: FrameRecovery.problemAt is not written yet; the task is in the README.md next to FrameRecovery.java");
    }
}
