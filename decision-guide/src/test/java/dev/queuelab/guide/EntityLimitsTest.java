package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import org.junit.jupiter.api.Test;

/**
 * Limits of one topic, queue or event hub that no setting raises: a broadcast past them is infeasible as answered,
 * and the record names the nearest design (more topics, a higher tier, a claim check).
 */
class EntityLimitsTest {

    private static Check check(Recommendation r, String id) {
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no check " + id + " in " + r.feasibility().checks()));
    }

    private static Recommendation azureBroadcast(String subscribers, String retentionDays) {
        return RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "subscribers",
                subscribers,
                "platform",
                "azure",
                "throughput-per-second",
                "20",
                "payload-kb",
                "2",
                "retention-days",
                retentionDays));
    }

    @Test
    void shouldMeasureAPayloadAgainstTheDefaultLimitUnlessItNeedsTheRaisedOne() {
        // 12 KiB on Service Bus is 4.69% of its 256 KB, not the 0.01% of the 100 MiB Premium can be raised to
        Recommendation small = RuleEngine.asked(TestAnswers.with("platform", "azure", "payload-kb", "12"));
        assertThat(small.product()).isEqualTo(Product.SERVICE_BUS);
        assertThat(check(small, "payload-limit").detail()).contains("256 KiB").endsWith("; 4.69% used");
        // 512 KiB needs the raised limit (Premium's MaxMessageSizeInKilobytes): measured against 100 MiB
        Recommendation large = RuleEngine.asked(TestAnswers.with("platform", "azure", "payload-kb", "512"));
        assertThat(check(large, "payload-limit").detail()).endsWith("; 0.5% used");
    }

    @Test
    void shouldBeInfeasibleWhenAServiceBusTopicNeedsMoreThanItsSubscriptions() {
        Recommendation crowded = azureBroadcast("3000", "1");
        assertThat(crowded.product()).isEqualTo(Product.SERVICE_BUS);
        assertThat(check(crowded, "topic-subscriptions").status())
                .as("3,000 subscriptions against the 2,000 a Service Bus topic takes")
                .isEqualTo(Status.FAIL);
        assertThat(crowded.feasibility().nearest()).anyMatch(n -> n.contains("several topics"));
        assertThat(check(crowded, "topic-subscriptions").detail()).startsWith("3,000 subscriptions");
        assertThat(check(azureBroadcast("2000", "1"), "topic-subscriptions").status())
                .as("2,000 subscriptions is the limit itself")
                .isEqualTo(Status.OK);
    }

    @Test
    void shouldBeInfeasibleWhenAServiceBusEntityCannotHoldTheRetention() {
        Recommendation month = azureBroadcast("5", "30");
        assertThat(check(month, "entity-size").status())
                .as("30 days at 40 KiB/s is about 106 GB, past Premium's 80 GB per entity")
                .isEqualTo(Status.FAIL);
        assertThat(month.feasibility().nearest()).anyMatch(n -> n.contains("claim check"));
        assertThat(check(azureBroadcast("5", "1"), "entity-size").status())
                .as("one day at 40 KiB/s is about 3.5 GB, inside Standard's 5 GB")
                .isEqualTo(Status.OK);
        assertThat(check(azureBroadcast("5", "10"), "entity-size").status())
                .as("10 days (35 GB) needs Premium's 80 GB, a setting")
                .isEqualTo(Status.WARN);
    }

    @Test
    void shouldBeInfeasibleWhenAnSnsFifoTopicNeedsMoreThanItsSubscriptions() {
        Recommendation many = RuleEngine.asked(
                TestAnswers.with("shape", "broadcast", "ordering", "per-key", "subscribers", "200", "platform", "aws"));
        assertThat(many.product()).isEqualTo(Product.SNS_FIFO_SQS_FIFO);
        assertThat(check(many, "topic-subscriptions").status())
                .as("an SNS FIFO topic takes 100 subscriptions")
                .isEqualTo(Status.FAIL);
        assertThat(many.feasibility().nearest()).anyMatch(n -> n.contains("two or more FIFO topics"));
        Recommendation few = RuleEngine.asked(
                TestAnswers.with("shape", "broadcast", "ordering", "per-key", "subscribers", "100", "platform", "aws"));
        assertThat(check(few, "topic-subscriptions").status()).isEqualTo(Status.OK);
        Recommendation standard =
                RuleEngine.asked(TestAnswers.with("shape", "broadcast", "subscribers", "200", "platform", "aws"));
        assertThat(standard.feasibility().checks())
                .as("a standard SNS topic takes millions of subscriptions: no FIFO limit applies")
                .noneMatch(c -> c.id().equals("topic-subscriptions"));
    }

    @Test
    void shouldBeInfeasibleOnStandardWhenAnEventHubNeedsMoreConsumerGroupsThanItTakes() {
        Recommendation thirty = RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "replay",
                "true",
                "subscribers",
                "30",
                "platform",
                "azure",
                "throughput-per-second",
                "1000",
                "payload-kb",
                "0.2",
                "retention-days",
                "3"));
        assertThat(thirty.product()).isEqualTo(Product.EVENT_HUBS);
        assertThat(check(thirty, "consumer-groups").status())
                .as("30 readers against the 20 consumer groups of a standard event hub")
                .isEqualTo(Status.FAIL);
        assertThat(thirty.feasibility().nearest()).anyMatch(n -> n.contains("premium"));
        Recommendation twenty = RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "replay",
                "true",
                "subscribers",
                "20",
                "platform",
                "azure",
                "throughput-per-second",
                "1000",
                "payload-kb",
                "0.2",
                "retention-days",
                "3"));
        assertThat(check(twenty, "consumer-groups").status()).isEqualTo(Status.OK);
    }
}
