package dev.queuelab.api.log;

import java.nio.charset.StandardCharsets;

/**
 * Kafka's default partitioner for keyed records, so that anyone can predict a key's partition exactly:
 * {@code toPositive(murmur2(utf8(key))) % numPartitions}.
 *
 * <p>The hash is MurmurHash2 (32-bit) with Kafka's seed {@code 0x9747b28c}, as in
 * {@code org.apache.kafka.common.utils.Utils.murmur2}, and {@code toPositive} clears the sign bit (it is not
 * {@code Math.abs}). A key's bytes are its UTF-8 encoding, as Kafka's {@code StringSerializer} writes them.
 * Changing any of this moves keys between partitions, which is why Kafka has never changed it.
 */
public final class DefaultPartitioner {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private DefaultPartitioner() {}

    /** The partition Kafka's default partitioner picks for a non-null key. */
    public static int partition(String key, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("numPartitions " + numPartitions + " must be 1 or more");
        }
        return toPositive(murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }

    /** The sign bit cleared: a hash of Integer.MIN_VALUE gives 0, where Math.abs would stay negative. */
    public static int toPositive(int number) {
        return number & 0x7fffffff;
    }

    /** 32-bit MurmurHash2 of {@code data}, little-endian blocks of four bytes, then the tail, then a final mix. */
    public static int murmur2(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            int k = (data[at] & 0xff)
                    | (data[at + 1] & 0xff) << 8
                    | (data[at + 2] & 0xff) << 16
                    | (data[at + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int tail = blocks * 4;
        int rest = length - tail;
        if (rest == 3) {
            h ^= (data[tail + 2] & 0xff) << 16;
        }
        if (rest >= 2) {
            h ^= (data[tail + 1] & 0xff) << 8;
        }
        if (rest >= 1) {
            h ^= data[tail] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }
}
