package dev.queuelab.reference.pubsub.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redis's glob at each of its edges, as stringmatchlen answers them. */
class GlobTest {

    @ParameterizedTest(name = "''{0}'' on ''{1}'' -> {2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "*|a|true",
                "*|\"\"|false",
                "\"\"|\"\"|true",
                "a*|a|true",
                "*a|a|true",
                "a*b|ab|true",
                "a**b|axxb|true",
                "?|\"\"|false",
                "?|a|true",
                "??|a|false",
                "h[ae]llo|hallo|true",
                "h[ae]llo|hillo|false",
                "h[^e]llo|hallo|true",
                "h[^e]llo|hello|false",
                "h[!e]llo|hallo|false",
                "h[!e]llo|h!llo|true",
                "[a-c]|b|true",
                "[c-a]|b|true",
                "[a-c]|d|false",
                "[]|a|false",
                "[ab|b|true",
                "[\\]]|]|true",
                "[a-]|b|false",
                "[a-]|^|true",
                "\\*|*|true",
                "\\*|a|false",
                "a\\|a\\|true",
                "news.*|news.|true",
                "news.*|news|false",
            })
    void shouldMatchAsRedisDoesWhenGivenEachEdgeOfItsGlob(String pattern, String channel, boolean expected) {
        assertThat(Glob.matches(pattern, channel)).isEqualTo(expected);
    }
}
