package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The month's figures come from the priced facts, only for the products that have them. */
class CostModelTest {

    @Test
    void shouldPriceSqsRequestsPer64KbChunkWhenTheQueueIsStandardOrFifo() {
        Answers standard = TestAnswers.with("platform", "aws", "throughput-per-second", "100", "payload-kb", "100");
        // 100 msg/s for 30 days = 259,200,000 messages x 3 requests x 2 chunks of 64 KB x $0.40 a million
        assertThat(CostModel.monthly(RuleEngine.recommend(standard), standard))
                .contains("259,200,000 messages x 3 requests", "x 2 64 KB chunk(s) = 1,555,200,000 requests")
                .contains("$0.40 per million = about $622 a month");
        Answers fifo = TestAnswers.with("platform", "aws", "ordering", "per-key", "throughput-per-second", "100");
        assertThat(CostModel.monthly(RuleEngine.recommend(fifo), fifo))
                .contains("x 1 64 KB chunk(s) = 777,600,000 requests x $0.50 per million = about $389 a month");
    }

    @Test
    void shouldSayTheFirstTiersRateIsAnUpperBoundWhenAMonthPassesItsRequests() {
        // 33,334 msg/s for 30 days is 259 billion requests: past the 100 billion that $0.40 a million covers
        Answers burst = TestAnswers.with("platform", "aws", "throughput-per-second", "33334", "payload-kb", "3");
        assertThat(CostModel.monthly(RuleEngine.recommend(burst), burst))
                .contains("259,205,184,000 requests x $0.40 per million")
                .contains("at the first tier's rate, which holds up to 100,000,000,000 requests a month");
        // 1,500 msg/s is 11.7 billion requests: all at the first tier's rate, and no such clause
        Answers campaign = TestAnswers.with("platform", "aws", "throughput-per-second", "1500");
        assertThat(CostModel.monthly(RuleEngine.recommend(campaign), campaign))
                .contains("11,664,000,000 requests")
                .doesNotContain("first tier");
    }

    @Test
    void shouldPricePubSubPerTibWithTheBilledMinimumWhenMessagesAreSmall() {
        Answers gcp = TestAnswers.with(
                "platform",
                "gcp",
                "shape",
                "broadcast",
                "subscribers",
                "3",
                "throughput-per-second",
                "1000",
                "payload-kb",
                "0.2");
        // 2,592,000,000 messages x 1,000 bytes (the billed minimum) x (1 publish + 3 deliveries) = 9.43 TiB x $40
        assertThat(CostModel.monthly(RuleEngine.recommend(gcp), gcp))
                .contains("x 1,000 bytes billed each", "delivered to 3 subscription(s) = 9.43 TiB x $40 = about $377");
    }

    @Test
    void shouldGiveNoFigureWhenTheProductHasNoPricedFact() {
        Answers kafka = TestAnswers.with("platform", "self-hosted", "replay", "true", "throughput-per-second", "5000");
        assertThat(CostModel.monthly(RuleEngine.recommend(kafka), kafka)).isEmpty();
    }
}
