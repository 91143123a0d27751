package dev.queuelab.crash;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.ProducerRecord;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The records of a trial: the one at (partition, offset) is a pure function of the trial's seed, so the judge
 * knows, byte for byte, what every offset must hold without being told by the process that wrote it.
 */
public final class TrialRecords {

    private static final char[] ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private TrialRecords() {}

    /** About 100 bytes: a key, a value of 70 to 89 characters, one header. */
    public static ProducerRecord expected(long seed, int partition, long offset) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + partition * 7_919L + offset);
        char[] value = new char[70 + r.nextInt(20)];
        for (int i = 0; i < value.length; i++) {
            value[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new ProducerRecord(
                "k" + partition + "-" + offset, new String(value), Map.of("h", Long.toHexString(r.nextLong())));
    }

    /** True when a record read back is exactly the one written at its place. */
    public static boolean matches(long seed, ConsumerRecord read) {
        return expected(seed, read.partition(), read.offset()).equals(read.asProducerRecord());
    }
}
