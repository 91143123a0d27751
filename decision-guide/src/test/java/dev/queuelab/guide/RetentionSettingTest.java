package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every design that keeps messages names the setting that keeps them, in the product's own name and unit: a
 * product's default retention (Kafka's 7 days, Kinesis's 24 h, SQS's 4 days) is shorter than many answers, and
 * what it does not keep it deletes without a word.
 */
class RetentionSettingTest {

    private static Optional<Recommendation.Setting> setting(Recommendation r, String prefix) {
        return r.settings().stream().filter(x -> x.name().startsWith(prefix)).findFirst();
    }

    @Test
    void shouldSetKafkasRetentionMsWhenALogKeepsLongerThanItsDefault() {
        Recommendation r = RuleEngine.recommend(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "throughput-per-second",
                "5000",
                "retention-days",
                "30",
                "ops-appetite",
                "high"));
        assertThat(r.product()).isEqualTo(Product.KAFKA);
        assertThat(setting(r, "retention.ms"))
                .as("30 days asked, against Kafka's 7-day default: retention.ms must say 30 days in ms")
                .get()
                .extracting(Recommendation.Setting::number)
                .isEqualTo(30 * 86_400_000.0);
    }

    @Test
    void shouldRaiseKinesisRetentionInHoursWhenAStreamKeepsAWeek() {
        Recommendation r = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "500", "retention-days", "7"));
        assertThat(r.product()).isEqualTo(Product.KINESIS);
        Recommendation.Setting hours = setting(r, "RetentionPeriodHours").orElseThrow();
        assertThat(hours.number()).as("7 days = 168 h, above the 24 h default").isEqualTo(168.0);
        assertThat(hours.unit()).isEqualTo("h");
    }

    @Test
    void shouldKeepAQueuesBacklogForTheProductsMaximumWhenRetentionIsUntilConsumed() {
        Recommendation r = RuleEngine.recommend(TestAnswers.with("platform", "aws", "retention-days", "0"));
        assertThat(r.product()).isEqualTo(Product.SQS_STANDARD);
        assertThat(setting(r, "MessageRetentionPeriod"))
                .as("until consumed: SQS's 4-day default would delete an outage's backlog, and a dead letter keeps"
                        + " its enqueue time, so the source keeps half of the 14 days the dead-letter queue keeps")
                .get()
                .extracting(Recommendation.Setting::number)
                .isEqualTo(604_800.0);
        assertThat(r.feasibility().checks())
                .filteredOn(c -> c.id().equals("dead-letter-retention"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Feasibility.Status.OK))
                .satisfies(c -> assertThat(c.detail()).contains("its source 7 days"));
        // a FIFO queue's dead letter gets a new enqueue time: its source may keep the full 14 days
        Recommendation fifo =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "ordering", "per-key", "retention-days", "0"));
        assertThat(setting(fifo, "MessageRetentionPeriod"))
                .get()
                .extracting(Recommendation.Setting::number)
                .isEqualTo(1_209_600.0);
        // a Pub/Sub dead letter is published anew to its topic: its retention counts from the move
        Recommendation pubsub = RuleEngine.recommend(TestAnswers.with("platform", "gcp", "retention-days", "0"));
        assertThat(pubsub.feasibility().checks())
                .filteredOn(c -> c.id().equals("dead-letter-retention"))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Feasibility.Status.OK));
        // a source asked to keep 14 days leaves a standard queue's dead letters no time: the check fires
        Recommendation full = RuleEngine.recommend(TestAnswers.with("platform", "aws", "retention-days", "14"));
        assertThat(
                        full.rejected().isEmpty()
                                ? full.feasibility().checks()
                                : full.rejected().get(0).failed())
                .filteredOn(c -> c.id().equals("dead-letter-retention"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Feasibility.Status.FAIL));
    }

    @Test
    void shouldRetainAckedMessagesOnPubSubOnlyWhenReplayIsAsked() {
        Recommendation replay = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "gcp", "throughput-per-second", "100", "retention-days", "7"));
        assertThat(replay.product()).isEqualTo(Product.PUBSUB);
        assertThat(setting(replay, "retain_acked_messages"))
                .as("replay on Pub/Sub seeks back over acknowledged messages, which are kept only when retained")
                .isPresent();
        assertThat(setting(replay, "message_retention_duration")).isPresent();
        Recommendation queue = RuleEngine.recommend(TestAnswers.with("platform", "gcp"));
        assertThat(setting(queue, "retain_acked_messages"))
                .as("a work queue without replay keeps no acknowledged messages")
                .isEmpty();
    }

    @Test
    void shouldNameNoRetentionWhenNothingIsKept() {
        Recommendation sync = RuleEngine.recommend(TestAnswers.with("sync", "sync"));
        assertThat(sync.settings())
                .extracting(Recommendation.Setting::name)
                .noneMatch(n -> n.contains("Retention") || n.contains("retention"));
        Recommendation ephemeral = RuleEngine.recommend(TestAnswers.with(
                "shape", "broadcast", "semantic", "at-most-once", "retention-days", "0", "platform", "self-hosted"));
        assertThat(ephemeral.product()).isEqualTo(Product.REDIS_PUBSUB);
        assertThat(ephemeral.settings())
                .extracting(Recommendation.Setting::name)
                .noneMatch(n -> n.contains("etention"));
    }
}
