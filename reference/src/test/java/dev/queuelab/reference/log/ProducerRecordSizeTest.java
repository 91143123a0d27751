package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A record's size in bytes is the length of its UTF-8 bytes, which segment sizes and retention count. */
class ProducerRecordSizeTest {

    private static final char[] ALPHABET = {
        'a', '~', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff', '\ud83d', '\ude00', '\udbff',
        '\udc00'
    };

    @Test
    void countsWhatTheEncoderWrites() {
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 20_000; trial++) {
            String key = random.nextInt(5) == 0 ? null : text(random);
            String value = text(random);
            Map<String, String> headers = random.nextBoolean() ? Map.of() : Map.of(text(random), text(random));
            long expected = utf8(key) + utf8(value);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                expected += utf8(h.getKey()) + utf8(h.getValue());
            }
            assertThat(new ProducerRecord(key, value, headers).sizeInBytes())
                    .as("key %s value %s headers %s", escaped(key), escaped(value), headers)
                    .isEqualTo(expected);
        }
    }

    @Test
    void surrogatePairsAndLoneSurrogates() {
        assertThat(ProducerRecord.of(null, "\ud83d\ude00").sizeInBytes()).isEqualTo(4); // one code point
        assertThat(ProducerRecord.of(null, "\ud83d").sizeInBytes()).isEqualTo(1); // replaced by '?'
        assertThat(ProducerRecord.of(null, "\ude00\ud83d").sizeInBytes()).isEqualTo(2); // two lone ones
        assertThat(ProducerRecord.of("k", "\u00e9\u20ac").sizeInBytes()).isEqualTo(1 + 2 + 3);
    }

    private static String text(SplittableRandom random) {
        char[] chars = new char[random.nextInt(12)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String escaped(String s) {
        return s == null
                ? "null"
                : s.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
    }
}
