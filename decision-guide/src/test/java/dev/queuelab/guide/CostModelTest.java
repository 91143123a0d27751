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
                .contains("259,200,000 messages received x 3 requests", "x 2 64 KB chunks = 1,555,200,000 requests")
                .contains("$0.40 per million = $622 unbatched", "about $622 a month");
        Answers fifo = TestAnswers.with("platform", "aws", "ordering", "per-key", "throughput-per-second", "100");
        assertThat(CostModel.monthly(RuleEngine.recommend(fifo), fifo))
                .contains(
                        "(send, receive, delete) = 777,600,000 requests x $0.50 per million = $389",
                        "about $389 a month");
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
    void shouldPriceEveryProductFromItsPricedFactsWhenTheRecordChoosesIt() {
        // 1,000 msg/s of 1 KiB for 30 days = 2,592,000,000 messages
        String[] base = {"throughput-per-second", "1000", "payload-kb", "1"};
        assertThat(month(Product.SNS_SQS, base, "platform", "aws", "shape", "broadcast", "subscribers", "3"))
                .contains("2,592,000,000 publishes x $0.50 per million = $1,296 (sns.price")
                .contains("3 subscriber queue(s): 7,776,000,000 messages received")
                .contains("about $10,627 a month");
        assertThat(month(Product.KINESIS, base, "platform", "aws", "replay", "true", "ordering", "per-key"))
                .containsPattern("\\d+ shard\\(s\\) x 720 h x \\$0.015 = ")
                .contains("2,592,000,000 PUT payload units (25 KB each) = $36", "(kinesis.price)");
        assertThat(month(Product.EVENT_HUBS, base, "platform", "azure", "replay", "true", "ordering", "per-key"))
                .contains(
                        "throughput unit(s) x 720 h x $0.03",
                        "2,592,000,000 ingress events x $0.028 per million = $73");
        // Standard at 100 msg/s: 777,600,000 operations, 13 million in the base charge, 87 million at $0.80 a
        // million and the rest at $0.50: $9.72 + $69.60 + $338.80 = about $418
        assertThat(month(Product.SERVICE_BUS, base, "platform", "azure", "throughput-per-second", "100"))
                .contains("777,600,000 operations (a send, and a receive and a complete per reader)")
                .contains("about $418 a month (servicebus.price, Standard)");
        // at 1,000 msg/s Standard's 1,000 credits a second are spent: Premium, one unit by the hour
        assertThat(month(Product.SERVICE_BUS, base, "platform", "azure"))
                .contains("1 messaging unit(s) x 720 h x $0.928 = about $668 a month (servicebus.price, Premium)");
        assertThat(month(
                        Product.MSK,
                        base,
                        "platform",
                        "aws",
                        "replay",
                        "true",
                        "ordering",
                        "per-key",
                        "ops-appetite",
                        "high",
                        "throughput-per-second",
                        "20000"))
                .containsPattern("\\d+ brokers \\(kafka.m5.large\\) x 720 h x \\$0.21")
                .contains("GB kept with replicas x $0.10 per GB-month", "(msk.price)");
        assertThat(month(
                        Product.KAFKA,
                        base,
                        "platform",
                        "self-hosted",
                        "replay",
                        "true",
                        "ordering",
                        "per-key",
                        "ops-appetite",
                        "high",
                        "throughput-per-second",
                        "20000"))
                .contains("brokers (m5.large on EC2)", "(ec2.price)", "as a yardstick for machines you run");
        assertThat(month(Product.RABBITMQ_QUORUM, base, "platform", "self-hosted"))
                .contains("3 nodes (mq.m5.large, an Amazon MQ cluster) x 720 h x $0.288 = $622", "(amazonmq.price)");
        assertThat(month(
                        Product.REDIS_PUBSUB,
                        base,
                        "platform",
                        "self-hosted",
                        "shape",
                        "broadcast",
                        "semantic",
                        "at-most-once",
                        "retention-days",
                        "0"))
                .contains("2 nodes (cache.m6g.large on ElastiCache", "x 720 h x $0.149 = $215", "(elasticache.price)");
    }

    /** The month's figure of the record these answers get, which must be built on {@code expected}. */
    private static String month(Product expected, String[] base, String... keyValues) {
        String[] all = java.util.Arrays.copyOf(base, base.length + keyValues.length);
        System.arraycopy(keyValues, 0, all, base.length, keyValues.length);
        Answers a = TestAnswers.with(all);
        Recommendation r = RuleEngine.recommend(a);
        assertThat(r.product()).as("the product these answers get").isEqualTo(expected);
        assertThat(r.facts()).containsAll(MonthlyCost.facts(expected));
        return CostModel.monthly(r, a);
    }

    @Test
    void shouldGiveNoFigureWhenTheProductAddsNoBillOfItsOwn() {
        Answers table = TestAnswers.with("platform", "self-hosted", "throughput-per-second", "5");
        assertThat(RuleEngine.recommend(table).product()).isEqualTo(Product.JOBS_TABLE);
        assertThat(CostModel.monthly(RuleEngine.recommend(table), table)).isEmpty();
        Answers call = TestAnswers.with("sync", "sync");
        assertThat(CostModel.monthly(RuleEngine.recommend(call), call)).isEmpty();
    }
}
