package dev.queuelab.reference.log;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.util.function.Predicate;

/**
 * The reference's recovery of a segment file: reads its frames from the first byte and keeps them while each is
 * whole, its CRC32C matches and its offset is the next one due; the first that fails ends the good prefix.
 *
 * Teaches: recovery trusts nothing it has not checked: a length field only says where a frame claims to end,
 * and it is believed only once the bytes are there and the checksum over them holds.
 * Invariants (numbered as in {@link DiskLogStorage} and {@link RecordFrame}):
 *   DS3 a frame is kept only if {@link DiskRules#keeps} accepts it (whole, decoded, CRC32C matching) and its
 *      offset is the one due; nothing after the first frame that fails is kept;
 *   RF2 no byte at or past the buffer's limit is read (a torn frame is never believed).
 * Thread-safety: stateless.
 * Real world: Kafka's LogSegment.recover (batch.ensureValid(), then truncateTo(validBytes)).
 */
final class CrcSegmentRecovery implements SegmentRecovery {

    private final Predicate<RecordFrame.Frame> keeps;

    CrcSegmentRecovery(Predicate<RecordFrame.Frame> keeps) {
        this.keeps = keeps;
    }

    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        int position = 0;
        long due = baseOffset;
        while (position < segment.limit()) {
            // the partition only labels a decoded record, which recovery does not keep
            RecordFrame.Frame f = RecordFrame.read(segment, position, segment.limit(), 0);
            String problem = problemAt(f, due);
            if (problem != null) {
                return new RecoveredSegment(position, due - baseOffset, problem + " at byte " + position); // DS3
            }
            position += f.size();
            due++;
        }
        return new RecoveredSegment(position, due - baseOffset, null);
    }

    /** Why the frame read at a position is not the good record of offset {@code due}, or null if it is. */
    private String problemAt(RecordFrame.Frame f, long due) {
        if (f.status() == RecordFrame.Status.TORN) {
            return "a torn record"; // RF2: its length runs past the end, so it is not believed
        }
        if (!keeps.test(f)) {
            return "a corrupt record";
        }
        return f.offset() == due ? null : "offset " + f.offset() + " where " + due + " was due";
    }
}
