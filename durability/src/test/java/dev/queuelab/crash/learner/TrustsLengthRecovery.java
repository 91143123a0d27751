package dev.queuelab.crash.learner;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A broken recovery that trusts a frame's length field past the end of the file: it checks the CRC32C of the
 * bytes that are there, and when a frame's length runs past the end (a torn last record), it keeps the frame
 * and the file's bytes to its end, as if the rest would come.
 */
public final class TrustsLengthRecovery implements SegmentRecovery {

    @Override
    public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
        int position = 0;
        long due = baseOffset;
        while (position + FRAME_HEADER <= segment.limit()) {
            int length = segment.getInt(position);
            int end = position + FRAME_HEADER + length;
            if (length < MIN_BODY || length > MAX_BODY) {
                break;
            }
            if (end > segment.limit()) {
                return new RecoveredSegment(segment.limit(), due - baseOffset + 1, null); // the rest will come
            }
            CRC32C crc = new CRC32C();
            crc.update(segment.slice(position + FRAME_HEADER, length));
            if ((int) crc.getValue() != segment.getInt(position + 4)
                    || segment.getLong(position + FRAME_HEADER) != due) {
                break;
            }
            position = end;
            due++;
        }
        return new RecoveredSegment(position, due - baseOffset, position < segment.limit() ? "stopped" : null);
    }
}
