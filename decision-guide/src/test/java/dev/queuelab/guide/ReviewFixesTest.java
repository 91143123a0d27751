package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a senior review of fourteen fresh designs ({@code src/test/resources/review}) found and the guide now does:
 * each fix where it fires and where it must not.
 */
class ReviewFixesTest {

    @Test
    void shouldNameMessagingUnitsOnlyWhenTheServiceBusRecordIsOnPremium() {
        Recommendation standard =
                RuleEngine.recommend(TestAnswers.with("platform", "azure", "throughput-per-second", "20"));
        assertThat(ids(standard)).contains("standard-tier-credits").doesNotContain("messaging-units");
        Recommendation premium =
                RuleEngine.recommend(TestAnswers.with("platform", "azure", "throughput-per-second", "1000"));
        assertThat(ids(premium)).contains("messaging-units");
        assertThat(check(premium, "standard-tier-credits").status())
                .as("past Standard's credits the check says why the tier is Premium")
                .isEqualTo(Status.WARN);
    }

    @Test
    void shouldHoldADirectCallsTimeoutToTheLatencyBudgetWhenOneIsGiven() {
        Recommendation budget = RuleEngine.recommend(TestAnswers.with(
                "sync",
                "sync",
                "p99-processing-seconds",
                "0.08",
                "failure.max-processing-seconds",
                "1",
                "latency-budget-seconds",
                "0.2",
                "failure.max-attempts",
                "2"));
        assertThat(setting(budget, "timeout (per attempt)").value()).startsWith("0.2 s: the latency budget");
        assertThat(check(budget, "latency-budget").status())
                .as("a retry after a 1 s backoff lands past a 0.2 s budget")
                .isEqualTo(Status.WARN);
        assertThat(check(budget, "latency-budget").detail()).contains("a call retried once");
        Recommendation none = RuleEngine.recommend(TestAnswers.with(
                "sync", "sync", "p99-processing-seconds", "0.08", "failure.max-processing-seconds", "1"));
        assertThat(setting(none, "timeout (per attempt)").value()).startsWith("11 s: the worst case of 1 s");
    }

    @Test
    void shouldNotAskDevicesToResendWhatAtMostOnceLets() {
        String lossy = RuleEngine.recommend(TestAnswers.with(
                        "producer-kind",
                        "device",
                        "semantic",
                        "at-most-once",
                        "shape",
                        "broadcast",
                        "retention-days",
                        "0"))
                .producerSide();
        assertThat(lossy).contains("sends a reading once").doesNotContain("sends it again");
        String kept = RuleEngine.recommend(TestAnswers.with("producer-kind", "device"))
                .producerSide();
        assertThat(kept).contains("sends it again with its sequence number");
    }

    @Test
    void shouldPriceAnotherCloudsNodesAsAYardstickNotAsItsBill() {
        String[] ticks = {"shape", "broadcast", "semantic", "at-most-once", "retention-days", "0"};
        Answers gcp = with(ticks, "platform", "gcp");
        Recommendation onGcp = RuleEngine.recommend(gcp);
        assertThat(onGcp.product()).isEqualTo(Product.REDIS_PUBSUB);
        assertThat(CostModel.monthly(onGcp, gcp)).contains("an AWS list price as a yardstick: price Memorystore");
        Answers aws = with(ticks, "platform", "aws");
        Recommendation onAws = RuleEngine.recommend(aws);
        if (onAws.product() == Product.REDIS_PUBSUB) {
            assertThat(CostModel.monthly(onAws, aws)).doesNotContain("yardstick");
        }
    }

    @Test
    void shouldPriceEnhancedFanOutWhenTheKinesisRecordRegistersIt() {
        String[] stream = {
            "platform",
            "aws",
            "replay",
            "true",
            "ordering",
            "per-key",
            "throughput-per-second",
            "30000",
            "payload-kb",
            "1.5",
            "p99-processing-seconds",
            "0.01",
            "retention-days",
            "7"
        };
        Answers three = with(stream, "shape", "broadcast", "subscribers", "3");
        Recommendation r = RuleEngine.recommend(three);
        assertThat(r.product()).isEqualTo(Product.KINESIS);
        assertThat(r.settings()).anyMatch(x -> x.name().startsWith("enhanced fan-out"));
        assertThat(CostModel.monthly(r, three)).contains("enhanced fan-out for 3 consumer(s)");
        Answers one = with(stream);
        Recommendation single = RuleEngine.recommend(one);
        assertThat(single.settings()).noneMatch(x -> x.name().startsWith("enhanced fan-out"));
        assertThat(CostModel.monthly(single, one)).doesNotContain("enhanced fan-out");
    }

