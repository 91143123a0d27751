package dev.queuelab.crash.learner;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** A recovery that checks lengths and CRCs but never asks whether a frame's offset is the one due (rule 4). */
public final class IgnoresOffsetRecovery implements SegmentRecovery {

    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        int position = 0;
        long records = 0;
        while (position < segment.limit()) {
            int left = segment.limit() - position;
            if (left < FRAME_HEADER) {
                return new RecoveredSegment(position, records, "a torn header at byte " + position);
            }
            int length = segment.getInt(position);
            if (length < MIN_BODY || length > MAX_BODY || length > left - FRAME_HEADER) {
                return new RecoveredSegment(position, records, "a bad length at byte " + position);
            }
            CRC32C crc = new CRC32C();
            crc.update(segment.slice(position + FRAME_HEADER, length));
            if ((int) crc.getValue() != segment.getInt(position + 4)) {
                return new RecoveredSegment(position, records, "a corrupt record at byte " + position);
            }
            position += FRAME_HEADER + length;
            records++;
        }
        return new RecoveredSegment(position, records, null);
    }
}
