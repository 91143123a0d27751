package dev.queuelab.reference.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void shouldCountWhatTheEncoderWritesWhenGivenEveryKindOfCharacter() {
        for (String s : new String[] {
            "",
            "user 42 signed up",
            "é",
            "€",
            "😀",
            "a😀b",
            "\uD83D",
            "\uDE00",
            "\uDE00\uD83D",
            "x\uD83Dy",
            "ab\u07FF\u0800"
        }) {
            assertThat(Utf8.length(s)).as("%s", s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void shouldCountWhatTheEncoderWritesWhenGivenRandomText() {
        SplittableRandom random = new SplittableRandom(23);
        for (int t = 0; t < 10_000; t++) {
            char[] cs = new char[random.nextInt(8)];
            for (int i = 0; i < cs.length; i++) {
                int kind = random.nextInt(4);
                cs[i] = (char)
                        (kind == 0
                                ? random.nextInt(0x80)
                                : kind == 1 ? 0xD800 + random.nextInt(0x800) : random.nextInt(0x10000));
            }
            String s = new String(cs);
            assertThat(Utf8.length(s)).as("seed 23, case %d", t).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
