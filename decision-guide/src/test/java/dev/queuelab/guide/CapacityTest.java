package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ceilings of every product: a rate past them fails with the ceiling named; a modest one passes. */
class CapacityTest {

    private static final double KIB = 1024;

    private static List<Check> checks(Product p, double rate, int partitions) {
        Situation s = new Situation(TestAnswers.with("platform", "any"), Topology.WORK_QUEUE, p);
        double bytes = rate * KIB;
        Capacity.Load load = new Capacity.Load(rate, bytes, 3, rate * 0.1, partitions, bytes * 86_400 * 3, 3, null);
        return Capacity.checks(s, load, new LinkedHashSet<>());
    }

    @Test
    void shouldSizeAnMskClusterAgainstAKraftClustersSixtyBrokersAndSayItsMetadataMode() {
        // seven years of a 400 msg/s audit log is 493 TiB: 39 brokers of 16 TiB, past ZooKeeper mode's 30 brokers
        // but within the 60 of a KRaft cluster (msk.broker-limits), which the record then names as its mode
        Answers audit = TestAnswers.with(
                "shape",
                "broadcast",
                "subscribers",
                "2",
                "replay",
                "true",
                "ordering",
                "per-key",
                "platform",
                "aws",
                "throughput-per-second",
                "400",
                "payload-kb",
                "2",
                "p99-processing-seconds",
                "0.1",
                "retention-days",
                "2555");
        Recommendation r = RuleEngine.recommend(audit);
        assertThat(r.product()).isEqualTo(Product.MSK);
        assertThat(r.feasibility().checks())
                .filteredOn(c -> c.id().equals("cluster-size"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.OK))
                .satisfies(c -> assertThat(c.detail()).contains("39 of 60 (msk.broker-limits)"));
        assertThat(r.settings())
                .filteredOn(x -> x.name().equals("metadata mode (cluster)"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .startsWith("KRaft: up to 60 brokers");
        // a cluster the team runs is bounded by the guide's own broker policy, and has no MSK row
        Answers selfRun = TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "100000");
        assertThat(RuleEngine.recommend(selfRun).settings())
                .noneMatch(x -> x.name().startsWith("metadata mode"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Product.class, names = "EVENT_HUBS", mode = EnumSource.Mode.EXCLUDE)
    void shouldFailWithTheCeilingNamedWhenOneHundredMillionMessagesASecondArrive(Product p) {
        List<Check> checks = checks(p, 100_000_000, 128_000);
        assertThat(checks).as("%s states a ceiling", p).isNotEmpty();
        assertThat(checks)
                .filteredOn(c -> c.status() == Status.FAIL)
                .as("%s at 100 M msg/s", p)
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.detail())
                            .containsPattern("\\(([a-z0-9-]+\\.[a-z0-9-]+)\\)")
                            .contains("% used");
                    assertThat(c.fix()).isNotBlank();
                });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Product.class, names = "EVENT_HUBS", mode = EnumSource.Mode.EXCLUDE)
    void shouldPassEveryCeilingWhenAHundredMessagesASecondArrive(Product p) {
        assertThat(checks(p, 100, 2))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).as(c.detail()).isEqualTo(Status.OK));
    }

    @Test
    void shouldBeInfeasibleOnEventHubsWhenOneHundredMillionMessagesASecondArrive() {
        Recommendation r = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "azure", "throughput-per-second", "100000000", "payload-kb", "1"));
        assertThat(r.product()).isEqualTo(Product.EVENT_HUBS);
        assertThat(r.feasibility().checks())
                .filteredOn(c -> c.id().equals("throughput-units"))
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void shouldFailWithoutHeadroomWhenAQuotaIsUsedPastFourFifths() {
        // 100,000 messages in flight are 83% of SQS's 120,000: inside the quota, but not with 1.25x headroom
        Situation s = new Situation(TestAnswers.with("platform", "aws"), Topology.WORK_QUEUE, Product.SQS_STANDARD);
        List<Check> tight = Capacity.checks(
                s, new Capacity.Load(100_000, 1e8, 1, 100_000, null, 0, 1, null), new LinkedHashSet<>());
        assertThat(tight)
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.FAIL))
                .satisfies(c -> assertThat(c.detail()).contains("83% used", "without headroom"));
        List<Check> roomy =
                Capacity.checks(s, new Capacity.Load(90_000, 1e8, 1, 90_000, null, 0, 1, null), new LinkedHashSet<>());
        assertThat(roomy).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Status.OK));
    }

    @Test
    void shouldGiveALaggingKinesisReaderTwiceTheWriteRateWhenReadersShareAShard() {
        Recommendation two = RuleEngine.recommend(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "shape",
                "broadcast",
                "subscribers",
                "2",
                "throughput-per-second",
                "1200",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.01"));
        assertThat(two.product()).isEqualTo(Product.KINESIS);
        // 1,200 KiB/s x 1.25 on 1 MB/s shards: 2 shards (also the two instances of failover) at 77% of their writes;
        // two readers at 2x catch-up read 2.5 MB/s of a shard, past its shared 2 MB/s: each gets enhanced fan-out
        assertThat(two.settings()).anyMatch(x -> x.name().startsWith("enhanced fan-out"));
    }

    @Test
    void shouldWriteTheRecordForTheNearestDesignThatPassesWhenTheFirstCannotKeepTwoYears() {
        Answers twoYears = TestAnswers.with(
                "replay", "true", "platform", "aws", "retention-days", "730", "throughput-per-second", "500");
        Recommendation r = RuleEngine.recommend(twoYears);
        assertThat(r.product())
                .as("Kinesis keeps 365 days; MSK keeps what its disks hold")
                .isEqualTo(Product.MSK);
        assertThat(r.feasibility().feasible()).isTrue();
        assertThat(r.rejected())
                .singleElement()
                .satisfies(x -> assertThat(x.product()).isEqualTo(Product.KINESIS))
                .satisfies(x -> assertThat(x.failed()).extracting(Check::id).containsExactly("retention-limit"));
        assertThat(Documents.markdown(twoYears, r, java.time.LocalDate.of(2026, 12, 5)))
                .contains("written for the nearest design that passes", "`retention-limit`: keeping messages 730 days");
        Recommendation oneYear = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "aws", "retention-days", "365", "throughput-per-second", "500"));
        assertThat(oneYear.product()).isEqualTo(Product.KINESIS);
        assertThat(oneYear.rejected()).isEmpty();
        // nothing passes at 100 M msg/s: the first design stays, with every alternative tried listed
        Recommendation flood = RuleEngine.recommend(
                TestAnswers.with("replay", "true", "platform", "aws", "throughput-per-second", "100000000"));
        assertThat(flood.feasibility().feasible()).isFalse();
        assertThat(flood.product()).isEqualTo(Product.KINESIS);
        assertThat(flood.rejected())
                .extracting(Recommendation.Rejected::product)
                .containsExactly(Product.MSK);
    }

    @Test
    void shouldSayAPushSubscriptionPushesAndAPullSubscriptionPulls() {
        Answers push = TestAnswers.with("platform", "gcp", "consumer-runtime", "function");
        Answers pull = TestAnswers.with("platform", "gcp", "consumer-runtime", "service");
        assertThat(subscribeLine(push))
                .contains("bytes a second pushed in the region")
                .doesNotContain("pulled");
        assertThat(subscribeLine(pull))
                .contains("bytes a second pulled in the region")
                .doesNotContain("pushed");
    }

    private static String subscribeLine(Answers a) {
        Recommendation r = RuleEngine.recommend(a);
        assertThat(r.product()).isEqualTo(Product.PUBSUB);
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals("region-subscribe-throughput"))
                .findFirst()
                .orElseThrow()
                .detail();
    }
}
