package dev.queuelab.crash.learner;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** A recovery as a learner writes it from the api's layout alone: whole frames, CRC32C, dense offsets. */
public final class WholeFrameRecovery implements SegmentRecovery {

    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        int position = 0;
        long due = baseOffset;
        while (position < segment.limit()) {
            int left = segment.limit() - position;
            if (left < FRAME_HEADER) {
                return new RecoveredSegment(position, due - baseOffset, "a torn header at byte " + position);
            }
            int length = segment.getInt(position);
            if (length < MIN_BODY || length > MAX_BODY || length > left - FRAME_HEADER) {
                return new RecoveredSegment(position, due - baseOffset, "a bad length at byte " + position);
            }
            CRC32C crc = new CRC32C();
            crc.update(segment.slice(position + FRAME_HEADER, length));
            if ((int) crc.getValue() != segment.getInt(position + 4)
                    || segment.getLong(position + FRAME_HEADER) != due) {
                return new RecoveredSegment(position, due - baseOffset, "a corrupt record at byte " + position);
            }
            position += FRAME_HEADER + length;
            due++;
        }
        return new RecoveredSegment(position, due - baseOffset, null);
    }
}
