package dev.queuelab.crash.learner;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;

/**
 * A broken recovery, as the disk gallery's recovery-without-crc: it checks that each frame is whole, its length
 * sane and its offset due, but never its CRC32C, so a byte flipped inside a record goes unnoticed.
 */
public final class NoCrcRecovery implements SegmentRecovery {

    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        int position = 0;
        long due = baseOffset;
        while (position < segment.limit()) {
            int left = segment.limit() - position;
            if (left < FRAME_HEADER) {
                break;
            }
            int length = segment.getInt(position);
            if (length < MIN_BODY || length > MAX_BODY || length > left - FRAME_HEADER) {
                break;
            }
            if (segment.getLong(position + FRAME_HEADER) != due) {
                break;
            }
            position += FRAME_HEADER + length;
            due++;
        }
        return new RecoveredSegment(position, due - baseOffset, position < segment.limit() ? "stopped" : null);
    }
}
