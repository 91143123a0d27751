package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule, one by one: the answers that fire it, and what it decides. */
class RulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(Rules.NO_QUEUE_WHEN_SYNC, TestAnswers.with("sync", "sync"), "none"),
                Arguments.of(Rules.REPLAY_NEEDS_A_LOG, TestAnswers.with("replay", "true", "retention-days", "7"), "partitioned-log"),
                Arguments.of(Rules.BROADCAST_NEEDS_FANOUT, TestAnswers.with("shape", "broadcast", "subscribers", "3"), "pub-sub-fanout"),
                Arguments.of(Rules.EPHEMERAL_WHEN_LOSS_IS_FINE, TestAnswers.with("shape", "broadcast", "semantic", "at-most-once"), "ephemeral-pub-sub"),
                Arguments.of(Rules.DISTRIBUTE_WITH_A_WORK_QUEUE, TestAnswers.with("platform", "aws"), "work-queue"),
                Arguments.of(Rules.SMALL_WORK_IN_APP, TestAnswers.with("throughput-per-second", "5", "platform", "self-hosted"), "in-app-job-queue"),
                Arguments.of(Rules.PER_KEY_ORDER_BY_PARTITION, TestAnswers.with("ordering", "per-key"), "fifo-work-queue"),
                Arguments.of(Rules.GLOBAL_ORDER_IS_ONE_LANE, TestAnswers.with("ordering", "global"), "fifo-work-queue"),
                Arguments.of(Rules.AT_LEAST_ONCE_WITH_IDEMPOTENCY, TestAnswers.with(), "work-queue"),
                Arguments.of(Rules.EXACTLY_ONCE_IS_IDEMPOTENCY, TestAnswers.with("semantic", "exactly-once", "side-effects", "external"), "work-queue"),
                Arguments.of(Rules.EXACTLY_ONCE_IN_THE_LOG, TestAnswers.with("semantic", "exactly-once", "replay", "true"), "partitioned-log"),
                Arguments.of(Rules.AT_MOST_ONCE_ACKS_FIRST, TestAnswers.with("semantic", "at-most-once"), "work-queue"),
                Arguments.of(Rules.RESIST_KAFKA_WHEN_SMALL, TestAnswers.with("replay", "true", "throughput-per-second", "100"), "partitioned-log"),
                Arguments.of(Rules.VISIBILITY_FROM_WORST_CASE, TestAnswers.with(), "work-queue"),
                Arguments.of(Rules.THREE_TO_FIVE_RECEIVES, TestAnswers.with("failure.max-attempts", "10"), "work-queue"),
                Arguments.of(Rules.ALARM_ON_DLQ_AND_AGE, TestAnswers.with(), "work-queue"),
                Arguments.of(Rules.DEDUP_KEYS_EXPIRE, TestAnswers.with("retention-days", "30"), "work-queue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldFireTheRuleWhenItsAnswersAreGiven(Rules.Rule rule, Answers answers, String topology) {
        Recommendation r = Recommender.recommend(answers);
        assertThat(r.rules()).as("rules fired for %s", answers).contains(rule);
        assertThat(r.topology()).isEqualTo(topology);
        assertThat(rule.source()).as("every rule names its source").isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldCoverEveryRuleWhenTheTableIsComplete(Rules.Rule rule, Answers answers, String topology) {
        assertThat(Rules.ALL).contains(rule);
        assertThat(rules().count()).as("one row per rule").isEqualTo(Rules.ALL.size());
    }

    @org.junit.jupiter.api.Test
    void shouldSizeVisibilityAndReceivesFromTheFailureAnswersWhenConsumersAreServicesOrFunctions() {
        Recommendation service = Recommender.recommend(TestAnswers.with("failure.max-processing-seconds", "40",
                "failure.max-attempts", "10"));
        assertThat(service.failure().visibilityTimeoutSeconds()).as("40 s worst case + 20 s buffer").isEqualTo(60);
        assertThat(service.failure().maxReceiveCount()).as("3 to 5 receives, whatever was asked").isEqualTo(5);
        Recommendation function = Recommender.recommend(TestAnswers.with("failure.max-processing-seconds", "40",
                "consumer-runtime", "function"));
        assertThat(function.failure().visibilityTimeoutSeconds()).as("6x the function timeout").isEqualTo(240);
        assertThat(Recommender.recommend(TestAnswers.with("retention-days", "30")).idempotency().ttlHours())
                .as("dedup keys expire within 7 days").isEqualTo(168);
    }
}
