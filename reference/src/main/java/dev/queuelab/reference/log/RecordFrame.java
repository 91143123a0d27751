package dev.queuelab.reference.log;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.SegmentRecovery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * How one entry is laid out in a {@code .log} file, and how it is read back and judged.
 *
 * <pre>
 *   length  int32   bytes after this field
 *   crc     int32   CRC32C of every byte after this field
 *   offset  int64 | timestamp int64 s + int32 ns | attributes int8 (bit 0 transactional, bits 1-2 marker)
 *   producerId int64 | key int32 length (-1 null) + UTF-8 | value idem | headers int32 count + (key, value)*
 * </pre>
 *
 * Teaches: a record on disk carries its own length (to find the next one) and a checksum (to know a torn or
 * flipped one), so recovery can tell the last good byte without trusting anything else.
 * Invariants:
 *   RF1 a frame's checksum covers its offset and everything after, so a record moved or altered is caught;
 *   RF2 {@link #read} never returns a frame that runs past the limit it is given (a torn tail is TORN).
 * Thread-safety: stateless.
 * Real world: a Kafka record batch (magic 2) holding one record: Kafka's CRC32C covers the batch from its
 * attributes on, not the base offset or length; here the offset is covered too, and there are no varints.
 */
public final class RecordFrame {

    /** The length and checksum fields, before the checksummed body (the layout is the api's, in SegmentRecovery). */
    public static final int HEADER = SegmentRecovery.FRAME_HEADER;

    static final int MIN_BODY = SegmentRecovery.MIN_BODY;
    static final int MAX_BODY = SegmentRecovery.MAX_BODY;

    /** What {@link #read} found at a position. */
    public enum Status {
        OK,
        TORN,
        CORRUPT
    }

    /**
     * A frame read from a file.
     *
     * @param size             the frame's bytes, header included
     * @param checksumMatches  false when the stored CRC32C differs from the body's (RF1)
     * @param entry            the decoded entry, or null when the body could not be decoded
     */
    public record Frame(
            Status status, long position, int size, long offset, boolean checksumMatches, LogSegment.Entry entry) {}

    private RecordFrame() {}

    /** The bytes of one entry at {@code offset}. */
    public static ByteBuffer encode(LogSegment.Entry entry, long offset, Instant timestamp) {
        return encode(entry, offset, timestamp, null, new CRC32C());
    }

    /**
     * The bytes of one entry at {@code offset}, in {@code reuse} when it has room (a heap buffer the caller owns
     * until the frame is written), else in a new buffer; {@code crc} is reset and used for the checksum (RF1).
     */
    static ByteBuffer encode(LogSegment.Entry entry, long offset, Instant timestamp, ByteBuffer reuse, CRC32C crc) {
        ConsumerRecord r = entry.record();
        byte[] key = r == null ? null : utf8(r.key());
        byte[] value = r == null ? null : utf8(r.value());
        Map<String, String> headers = r == null ? Map.of() : r.headers();
        int body = MIN_BODY + len(key) + len(value);
        if (!headers.isEmpty()) { // no iterator for the common case, a record without headers
            for (Map.Entry<String, String> h : headers.entrySet()) {
                body += 8 + utf8(h.getKey()).length + utf8(h.getValue()).length;
            }
        }
        ByteBuffer buf = reuse != null && reuse.capacity() >= HEADER + body
                ? reuse.clear().limit(HEADER + body)
                : ByteBuffer.allocate(HEADER + body);
        buf.putInt(body)
                .putInt(0)
                .putLong(offset)
                .putLong(timestamp.getEpochSecond())
                .putInt(timestamp.getNano());
        int marker = entry.marker() == null ? 0 : entry.marker() == LogSegment.Marker.COMMIT ? 1 : 2;
        buf.put((byte) ((entry.transactional() ? 1 : 0) | marker << 1)).putLong(entry.producerId());
        put(buf, key);
        put(buf, value);
        buf.putInt(headers.size());
        if (!headers.isEmpty()) {
            for (Map.Entry<String, String> h : new java.util.TreeMap<>(headers).entrySet()) {
                put(buf, utf8(h.getKey()));
                put(buf, utf8(h.getValue()));
            }
        }
        crc.reset();
        crc.update(buf.array(), buf.arrayOffset() + HEADER, body);
        buf.putInt(4, (int) crc.getValue()); // RF1
        return buf.flip();
    }

    /** The frame at {@code position}, reading no byte at or past {@code limit} (RF2). */
    public static Frame read(FileChannel channel, long position, long limit, int partition) {
        try {
            if (limit - position < HEADER) {
                return new Frame(Status.TORN, position, 0, -1, false, null);
            }
            ByteBuffer head = ByteBuffer.allocate(HEADER);
            channel.read(head, position);
            int body = head.getInt(0);
            if (body < MIN_BODY || body > MAX_BODY || position + HEADER + body > limit) {
                return judge(position, body, limit, 0, null, partition);
            }
            ByteBuffer buf = ByteBuffer.allocate(body);
            while (buf.hasRemaining() && channel.read(buf, position + HEADER + buf.position()) >= 0) {
                continue;
            }
            return judge(position, body, limit, head.getInt(4), buf.flip(), partition);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a record at byte " + position, e);
        }
    }

    /** The frame at {@code position} of a file on a {@link Disk}, reading no byte at or past {@code limit} (RF2). */
    public static Frame read(Disk.Handle file, long position, long limit, int partition) {
        if (limit - position < HEADER) {
            return new Frame(Status.TORN, position, 0, -1, false, null);
        }
        int body = file.read(position, HEADER).getInt(0);
        if (body < MIN_BODY || body > MAX_BODY || position + HEADER + body > limit) {
            return judge(position, body, limit, 0, null, partition);
        }
        ByteBuffer frame = file.read(position, HEADER + body);
        if (frame.remaining() < HEADER + body) {
            return new Frame(Status.TORN, position, 0, -1, false, null); // RF2: the file ends before the frame does
        }
        return judge(position, body, limit, frame.getInt(4), frame.slice(HEADER, body), partition);
    }

    /** The frame at {@code position} of a segment's bytes, reading none at or past {@code limit} (RF2). */
    public static Frame read(ByteBuffer segment, int position, int limit, int partition) {
        if (limit - position < HEADER) {
            return new Frame(Status.TORN, position, 0, -1, false, null);
        }
        int body = segment.getInt(position);
        if (body < MIN_BODY || body > MAX_BODY || (long) position + HEADER + body > limit) {
            return judge(position, body, limit, 0, null, partition);
        }
        return judge(
                position, body, limit, segment.getInt(position + 4), segment.slice(position + HEADER, body), partition);
    }

    /** The status of a frame whose header says {@code body} bytes and {@code crc}, its body in {@code buf}. */
    private static Frame judge(long position, int body, long limit, int crc, ByteBuffer buf, int partition) {
        if (body < MIN_BODY || body > MAX_BODY) {
            return new Frame(Status.CORRUPT, position, 0, -1, false, null); // a length no writer wrote
        }
        if (position + HEADER + body > limit) {
            return new Frame(Status.TORN, position, 0, -1, false, null); // RF2
        }
        CRC32C checksum = new CRC32C();
        checksum.update(buf.duplicate());
        boolean matches = (int) checksum.getValue() == crc;
        long offset = buf.getLong(0);
        LogSegment.Entry entry = decode(buf.duplicate(), partition);
        Status status = matches && entry != null ? Status.OK : Status.CORRUPT;
        return new Frame(status, position, HEADER + body, offset, matches, entry);
    }

    private static LogSegment.Entry decode(ByteBuffer buf, int partition) {
        try {
            long offset = buf.getLong();
            Instant timestamp = Instant.ofEpochSecond(buf.getLong(), buf.getInt());
            int attributes = buf.get();
            long producerId = buf.getLong();
            String key = string(buf);
            String value = string(buf);
            int count = buf.getInt();
            if (count < 0 || count > buf.remaining() / 8) {
                return null;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                headers.put(string(buf), string(buf));
            }
            int marker = attributes >> 1 & 3;
            boolean transactional = (attributes & 1) == 1;
            if (marker == 3 || buf.hasRemaining() || headers.containsKey(null) || headers.containsValue(null)) {
                return null;
            }
            if (marker != 0) {
                return new LogSegment.Entry(
                        null,
                        producerId,
                        transactional,
                        marker == 1 ? LogSegment.Marker.COMMIT : LogSegment.Marker.ABORT,
                        0);
            }
            ConsumerRecord record = new ConsumerRecord(partition, offset, timestamp, key, value, headers);
            return new LogSegment.Entry(
                    record,
                    producerId,
                    transactional,
                    null,
                    record.asProducerRecord().sizeInBytes());
        } catch (BufferUnderflowException | IllegalArgumentException | java.time.DateTimeException e) {
            return null; // bytes no writer wrote
        }
    }

    private static String string(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < -1 || n > buf.remaining()) {
            throw new IllegalArgumentException("length " + n);
        }
        if (n == -1) {
            return null;
        }
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void put(ByteBuffer buf, byte[] bytes) {
        buf.putInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            buf.put(bytes);
        }
    }

    private static int len(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
