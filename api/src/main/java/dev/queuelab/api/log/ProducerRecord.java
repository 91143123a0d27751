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

    /**
     * The length {@code s.getBytes(UTF_8)} would have, counted without making the bytes: a lone surrogate counts
     * 1, as the encoder replaces it with '?'.
     */
    private static long bytes(String s) {
        if (s == null) {
            return 0;
        }
        long n = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n += 1;
                } else if (!Character.isSurrogate(c)) {
                    n += 2;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    n += 2; // four bytes for the pair's two chars
                    i++;
                }
            }
        }
        return n;
    }
}