    @Test
    void shouldCountRetriesWaitingInFlightAgainstTheQueuesQuotaWhenTheEndpointIsDown() {
        // SMS retried for 6 hours at 500 msg/s: 10.8 million messages wait out their backoff invisible
        Recommendation sms = RuleEngine.recommend(TestAnswers.with(
                "platform",
                "aws",
                "throughput-per-second",
                "500",
                "failure.max-attempts",
                "8",
                "failure.retry-horizon-hours",
                "6"));
        Check parked = check(sms, "parked-retries");
        assertThat(parked.status()).isEqualTo(Status.WARN);
        assertThat(parked.detail()).contains("500 msg/s x the retry horizon of 6 h = 10,858,500 of 120,000");
        assertThat(parked.fix()).contains("DelaySeconds", "circuit breaker");
        // three quick attempts hold a few seconds' worth: within the quota
        Recommendation quick =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "throughput-per-second", "500"));
        assertThat(check(quick, "parked-retries").status()).isEqualTo(Status.OK);
        // a FIFO group waits with one batch in flight: no such line
        Recommendation fifo = RuleEngine.recommend(
                TestAnswers.with("platform", "aws", "ordering", "per-key", "failure.retry-horizon-hours", "6"));
        assertThat(ids(fifo)).doesNotContain("parked-retries");
    }

    @Test
    void shouldRunALogsReadersAsTwoInstancesForFailoverWhenOneWouldCarryTheLoad() {
        // 2,000 msg/s at 0.02 s: 50 in flight, one instance's worth; the guide runs two, on two partitions
        String[] feed = {
            "platform",
            "self-hosted",
            "ops-appetite",
            "high",
            "replay",
            "true",
            "ordering",
            "per-key",
            "throughput-per-second",
            "2000",
            "p99-processing-seconds",
            "0.02"
        };
        Recommendation kept = RuleEngine.recommend(with(feed));
        assertThat(kept.topology()).isEqualTo(Topology.PARTITIONED_LOG);
        assertThat(kept.sizing().consumers()).isEqualTo(2);
        assertThat(kept.sizing().partitions()).isGreaterThanOrEqualTo(2);
        assertThat(kept.sizing().formula()).contains("the 2 the guide runs for failover (guide.failover)");
        // asked for more, the answer wins and is named as asked
        Recommendation asked = RuleEngine.recommend(with(feed, "min-consumer-instances", "3"));
        assertThat(asked.sizing().consumers()).isEqualTo(3);
        assertThat(asked.sizing().formula())
                .contains("the 3 asked for failover")
                .doesNotContain("guide.failover");
    }

    @Test
    void shouldCountABulkLoadInTheServiceBusEntityWhenItArrivesAtOnce() {
        // 10,000,000 statements of 4 KiB queued at once: 41 GB, past a Standard queue's 5 GiB
        Recommendation bulk = RuleEngine.recommend(TestAnswers.with(
                "platform",
                "azure",
                "throughput-per-second",
                "200",
                "payload-kb",
                "4",
                "bulk-load-messages",
                "10000000"));
        Check size = check(bulk, "entity-size");
        assertThat(size.status()).isNotEqualTo(Status.OK);
        assertThat(size.detail()).startsWith("a bulk load of 10,000,000 messages = ");
        Recommendation daily = RuleEngine.recommend(
                TestAnswers.with("platform", "azure", "throughput-per-second", "200", "payload-kb", "4"));
        assertThat(check(daily, "entity-size").status()).isEqualTo(Status.OK);
        assertThat(check(daily, "entity-size").detail()).doesNotContain("bulk load");
    }

    @Test
    void shouldAdviseTieredStorageWhenAKafkaTopicIsKeptForMonths() {
        String[] audit = {
            "platform",
            "aws",
            "replay",
            "true",
            "ordering",
            "per-key",
            "shape",
            "broadcast",
            "subscribers",
            "2",
            "throughput-per-second",
            "400",
            "payload-kb",
            "2"
        };
        Recommendation years = RuleEngine.recommend(with(audit, "retention-days", "2555"));
        assertThat(years.product()).isEqualTo(Product.MSK);
        Check tiered = check(years, "tiered-storage");
        assertThat(tiered.status()).isEqualTo(Status.WARN);
        assertThat(tiered.fix()).contains("remote.storage.enable=true", "local.retention.ms");
        assertThat(years.facts()).contains("kafka.tiered-storage");
        Recommendation days = RuleEngine.recommend(with(audit, "retention-days", "7", "ops-appetite", "high"));
        assertThat(days.product()).isIn(Product.MSK, Product.KAFKA, Product.KINESIS);
        assertThat(ids(days)).doesNotContain("tiered-storage");
    }

    @Test
    void shouldHandOverEveryReviewedDesignWhenItsRecordIsRead() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/review"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(14);
        for (Path f : files) {
            Answers a = AnswersReader.read(f);
            Recommendation r = RuleEngine.recommend(a);
            assertThat(r.feasibility().feasible() || r.wayOut() != null)
                    .as("%s: feasible, or a way out named", f)
                    .isTrue();
            assertThat(r.feasibility().checks())
                    .as("%s: every failing or warning check names its way past", f)
                    .filteredOn(c -> c.status() != Status.OK)
                    .allSatisfy(c -> assertThat(c.fix()).isNotBlank());
        }
    }

    private static Answers with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return TestAnswers.with(all);
    }

    private static List<String> ids(Recommendation r) {
        return r.feasibility().checks().stream().map(Check::id).toList();
    }

    private static Check check(Recommendation r, String id) {
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Setting setting(Recommendation r, String name) {
        return r.settings().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
