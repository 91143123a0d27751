package dev.queuelab.api.log;

import java.util.Map;
import java.util.Objects;

/**
 * What a producer hands the log: a key (null spreads the record over partitions), a value (null is a
 * tombstone where the log is compacted) and headers.
 */
public record ProducerRecord(String key, String value, Map<String, String> headers) {

    public ProducerRecord {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers (use Map.of() for none)"));
    }

    public static ProducerRecord of(String key, String value) {
        return new ProducerRecord(key, value, Map.of());
    }

    /**
     * The bytes this record counts for in segment sizes and size-based retention: the UTF-8 bytes of its key,
     * value and headers, with no overhead (a transaction marker counts 0).
     */
    public long sizeInBytes() {
        long size = bytes(key) + bytes(value);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            size += bytes(h.getKey()) + bytes(h.getValue());
        }
        return size;
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
