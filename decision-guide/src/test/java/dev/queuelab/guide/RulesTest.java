package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule, one by one: answers that fire it, and answers as close as possible that must not. A rule whose
 * predicate always (or never) held would fail one of its two rows.
 */
class RulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                row(Rules.NO_QUEUE_WHEN_SYNC, TestAnswers.with("sync", "sync"), TestAnswers.with()),
                row(
                        Rules.REPLAY_NEEDS_A_LOG,
                        TestAnswers.with("replay", "true", "retention-days", "7"),
                        TestAnswers.with()),
                row(
                        Rules.BROADCAST_NEEDS_FANOUT,
                        TestAnswers.with("shape", "broadcast", "subscribers", "3"),
                        TestAnswers.with()),
                row(
                        Rules.EPHEMERAL_WHEN_LOSS_IS_FINE,
                        TestAnswers.with("shape", "broadcast", "semantic", "at-most-once"),
                        TestAnswers.with("shape", "broadcast")),
                row(
                        Rules.DISTRIBUTE_WITH_A_WORK_QUEUE,
                        TestAnswers.with("platform", "aws"),
                        TestAnswers.with("sync", "sync")),
                row(
                        Rules.SMALL_WORK_IN_APP,
                        TestAnswers.with("throughput-per-second", "5", "platform", "self-hosted"),
                        TestAnswers.with("throughput-per-second", "5", "platform", "aws")),
                row(
                        Rules.PER_KEY_ORDER_BY_PARTITION,
                        TestAnswers.with("ordering", "per-key"),
                        TestAnswers.with("ordering", "global")),
                row(
                        Rules.GLOBAL_ORDER_IS_ONE_LANE,
                        TestAnswers.with("ordering", "global"),
                        TestAnswers.with("ordering", "per-key")),
                row(
                        Rules.AT_LEAST_ONCE_WITH_IDEMPOTENCY,
                        TestAnswers.with(),
                        TestAnswers.with("semantic", "at-most-once")),
                row(
                        Rules.EXACTLY_ONCE_IS_IDEMPOTENCY,
                        TestAnswers.with("semantic", "exactly-once", "side-effects", "external"),
                        TestAnswers.with(
                                "semantic",
                                "exactly-once",
                                "replay",
                                "true",
                                "platform",
                                "self-hosted",
                                "ops-appetite",
                                "high",
                                "throughput-per-second",
                                "5000")),
                row(
                        Rules.EXACTLY_ONCE_IN_THE_LOG,
                        TestAnswers.with(
                                "semantic",
                                "exactly-once",
                                "replay",
                                "true",
                                "platform",
                                "self-hosted",
                                "ops-appetite",
                                "high",
                                "throughput-per-second",
                                "5000"),
                        TestAnswers.with("semantic", "exactly-once", "replay", "true", "platform", "aws")),
                row(
                        Rules.AT_MOST_ONCE_ACKS_FIRST,
                        TestAnswers.with("semantic", "at-most-once"),
                        // Redis pub/sub has no acknowledgement to give first
                        TestAnswers.with("semantic", "at-most-once", "shape", "broadcast")),
                row(
                        Rules.RESIST_KAFKA_WHEN_SMALL,
                        TestAnswers.with("replay", "true", "throughput-per-second", "100"),
                        TestAnswers.with("replay", "true", "throughput-per-second", "5000")),
                row(
                        Rules.RESIST_KAFKA_WHEN_OPS_IS_LOW,
                        TestAnswers.with("replay", "true", "platform", "self-hosted", "throughput-per-second", "20000"),
                        TestAnswers.with(
                                "replay",
                                "true",
                                "platform",
                                "self-hosted",
                                "throughput-per-second",
                                "20000",
                                "ops-appetite",
                                "high")),
                row(Rules.VISIBILITY_FROM_WORST_CASE, TestAnswers.with(), TestAnswers.with("sync", "sync")),
                row(
                        Rules.THREE_TO_FIVE_RECEIVES,
                        TestAnswers.with("failure.max-attempts", "10"),
                        TestAnswers.with("semantic", "at-most-once")),
                row(Rules.ALARM_ON_DLQ_AND_AGE, TestAnswers.with(), TestAnswers.with("sync", "sync")),
                row(
                        Rules.DEDUP_KEYS_EXPIRE,
                        TestAnswers.with("retention-days", "30"),
                        TestAnswers.with("semantic", "at-most-once")),
                row(Rules.OUTBOX_FOR_DUAL_WRITES, TestAnswers.with("producer", "db-then-publish"), TestAnswers.with()),
                row(
                        Rules.IDEMPOTENCY_KEY_FOR_RETRIED_CALLS,
                        TestAnswers.with("sync", "sync", "side-effects", "external"),
                        TestAnswers.with("sync", "sync", "side-effects", "external", "failure.max-attempts", "1")),
                row(
                        Rules.DEAD_LETTER_BREAKS_ORDER,
                        TestAnswers.with("ordering", "per-key"),
                        TestAnswers.with("ordering", "per-key", "semantic", "at-most-once")),
                row(
                        Rules.CLAIM_CHECK_FOR_LARGE_PAYLOADS,
                        TestAnswers.with("payload-kb", "2048", "platform", "aws"),
                        TestAnswers.with("payload-kb", "1000", "platform", "aws")));
    }

    private static Arguments row(Rules.Rule rule, Answers fires, Answers mustNot) {
        return Arguments.of(rule, fires, mustNot);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void shouldFireTheRuleOnlyWhenItsAnswersAreGiven(Rules.Rule rule, Answers fires, Answers mustNot) {
        assertThat(RuleEngine.recommend(fires).rules())
                .as("%s fires for %s", rule, fires)
                .contains(rule);
        assertThat(RuleEngine.recommend(mustNot).rules())
                .as("%s must not fire for %s", rule, mustNot)
                .doesNotContain(rule);
        assertThat(rule.source()).as("every rule names its source").isNotBlank();
    }

    @Test
    void shouldHaveARowForEveryRuleWhenTheTableIsComplete() {
        List<Rules.Rule> covered = rules().map(a -> (Rules.Rule) a.get()[0]).toList();
        assertThat(covered)
                .as("a rule without a row has no proof that it can stay silent")
                .containsExactlyInAnyOrderElementsOf(Rules.ALL);
    }

    @Test
    void shouldKeepLeaseAndDeliveriesInsideTheProductWhenConsumersAreServicesOrFunctions() {
        Recommendation service = RuleEngine.recommend(TestAnswers.with(
                "failure.max-processing-seconds", "40", "failure.max-attempts", "10", "platform", "aws"));
        assertThat(service.failure().leaseSeconds()).as("40 s worst case x 1.5").isEqualTo(60);
        assertThat(service.failure().maxDeliveries())
                .as("the 10 attempts asked, inside SQS's 1 to 1,000")
                .isEqualTo(10);
        Recommendation function = RuleEngine.recommend(TestAnswers.with(
                "failure.max-processing-seconds", "40", "consumer-runtime", "function", "platform", "aws"));
        assertThat(function.failure().leaseSeconds())
                .as("6x the function timeout")
                .isEqualTo(240);
        assertThat(function.failure().maxDeliveries())
                .as("AWS advises at least 5 receives under Lambda")
                .isEqualTo(5);
        Recommendation pubsub =
                RuleEngine.recommend(TestAnswers.with("failure.max-processing-seconds", "900", "platform", "gcp"));
        assertThat(pubsub.failure().leaseSeconds())
                .as("900 s of work holds a heartbeat's 300 s ack deadline, renewed while it runs (at most 600 s)")
                .isEqualTo(300);
        assertThat(pubsub.failure().maxDeliveries())
                .as("Pub/Sub's max delivery attempts are at least 5")
                .isEqualTo(5);
        assertThat(pubsub.settings())
                .extracting(Recommendation.Setting::name)
                .contains("ack deadline")
                .doesNotContain("visibility timeout", "maxReceiveCount (redrive policy)");
        Recommendation bus =
                RuleEngine.recommend(TestAnswers.with("failure.max-processing-seconds", "900", "platform", "azure"));
        assertThat(bus.failure().leaseSeconds())
                .as("Service Bus locks last at most 5 minutes")
                .isEqualTo(300);
        assertThat(bus.feasibility().checks())
                .filteredOn(c -> c.id().equals("lease-limit"))
                .extracting(Feasibility.Check::status)
                .containsExactly(Feasibility.Status.WARN);
        assertThat(RuleEngine.recommend(TestAnswers.with("retention-days", "30"))
                        .idempotency()
                        .ttlHours())
                .as("dedupe keys outlive the 30-day replay window")
                .isEqualTo(720);
    }

    @Test
    void shouldWeighKafkaButRunALighterOrManagedLogWhenTheAppetiteForOperationsIsLow() {
        // the reviewer's file 16: 20,000 msg/s self-hosted with a low appetite for operations got a Kafka cluster
        Recommendation selfHosted = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "ordering", "per-key", "platform", "self-hosted", "throughput-per-second", "20000"));
        assertThat(selfHosted.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(selfHosted.alternatives())
                .as("Kafka is weighed, not dropped")
                .contains(Product.KAFKA);
        Recommendation gcp = RuleEngine.recommend(
                TestAnswers.with("replay", "true", "platform", "gcp", "throughput-per-second", "20000"));
        assertThat(gcp.product()).as("Google's managed log").isEqualTo(Product.PUBSUB);
        Recommendation ordered = RuleEngine.recommend(
                TestAnswers.with("ordering", "per-key", "platform", "self-hosted", "throughput-per-second", "20000"));
        assertThat(ordered.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(ordered.topology()).isEqualTo(Topology.PARTITIONED_LOG);
        Recommendation team = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "throughput-per-second", "20000", "ops-appetite", "high"));
        assertThat(team.product())
                .as("a team that runs brokers still gets Kafka")
                .isEqualTo(Product.KAFKA);
    }
}
