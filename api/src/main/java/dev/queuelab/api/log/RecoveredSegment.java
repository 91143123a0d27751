package dev.queuelab.api.log;

/**
 * What a {@link SegmentRecovery} found in one segment file: the good prefix the log keeps, and why it ends.
 *
 * @param validBytes the bytes of the good prefix, from byte 0: the log cuts the file there
 * @param records    the frames in it: offsets baseOffset to baseOffset + records - 1, one each, in order
 * @param problem    what ended the good prefix, in plain words with its byte ("a torn record at byte 5831",
 *                   "a checksum mismatch at byte 1490"), or null when every byte of the file was a good frame
 */
public record RecoveredSegment(long validBytes, long records, String problem) {

    public RecoveredSegment {
        if (validBytes < 0) {
            throw new IllegalArgumentException(
                    "validBytes is " + validBytes + ": give the bytes of the good prefix, 0 when no frame is good");
        }
        if (records < 0) {
            throw new IllegalArgumentException(
                    "records is " + records + ": give the frames in the good prefix, 0 when no frame is good");
        }
    }
}
