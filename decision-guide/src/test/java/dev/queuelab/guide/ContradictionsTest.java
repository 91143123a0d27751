package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each contradiction warning, one by one: the answers that raise it, and a plain case that does not. */
class ContradictionsTest {

    static Stream<Arguments> warnings() {
        return Stream.of(
                Arguments.of("sync-broadcast", TestAnswers.with("sync", "sync", "shape", "broadcast")),
                Arguments.of("sync-replay", TestAnswers.with("sync", "sync", "replay", "true")),
                Arguments.of(
                        "exactly-once-with-external-effects",
                        TestAnswers.with("semantic", "exactly-once", "side-effects", "external")),
                Arguments.of(
                        "at-most-once-with-retries",
                        TestAnswers.with("semantic", "at-most-once", "failure.max-attempts", "3")),
                Arguments.of(
                        "at-most-once-poison",
                        TestAnswers.with("semantic", "at-most-once", "failure.poison-expected", "true")),
                Arguments.of("replay-without-retention", TestAnswers.with("replay", "true")),
                Arguments.of(
                        "replay-with-ephemeral",
                        TestAnswers.with("replay", "true", "shape", "broadcast", "semantic", "at-most-once")),
                Arguments.of("broadcast-one-subscriber", TestAnswers.with("shape", "broadcast")),
                Arguments.of("distribute-many-subscribers", TestAnswers.with("subscribers", "3")),
                Arguments.of(
                        "poison-blocks-key",
                        TestAnswers.with("ordering", "per-key", "failure.poison-expected", "true")),
                Arguments.of("platform-any-took-aws", TestAnswers.with("platform", "any", "ops-appetite", "low")),
                Arguments.of(
                        "functions-on-a-busy-log",
                        TestAnswers.with(
                                "replay",
                                "true",
                                "consumer-runtime",
                                "function",
                                "throughput-per-second",
                                "50000",
                                "retention-days",
                                "1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void shouldWarnWhenAnswersContradictEachOther(String id, Answers answers) {
        assertThat(RuleEngine.recommend(answers).warnings())
                .extracting(Recommendation.Warning::id)
                .contains(id);
        assertThat(RuleEngine.recommend(TestAnswers.with("platform", "aws")).warnings())
                .as("the plain case raises nothing")
                .isEmpty();
    }
}
