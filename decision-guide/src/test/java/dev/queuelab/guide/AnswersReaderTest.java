package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answers file that says one thing twice, or hides answers where the reader would skip them, is refused in one
 * line naming the key: the guide must never judge a value its author did not mean.
 */
class AnswersReaderTest {

    private static final String BASE =
            "sync: async\nshape: distribute\nreplay: no\nordering: none\n" + "semantic: at-least-once\n";

    private static String refusal(String text) {
        try {
            AnswersReader.parse(text, "a.yaml");
        } catch (AnswersException e) {
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void shouldRefuseAKeyGivenTwiceWhenTheLastWouldSilentlyWin() {
        assertThat(refusal(BASE + "ordering: global\n"))
                .contains("'ordering' is given twice")
                .contains("line 6");
        assertThat(refusal(BASE + "failure: {max-attempts: 3, max-attempts: 4}\n"))
                .contains("'failure.max-attempts' is given twice");
        assertThat(AnswersReader.parse(BASE, "a.yaml").ordering()).isEqualTo(Answers.Ordering.NONE);
    }

    @Test
    void shouldRefuseASecondDocumentWhenItsAnswersWouldBeIgnored() {
        assertThat(refusal(BASE + "---\nsync: sync\n")).contains("more than one document");
        assertThat(AnswersReader.parse("---\n" + BASE, "a.yaml").async())
                .as("a leading '---' starts the one document")
                .isTrue();
    }

    @Test
    void shouldRefuseTheFailureMapAndADottedFailureKeyWhenBothNameOneAnswer() {
        assertThat(refusal(BASE + "failure: {max-processing-seconds: 30, max-attempts: 3}\nfailure.max-attempts: 7\n"))
                .contains("'failure.max-attempts' is given twice");
        assertThat(AnswersReader.parse(
                                BASE + "failure: {max-processing-seconds: 30}\nfailure.max-attempts: 7\n", "a.yaml")
                        .failure()
                        .maxAttempts())
                .as("different answers, one in the map and one dotted, are fine")
                .isEqualTo(7);
    }

    @Test
    void shouldNameTheKeyWhenANumberIsInfiniteOrNotANumber() {
        assertThat(refusal(BASE + "throughput-per-second: .inf\n"))
                .startsWith("a.yaml: 'throughput-per-second' is '.inf': use a number from");
        assertThat(refusal(BASE + "failure: {max-processing-seconds: .nan}\n"))
                .contains("'failure.max-processing-seconds' is '.nan'");
    }

    @Test
    void shouldNameTheFileWhenItIsNotUtf8(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'s', 'y', 'n', 'c', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> AnswersReader.read(latin1))
                .isInstanceOf(AnswersException.class)
                .hasMessageContaining("latin1.yaml: is not UTF-8 text")
                .hasMessageNotContaining("\n");
    }

    @Test
    void shouldRefuseANumberInAnotherBaseWhenYamlWouldReadItAsAnotherNumber() {
        assertThat(refusal(BASE + "payload-kb: 0x10\n"))
                .startsWith("a.yaml: 'payload-kb' is '0x10'")
                .contains("decimals");
        assertThat(refusal(BASE + "failure: {max-attempts: 010}\n")).contains("'failure.max-attempts' is '010'");
        assertThat(AnswersReader.parse(BASE + "payload-kb: 10\np99-processing-seconds: 0.5\n", "a.yaml")
                        .context()
                        .payloadKb())
                .isEqualTo(10);
        assertThat(AnswersReader.parse(BASE + "p99-processing-seconds: 0\n", "a.yaml")
                        .context()
                        .p99ProcessingSeconds())
                .isZero();
    }

    @Test
    void shouldNameAControlCharacterOrAHomoglyphWhenAValueHidesOne() {
        assertThat(refusal(BASE + "platform: a\u0000ws\n")).contains("line 6", "U+0000", "NULL", "control character");
        assertThat(refusal(BASE + "platform: \u0430ws\n"))
                .contains("line 6", "U+0430", "CYRILLIC SMALL LETTER A", "not");
        assertThat(AnswersReader.parse(BASE + "platform: aws # \u00e0 comment may say anything\n", "a.yaml")
                        .context()
                        .platform())
                .isEqualTo(Answers.Platform.AWS);
        assertThatThrownBy(() -> AnswersReader.fromValues(java.util.Map.of("sync", "\u0430sync"), "typed"))
                .hasMessageContaining("'sync'")
                .hasMessageContaining("U+0430");
    }
}
