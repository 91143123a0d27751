package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules decide the topology: one deciding rule holds on any answers, its effect is the topology the record is
 * built on, and it is listed only where that decision stands (the product did not reshape it into a log).
 */
class RuleEngineTest {

    @Test
    void shouldTakeTheTopologyFromTheOneDecidingRuleWhenAnswersVary() {
        assertDecides(TestAnswers.with("sync", "sync"), Rules.NO_QUEUE_WHEN_SYNC, Topology.NONE, 1);
        assertDecides(
                TestAnswers.with("replay", "true", "retention-days", "7"),
                Rules.REPLAY_NEEDS_A_LOG,
                Topology.PARTITIONED_LOG,
                3);
        assertDecides(
                TestAnswers.with("shape", "broadcast", "subscribers", "3"),
                Rules.BROADCAST_NEEDS_FANOUT,
                Topology.PUB_SUB_FANOUT,
                5);
        assertDecides(
                TestAnswers.with("shape", "broadcast", "semantic", "at-most-once"),
                Rules.EPHEMERAL_WHEN_LOSS_IS_FINE,
                Topology.EPHEMERAL_PUB_SUB,
                5);
        assertDecides(
                TestAnswers.with("throughput-per-second", "5", "platform", "self-hosted"),
                Rules.SMALL_WORK_IN_APP,
                Topology.IN_APP_JOB_QUEUE,
                4);
        assertDecides(TestAnswers.with("platform", "aws"), Rules.DISTRIBUTE_WITH_A_WORK_QUEUE, Topology.WORK_QUEUE, 4);
        assertDecides(
                TestAnswers.with("platform", "aws", "ordering", "per-key"),
                Rules.DISTRIBUTE_WITH_A_WORK_QUEUE,
                Topology.FIFO_WORK_QUEUE,
                4);
    }

    @Test
    void shouldBuildOrderOnALogAndListNoWorkQueueWhenTheProductIsKafka() {
        Answers kafka = TestAnswers.with(
                "platform",
                "self-hosted",
                "ordering",
                "per-key",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000");
        assertThat(Rules.deciding(kafka)).isEqualTo(Rules.DISTRIBUTE_WITH_A_WORK_QUEUE);
        Recommendation r = RuleEngine.recommend(kafka);
        assertThat(r.product().partitioned()).isTrue();
        assertThat(r.topology()).isEqualTo(Topology.PARTITIONED_LOG);
        assertThat(r.rules()).doesNotContain(Rules.DISTRIBUTE_WITH_A_WORK_QUEUE);
        assertThat(r.path()).contains("product: " + r.product().brand() + ", a log");
        // the same order on SQS FIFO is not reshaped, and the deciding rule is listed
        Recommendation sqs = RuleEngine.recommend(TestAnswers.with("platform", "aws", "ordering", "per-key"));
        assertThat(sqs.topology()).isEqualTo(Topology.FIFO_WORK_QUEUE);
        assertThat(sqs.rules()).contains(Rules.DISTRIBUTE_WITH_A_WORK_QUEUE);
    }

    @Test
    void shouldGiveEachProductOneFamilyOfRulesWhenAskedForIt() {
        for (Product p : Product.values()) {
            assertThat(ProductRules.of(p)).as(p.name()).isNotNull();
            assertThat(ProductRules.of(p).home(p)).isIn("aws", "gcp", "azure", "self-run");
        }
        assertThat(ProductRules.of(Product.MSK).home(Product.MSK)).isEqualTo("aws");
        assertThat(ProductRules.of(Product.KAFKA).home(Product.KAFKA)).isEqualTo("self-run");
    }

    private static void assertDecides(Answers a, Rules.Rule rule, Topology topology, int questions) {
        assertThat(Rules.deciding(a)).isEqualTo(rule);
        List<String> path = new ArrayList<>();
        assertThat(RuleEngine.topology(a, path)).isEqualTo(topology);
        assertThat(path).hasSize(questions);
    }
}
