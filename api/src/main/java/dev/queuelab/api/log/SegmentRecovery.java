package dev.queuelab.api.log;

import java.nio.ByteBuffer;

/**
 * The recovery of one segment file after a crash: given its bytes, say how many of them form the good prefix.
 * A log on disk calls it when it opens a partition that was not shut down cleanly, once per segment file
 * ({@code <baseOffset>.log}, oldest first), then cuts the file after the bytes it kept. What it keeps is served
 * to consumers as it is: no later read checks a checksum again.
 *
 * <h2>The frame layout</h2>
 * A segment file is frames laid end to end from its first byte, one record each, with nothing between them and
 * nothing after the last. Integers are big-endian (a {@link ByteBuffer}'s default order). A frame, from its first
 * byte:
 * <pre>
 *   at  size  field
 *    0    4   length      int32: the bytes of the body, everything after the crc field (so the frame is
 *                         8 + length bytes); a writer writes {@link #MIN_BODY} to {@link #MAX_BODY}
 *    4    4   crc         int32: the CRC32C ({@link java.util.zip.CRC32C}) of the body's bytes, all of them,
 *                         as {@code (int) crc.getValue()}
 *   ---- the body: {@code length} bytes, from byte 8 of the frame ----
 *    8    8   offset      int64: the record's offset; the first frame of a file holds its baseOffset, each
 *                         next frame the offset after
 *   16   12   timestamp   int64 seconds since the epoch, then int32 nanoseconds
 *   28    1   attributes  bit 0 transactional, bits 1-2 a transaction marker (0 none, 1 commit, 2 abort)
 *   29    8   producerId  int64, -1 for none
 *   37        key         int32 length (-1 for null), then that many bytes of UTF-8
 *             value       int32 length (-1 for null), then that many bytes of UTF-8
 *             headers     int32 count, then for each: key and value, each as an int32 length and UTF-8
 * </pre>
 * A record with key "k", value "hello" and no headers is a frame of 8 + 47 bytes: its length field says 47.
 *
 * <h2>What a good frame is</h2>
 * Reading from byte 0, a frame is kept while all of these hold; the first frame that breaks one ends the
 * good prefix, and nothing after it is kept, even frames that look good (offsets must stay dense):
 * <ol>
 *   <li>it is whole: its 8 header bytes are there, and so are the {@code length} bytes its length field promises
 *       (a crash in the middle of a write leaves a <em>torn</em> frame: trust no length past the end of the
 *       file);</li>
 *   <li>its length is one a writer writes, {@link #MIN_BODY} to {@link #MAX_BODY} (zeros on disk read as a
 *       length of 0: the end of what was written, not a record);</li>
 *   <li>its crc equals the CRC32C of its body (a flipped bit anywhere in the body, its offset included, fails
 *       it; a flipped bit in the length field moves the frame's end, so its crc fails too, or it is torn);</li>
 *   <li>its offset is the one due: baseOffset for the first frame, one more for each next.</li>
 * </ol>
 *
 * <h2>The contract</h2>
 * {@link #recover} reads the buffer it is given (position 0, limit the file's size, read-only) and returns
 * {@link RecoveredSegment}: the bytes of the good prefix (a frame boundary: 0, or the end of a good frame), the
 * number of frames in it, and what ended it. It must not read past the buffer's limit, keep a byte that is not
 * part of a good frame, or drop a good frame before the first bad one: a log that trusts it serves what it
 * keeps, and loses what it cuts.
 *
 * <p>Thread-safety: an implementation is called by one thread at a time, while the log opens.
 * Real world: Kafka's {@code LogSegment.recover}, which validates each batch's CRC32C and truncates the file to
 * the last valid byte; its batches have a layout of their own (a CRC from the attributes on, varints).
 */
public interface SegmentRecovery {

    /** The bytes of a frame before its body: the length field and the crc field. */
    int FRAME_HEADER = 8;

    /** The smallest body a writer writes: offset, timestamp, attributes, producerId, and three int32 lengths. */
    int MIN_BODY = 8 + 12 + 1 + 8 + 4 + 4 + 4;

    /** The largest body a writer writes (64 MiB): a larger length field is damage, not a record. */
    int MAX_BODY = 64 << 20;

    /**
     * Finds the good prefix of one segment file.
     *
     * @param segment    the file's bytes: position 0, limit the file's size, big-endian, read-only
     * @param baseOffset the offset of the file's first record (its name, {@code 00000000000000004096.log})
     * @return the bytes and frames kept, and what ended them (null when every byte was a good frame)
     */
    RecoveredSegment recover(ByteBuffer segment, long baseOffset);
}
