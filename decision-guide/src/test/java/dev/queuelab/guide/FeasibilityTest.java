package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic behind the verdict, one requirement at a time: each check fails where the product or the
 * physics cannot meet the answer, and passes on the nearest answer that can.
 */
class FeasibilityTest {

    private static Status status(Recommendation r, String check) {
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals(check))
                .map(Check::status)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no check " + check + " in " + r.feasibility().checks()));
    }

    @Test
    void shouldBeInfeasibleWhenOneLaneCannotCarryAGlobalOrder() {
        Recommendation fast = RuleEngine.asked(TestAnswers.with(
                "ordering",
                "global",
                "throughput-per-second",
                "100000",
                "p99-processing-seconds",
                "1",
                "platform",
                "aws"));
        assertThat(fast.feasibility().verdict()).isEqualTo(Feasibility.Verdict.INFEASIBLE);
        assertThat(fast.feasibility().nearest())
                .singleElement()
                .asString()
                .contains("order per key")
                .as("100,000 msg/s x 1.25 headroom / 10 msg a receive per (10 x 1 s + a 0.02 s round trip)")
                .contains("125,250 keys");
        Recommendation modest = RuleEngine.asked(
                TestAnswers.with("ordering", "global", "throughput-per-second", "200", "p99-processing-seconds", "1"));
        assertThat(status(modest, "global-order-capacity"))
                .as("200 msg/s on a lane of 1 msg/s: no fixed threshold")
                .isEqualTo(Status.FAIL);
        Recommendation slow = RuleEngine.asked(
                TestAnswers.with("ordering", "global", "throughput-per-second", "5", "p99-processing-seconds", "0.1"));
        assertThat(slow.feasibility().feasible())
                .as("5 msg/s at 0.1 s each fits one lane")
                .isTrue();
    }

    @Test
    void shouldBeInfeasibleWhenALambdaJobOutlastsTheFunctionLimit() {
        Recommendation r = RuleEngine.asked(TestAnswers.with(
                "consumer-runtime", "function", "platform", "aws", "failure.max-processing-seconds", "1200"));
        assertThat(status(r, "consumer-runtime-limit")).isEqualTo(Status.FAIL);
        assertThat(r.failure().leaseSeconds())
                .as("6 x the 900 s function limit, inside SQS's 12 h")
                .isEqualTo(5400);
        Recommendation fits = RuleEngine.asked(TestAnswers.with(
                "consumer-runtime", "function", "platform", "aws", "failure.max-processing-seconds", "600"));
        assertThat(status(fits, "consumer-runtime-limit")).isEqualTo(Status.OK);
    }

    @Test
    void shouldCheckThePayloadAgainstTheChosenProductWhenItIsNotSqs() {
        Recommendation sns = RuleEngine.asked(
                TestAnswers.with("shape", "broadcast", "subscribers", "3", "platform", "aws", "payload-kb", "512"));
        assertThat(sns.product()).isEqualTo(Product.SNS_SQS);
        assertThat(sns.settings()).extracting(Recommendation.Setting::name).contains("MaximumMessageSize");
        assertThat(status(sns, "sns-large-message-subscriptions")).isEqualTo(Status.OK);
        Recommendation crowded = RuleEngine.asked(
                TestAnswers.with("shape", "broadcast", "subscribers", "150", "platform", "aws", "payload-kb", "512"));
        assertThat(status(crowded, "sns-large-message-subscriptions"))
                .as("a raised topic allows 100 subscriptions")
                .isEqualTo(Status.FAIL);
        Recommendation bus = RuleEngine.asked(TestAnswers.with("platform", "azure", "payload-kb", "300"));
        assertThat(status(bus, "payload-limit"))
                .as("Service Bus premium takes up to 100 MB")
                .isEqualTo(Status.OK);
        assertThat(bus.settings())
                .filteredOn(x -> x.name().startsWith("Premium tier"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .isEqualTo(1024.0);
        Recommendation huge = RuleEngine.asked(TestAnswers.with("platform", "azure", "payload-kb", "204800"));
        assertThat(status(huge, "payload-limit"))
                .as("200 MiB is past premium's 100 MB")
                .isEqualTo(Status.FAIL);
        // 100 messages a second of 200 MiB are also 20 GB/s, past any namespace's messaging units
        assertThat(huge.feasibility().nearest()).anyMatch(fix -> fix.contains("claim check"));
        assertThat(huge.rules()).contains(Rules.CLAIM_CHECK_FOR_LARGE_PAYLOADS);
        Recommendation sqs = RuleEngine.asked(TestAnswers.with("platform", "aws", "payload-kb", "512"));
        assertThat(status(sqs, "payload-limit")).as("SQS takes 1 MiB").isEqualTo(Status.OK);
    }

    @Test
    void shouldBoundConsumersByPartitionsAndCountStorageWhenACdcLogIsBusy() {
        Recommendation cdc = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.002",
                "retention-days",
                "7",
                "platform",
                "aws"));
        assertThat(cdc.product()).isEqualTo(Product.KINESIS);
        assertThat(cdc.sizing().consumers()).isLessThanOrEqualTo(cdc.sizing().partitions());
        assertThat(cdc.sizing().partitions())
                .as("300,000 x 1 KiB/s x 1.25 headroom needs 384 shards at 1 MB/s per shard")
                .isEqualTo(384);
        assertThat(cdc.sizing().consumers())
                .as("750 in flight at 100 per consumer instance")
                .isEqualTo(8);
        Recommendation heavy = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "4",
                "p99-processing-seconds",
                "0.001",
                "platform",
                "aws"));
        assertThat(heavy.sizing().partitions())
                .as("300,000 x 4 KiB/s = 1.23 GB/s x 1.25 headroom at 1 MB/s per shard")
                .isEqualTo(1536);
        Recommendation kafka = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "1",
                "retention-days",
                "7",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high"));
        assertThat(kafka.product()).isEqualTo(Product.KAFKA);
        assertThat(kafka.sizing().formula())
                .as("Kinesis's shard limit is not Kafka's")
                .doesNotContain("kinesis")
                .contains("no per-partition quota");
        Recommendation slowKafka = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "throughput-per-second",
                "300000",
                "p99-processing-seconds",
                "1",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high"));
        assertThat(slowKafka.sizing().partitions())
                .as("375,000 in flight is 3,750 instances, not 375,000 partitions")
                .isEqualTo(3750);
        assertThat(kafka.sizing().storageBytes())
                .as("300 MB/s x 7 days x 3 replicas")
                .isEqualTo(300_000 * 1024.0 * 7 * 86_400 * 3);
    }

    @Test
    void shouldNameWhatExactlyOnceCoversWhenTheProductHasNoTransactions() {
        Recommendation kinesis =
                RuleEngine.asked(TestAnswers.with("replay", "true", "semantic", "exactly-once", "platform", "aws"));
        assertThat(kinesis.semantic()).isEqualTo(Answers.Semantic.AT_LEAST_ONCE);
        assertThat(kinesis.exactlyOnce())
                .contains("Amazon Kinesis Data Streams offers")
                .contains("does not cover");
        Recommendation streams = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "semantic",
                "exactly-once",
                "platform",
                "self-hosted",
                "throughput-per-second",
                "100"));
        assertThat(streams.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(streams.semantic()).isEqualTo(Answers.Semantic.AT_LEAST_ONCE);
        Recommendation kafka = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "semantic",
                "exactly-once",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000"));
        assertThat(kafka.semantic()).isEqualTo(Answers.Semantic.EXACTLY_ONCE);
        assertThat(kafka.exactlyOnce()).contains("inside Kafka").contains("does not cover effects outside the log");
    }

    @Test
    void shouldNeverPickKafkaOrListAProductTwiceWhenTheLogIsSmall() {
        Recommendation gcp =
                RuleEngine.asked(TestAnswers.with("replay", "true", "platform", "gcp", "throughput-per-second", "100"));
        assertThat(gcp.rules()).contains(Rules.RESIST_KAFKA_WHEN_SMALL);
        assertThat(gcp.product()).isNotIn(Product.KAFKA, Product.MSK);
        Recommendation aws = RuleEngine.asked(TestAnswers.with("replay", "true", "platform", "aws"));
        assertThat(aws.alternatives()).doesNotContain(aws.product()).doesNotHaveDuplicates();
    }

    @Test
    void shouldRequireAnOutboxAndKeepTheDeadLetterLongerWhenTheProducerWritesADatabase() {
        Recommendation r = RuleEngine.asked(
                TestAnswers.with("producer", "db-then-publish", "platform", "aws", "retention-days", "7"));
        assertThat(r.producerSide()).contains("transactional outbox").contains("change data capture");
        assertThat(status(r, "dead-letter-retention")).isEqualTo(Status.OK);
        Recommendation full = RuleEngine.asked(TestAnswers.with("platform", "aws", "retention-days", "14"));
        assertThat(status(full, "dead-letter-retention"))
                .as("a 14-day source leaves the dead letter no longer")
                .isEqualTo(Status.FAIL);
    }

    @Test
    void shouldFailRetentionWhenTheProductCannotKeepMessagesThatLong() {
        assertThat(status(
                        RuleEngine.asked(TestAnswers.with("platform", "aws", "retention-days", "30")),
                        "retention-limit"))
                .as("SQS keeps 14 days at most")
                .isEqualTo(Status.FAIL);
        assertThat(status(
                        RuleEngine.asked(TestAnswers.with("platform", "aws", "retention-days", "7")),
                        "retention-limit"))
                .isEqualTo(Status.OK);
        Recommendation hub =
                RuleEngine.asked(TestAnswers.with("replay", "true", "platform", "azure", "retention-days", "30"));
        assertThat(status(hub, "retention-limit"))
                .as("Event Hubs standard keeps 7 days")
                .isEqualTo(Status.FAIL);
        assertThat(hub.feasibility().nearest())
                .singleElement()
                .asString()
                .as("the ways out named, on the answers' platform")
                .contains("Event Hubs Capture", "event store");
        assertThat(status(
                        RuleEngine.asked(TestAnswers.with("replay", "true", "platform", "aws", "retention-days", "30")),
                        "retention-limit"))
                .as("Kinesis keeps up to 365 days")
                .isEqualTo(Status.OK);
    }

    @Test
    void shouldSizeEachPartitionForItsInFlightRecordsWhenAnOrderedLogIsBusy() {
        // the reviewer's file 16: Kafka, 20,000 msg/s at 2 ms, per-key order: one partition read one record at a
        // time carries 500 msg/s, so the record must run a key-parallel consumer and say so, or add partitions
        Recommendation kafka = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "throughput-per-second",
                "20000",
                "payload-kb",
                "0.2",
                "p99-processing-seconds",
                "0.002",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "retention-days",
                "1"));
        assertThat(kafka.product()).isEqualTo(Product.KAFKA);
        assertThat(kafka.sizing().partitions() * kafka.sizing().inFlightPerPartition() / 0.002)
                .isGreaterThanOrEqualTo(20_000);
        assertThat(kafka.settings())
                .extracting(Recommendation.Setting::value)
                .anyMatch(v -> v.contains("key-parallel consumer"));
        assertThat(status(kafka, "partition-capacity")).isEqualTo(Status.OK);
        assertThat(kafka.ordering()).doesNotContain("one partition per key");
        // Lambda reads a shard with at most ParallelizationFactor (10) batches at once: shards follow from that
        Recommendation lambda = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "0.2",
                "p99-processing-seconds",
                "0.05",
                "platform",
                "aws",
                "consumer-runtime",
                "function"));
        assertThat(lambda.product()).isEqualTo(Product.KINESIS);
        assertThat(lambda.sizing().partitions())
                .as("18,750 in flight at 10 per shard")
                .isEqualTo(1875);
        assertThat(lambda.settings())
                .extracting(Recommendation.Setting::name)
                .contains("ParallelizationFactor (event source mapping)");
        assertThat(status(lambda, "partition-capacity")).isEqualTo(Status.OK);
    }

    @Test
    void shouldBeInfeasibleWhenALambdaQueueConsumerNeedsMoreThanOneEventSourceMappingCarries() {
        // the reviewer's file 20: 2,000 msg/s at 2 s on Lambda needs 5,000 concurrent invocations
        Recommendation busy = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "throughput-per-second",
                "2000",
                "p99-processing-seconds",
                "2",
                "failure.max-processing-seconds",
                "10"));
        assertThat(status(busy, "lambda-concurrency")).isEqualTo(Status.FAIL);
        assertThat(busy.feasibility().nearest()).anyMatch(n -> n.contains("long-running services"));
        assertThat(busy.settings())
                .extracting(Recommendation.Setting::name)
                .contains("function timeout", "FunctionResponseTypes", "MaximumConcurrency (event source mapping)");
        Recommendation calm = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "throughput-per-second",
                "100",
                "p99-processing-seconds",
                "2"));
        assertThat(status(calm, "lambda-concurrency")).isEqualTo(Status.OK);
    }

    @Test
    void shouldRetryInPlaceWhenALogKeepsOrder() {
        // Spring Kafka: with retry topics "you lose Kafka's ordering guarantees for that topic"
        Recommendation ordered = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "platform",
                "self-hosted",
                "throughput-per-second",
                "5000",
                "ops-appetite",
                "high"));
        assertThat(ordered.product()).isEqualTo(Product.KAFKA);
        assertThat(ordered.settings())
                .extracting(Recommendation.Setting::name)
                .noneMatch(n -> n.contains("retries in retry topics"))
                .anyMatch(n -> n.startsWith("blocking retries"));
        Recommendation unordered = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "throughput-per-second", "5000", "ops-appetite", "high"));
        assertThat(unordered.settings())
                .extracting(Recommendation.Setting::name)
                .anyMatch(n -> n.contains("retry topics"));
    }

    @Test
    void shouldRegisterEnhancedFanOutWhenSubscribersShareAShardsReads() {
        // the reviewer's file 18: 6 subscribers of a 300 MB/s stream ask 6 MB/s of each shard's shared 2 MB/s
        Recommendation cdc = RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "subscribers",
                "6",
                "replay",
                "true",
                "ordering",
                "per-key",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.005",
                "platform",
                "aws",
                "retention-days",
                "7",
                "ops-appetite",
                "low"));
        assertThat(cdc.product()).isEqualTo(Product.KINESIS);
        assertThat(cdc.settings())
                .extracting(Recommendation.Setting::name)
                .contains("enhanced fan-out (RegisterStreamConsumer)");
        assertThat(status(cdc, "shard-read-throughput")).isEqualTo(Status.OK);
        Recommendation crowded = RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "subscribers",
                "25",
                "replay",
                "true",
                "throughput-per-second",
                "300000",
                "payload-kb",
                "1",
                "platform",
                "aws",
                "ops-appetite",
                "low"));
        assertThat(status(crowded, "shard-read-throughput"))
                .as("20 enhanced fan-out consumers per stream")
                .isEqualTo(Status.FAIL);
        Recommendation two = RuleEngine.asked(TestAnswers.with(
                "shape",
                "broadcast",
                "subscribers",
                "2",
                "replay",
                "true",
                "throughput-per-second",
                "100",
                "payload-kb",
                "1",
                "platform",
                "aws"));
        assertThat(two.settings())
                .extracting(Recommendation.Setting::name)
                .as("2 readers of 100 KB/s share a shard easily")
                .doesNotContain("enhanced fan-out (RegisterStreamConsumer)");
    }

    @Test
    void shouldPartitionARabbitMqStreamWhenSeveralConsumersShareTheWork() {
        // the reviewer's file 15: every reader of a plain stream reads all of it, so 13 competing readers would each
        // process every message; a super stream's partitions with a single active consumer share the work
        Recommendation streams = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "throughput-per-second",
                "100",
                "p99-processing-seconds",
                "0.1",
                "platform",
                "self-hosted"));
        assertThat(streams.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(streams.sizing().partitions()).isNotNull();
        assertThat(streams.sizing().consumers())
                .isLessThanOrEqualTo(streams.sizing().partitions());
        assertThat(streams.settings()).extracting(Recommendation.Setting::name).contains("single active consumer");
    }

    @Test
    void shouldKeepRabbitMqsConsumerTimeoutAtFiveMinutesOrMoreWhenJobsAreShort() {
        // the reviewer's file 10 got 68 s: RabbitMQ supports no value under a minute and advises five
        Recommendation rabbit = RuleEngine.asked(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "500", "failure.max-processing-seconds", "45"));
        assertThat(rabbit.product()).isEqualTo(Product.RABBITMQ_QUORUM);
        assertThat(rabbit.failure().leaseSeconds()).isEqualTo(300);
        assertThat(rabbit.settings())
                .filteredOn(x -> x.name().startsWith("x-consumer-timeout"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .startsWith("300,000 ms");
        Recommendation longJobs = RuleEngine.asked(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "500", "failure.max-processing-seconds", "600"));
        assertThat(longJobs.failure().leaseSeconds()).as("600 s x 1.5").isEqualTo(900);
    }

    private static String deadLetter(Recommendation r) {
        return r.settings().stream()
                .filter(x -> x.name().equals(r.failure().deadLetter()))
                .map(Recommendation.Setting::value)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldDescribeEachProductsDeadLetterAsItReallyKeepsMessages() {
        Recommendation kinesis =
                RuleEngine.asked(TestAnswers.with("replay", "true", "platform", "aws", "consumer-runtime", "function"));
        assertThat(kinesis.product()).isEqualTo(Product.KINESIS);
        assertThat(deadLetter(kinesis))
                .as("an on-failure destination is SQS, SNS or S3, not the stream")
                .doesNotContain("365 days")
                .contains("S3")
                .contains("14 days");
        Recommendation kafka = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "throughput-per-second", "5000", "ops-appetite", "high"));
        assertThat(deadLetter(kafka)).doesNotContain("until read").contains("retention.ms");
        Recommendation pubsub = RuleEngine.asked(TestAnswers.with("platform", "gcp"));
        assertThat(deadLetter(pubsub)).contains("subscription attached");
        Recommendation fifo =
                RuleEngine.asked(TestAnswers.with("platform", "aws", "ordering", "per-key", "retention-days", "14"));
        assertThat(fifo.product()).isEqualTo(Product.SQS_FIFO);
        assertThat(fifo.feasibility().checks())
                .filteredOn(c -> c.id().equals("dead-letter-retention"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.detail()).contains("new enqueue time").doesNotContain("original enqueue"))
                .extracting(Check::status)
                .isEqualTo(Status.OK);
    }

    @Test
    void shouldDedupeOnAnIdTheProducerSetsWhenTheBrokerIdChangesOnEverySend() {
        for (Recommendation r : List.of(
                RuleEngine.asked(TestAnswers.with("platform", "aws")),
                RuleEngine.asked(TestAnswers.with("platform", "gcp")),
                RuleEngine.asked(TestAnswers.with(
                        "replay",
                        "true",
                        "platform",
                        "self-hosted",
                        "throughput-per-second",
                        "5000",
                        "ops-appetite",
                        "high")))) {
            assertThat(r.idempotency().key())
                    .as(r.product() + ": SQS and Pub/Sub ids are new per send, Kafka has none")
                    .isNotEqualTo("the message id")
                    .contains("the producer sets");
        }
        Recommendation fifo = RuleEngine.asked(TestAnswers.with("platform", "aws", "ordering", "per-key"));
        assertThat(fifo.settings()).extracting(Recommendation.Setting::name).contains("MessageDeduplicationId");
        assertThat(RuleEngine.asked(TestAnswers.with("platform", "aws")).settings())
                .extracting(Recommendation.Setting::name)
                .doesNotContain("MessageDeduplicationId");
    }

    @Test
    void shouldAlarmOnAMetricTheProductHasAndNotOnEveryLongJob() {
        // the reviewer's file 09: 30-minute jobs on Service Bus (lock clamped to 300 s, renewed) got a 600 s age alarm
        Recommendation bus = RuleEngine.asked(TestAnswers.with(
                "platform",
                "azure",
                "throughput-per-second",
                "2",
                "p99-processing-seconds",
                "1200",
                "failure.max-processing-seconds",
                "1800"));
        assertThat(bus.product()).isEqualTo(Product.SERVICE_BUS);
        assertThat(bus.failure().alarms())
                .noneMatch(x -> x.contains("age of the oldest"))
                .anyMatch(x -> x.contains("ActiveMessages") && x.endsWith(" 3,600 s"));
        Recommendation rabbit =
                RuleEngine.asked(TestAnswers.with("platform", "self-hosted", "throughput-per-second", "500"));
        assertThat(rabbit.failure().alarms()).noneMatch(x -> x.contains("age of the oldest"));
    }

    private static String detail(Recommendation r, String check) {
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals(check))
                .map(Check::detail)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no check " + check + " in " + r.feasibility().checks()));
    }

    @Test
    void shouldPrintASlowKeysRateWithDecimalsWhenItIsBelowOneAMessageASecond() {
        // the reviewer's files 02, 22 and 23: a p99 of 500 s printed "one key carries at most 0 msg/s"
        Recommendation slow = RuleEngine.asked(TestAnswers.with(
                "platform",
                "gcp",
                "ordering",
                "per-key",
                "throughput-per-second",
                "1",
                "p99-processing-seconds",
                "500"));
        assertThat(detail(slow, "hot-key-capacity"))
                .as("1 / 500 s is 0.002 msg/s, not 0")
                .contains("at most 1 / p99 = 0.002 msg/s (one every 500 s)")
                .doesNotContain("at most 0 msg/s");
        Recommendation fast = RuleEngine.asked(TestAnswers.with(
                "platform",
                "gcp",
                "ordering",
                "per-key",
                "throughput-per-second",
                "1",
                "p99-processing-seconds",
                "0.5"));
        assertThat(detail(fast, "hot-key-capacity"))
                .as("2 msg/s needs no interval")
                .contains("at most 1 / p99 = 2 msg/s")
                .doesNotContain("one every");
        Recommendation global = RuleEngine.asked(TestAnswers.with(
                "platform", "gcp", "ordering", "global", "throughput-per-second", "1", "p99-processing-seconds", "3"));
        assertThat(detail(global, "global-order-capacity")).contains("at most 0.33 msg/s (one every 3 s)");
    }

    @Test
    void shouldSizeKafkaPartitionsByStorageAndThroughputWhenAKeyedLogIsBig() {
        // 41 MB/s kept a year is about 1.3 PB per copy: 3 partitions would put 430 TB on one broker
        Recommendation year = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "ordering",
                "per-key",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "20000",
                "payload-kb",
                "2",
                "p99-processing-seconds",
                "0.01",
                "retention-days",
                "365",
                "shape",
                "broadcast",
                "subscribers",
                "5"));
        assertThat(year.product()).isEqualTo(Product.KAFKA);
        assertThat(year.sizing().partitions())
                .as("1.29 PB per copy / 1 TB a partition (guide.partition-size)")
                .isGreaterThanOrEqualTo(1292);
        assertThat(status(year, "partition-growth"))
                .as("a keyed topic cannot add partitions later without remapping keys")
                .isEqualTo(Status.WARN);
        Recommendation small = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.02",
                "retention-days",
                "1"));
        assertThat(small.sizing().partitions())
                .as("5 MB/s kept a day is 432 GB: one partition's worth, so consumers decide")
                .isLessThan(5);
        assertThat(small.feasibility().checks())
                .as("without keys, nothing is remapped")
                .noneMatch(c -> c.id().equals("partition-growth"));
    }

    @Test
    void shouldSizeBySlowRatesWhenFewerThanOneMessageASecondArrives() {
        // a nightly report: one job every 100 s, each running an hour, needs 45 workers, not the 4,500 a
        // rate rounded up to 1 msg/s would ask for
        Answers rare = TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "0.01", "p99-processing-seconds", "3600");
        assertThat(rare.context().throughputPerSecond()).isEqualTo(0.01);
        Recommendation r = RuleEngine.asked(rare);
        assertThat(r.sizing().consumersNeeded()).as("0.01 x 3,600 s x 1.25").isEqualTo(45);
        assertThat(Documents.markdown(rare, r, java.time.LocalDate.of(2026, 11, 28)))
                .as("the title prints the rate with its decimals and as an interval, never as 0")
                .contains("at 0.01 msg/s (one every 100 s)");
        // a peak of one a minute (0.0167) is what the design must carry: the title never understates it
        Answers minutely = TestAnswers.with("throughput-per-second", "0.0167", "p99-processing-seconds", "1");
        assertThat(Documents.markdown(minutely, RuleEngine.asked(minutely), java.time.LocalDate.of(2026, 12, 5)))
                .as("a peak is rounded up in the title, not cut to 0.016")
                .contains("at 0.017 msg/s (one every 59.88 s)")
                .doesNotContain("0.016 msg/s");
        assertThat(RuleEngine.asked(TestAnswers.with("throughput-per-second", "1"))
                        .sizing()
                        .consumersNeeded())
                .isEqualTo(2);
    }

    @Test
    void shouldSayWhyWhenTheDeliveriesDifferFromTheAttemptsAsked() {
        // the answers' attempts are kept wherever the product takes them: 2, 7 and 15 on SQS (1 to 1,000)
        for (String asked : List.of("2", "7", "15")) {
            Recommendation r = RuleEngine.asked(TestAnswers.with("platform", "aws", "failure.max-attempts", asked));
            assertThat(r.failure().maxDeliveries()).isEqualTo(Integer.parseInt(asked));
            assertThat(r.warnings()).extracting(Recommendation.Warning::id).doesNotContain("attempts-changed");
        }
        // Pub/Sub takes 5 to 100 delivery attempts: 2 is raised, and the record says so twice
        Recommendation pubsub = RuleEngine.asked(TestAnswers.with("platform", "gcp", "failure.max-attempts", "2"));
        assertThat(pubsub.failure().maxDeliveries()).isEqualTo(5);
        assertThat(pubsub.settings())
                .filteredOn(x -> x.name().startsWith("max delivery attempts"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("2 attempt(s) asked, raised");
        assertThat(pubsub.warnings())
                .filteredOn(w -> w.id().equals("attempts-changed"))
                .singleElement()
                .extracting(Recommendation.Warning::message)
                .asString()
                .contains("ask for 2 attempts", "sets 5", "pubsub.dead-letter");
    }

    @Test
    void shouldKeepTheAnsweredAttemptsAndReachTheRetryHorizonWhenAWebhookIsRetriedForDays() {
        Recommendation webhook = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "side-effects",
                "external",
                "failure.max-attempts",
                "15",
                "failure.retry-horizon-hours",
                "72"));
        assertThat(webhook.failure().maxDeliveries()).isEqualTo(15);
        assertThat(webhook.warnings()).extracting(Recommendation.Warning::id).doesNotContain("attempts-changed");
        Recommendation.Setting horizon = webhook.settings().stream()
                .filter(x -> x.name().equals("retry horizon"))
                .findFirst()
                .orElseThrow();
        assertThat(horizon.number()).as("14 retries reach the 72 h asked").isGreaterThanOrEqualTo(72 * 3600.0);
        assertThat(webhook.settings())
                .filteredOn(x -> x.name().equals("retry backoff"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("ChangeMessageVisibility", "ApproximateReceiveCount");
        // Pub/Sub's retry_policy waits at most 600 s: 15 attempts cannot span 72 h, and the record says so
        Recommendation gcp = RuleEngine.asked(
                TestAnswers.with("platform", "gcp", "failure.max-attempts", "15", "failure.retry-horizon-hours", "72"));
        assertThat(gcp.warnings())
                .filteredOn(w -> w.id().equals("retry-horizon-short"))
                .singleElement()
                .extracting(Recommendation.Warning::message)
                .asString()
                .contains("600 s", "retry store");
        Recommendation quick = RuleEngine.asked(TestAnswers.with("platform", "gcp", "failure.max-attempts", "5"));
        assertThat(quick.warnings()).extracting(Recommendation.Warning::id).doesNotContain("retry-horizon-short");
    }

    @Test
    void shouldRenewAShortLeaseWhenAJobRunsLongerThanTheHeartbeatThreshold() {
        Recommendation transcode =
                RuleEngine.asked(TestAnswers.with("platform", "aws", "failure.max-processing-seconds", "2400"));
        assertThat(transcode.failure().leaseSeconds())
                .as("a crashed 40-minute job comes back within 5 minutes, not 60")
                .isEqualTo(300);
        assertThat(transcode.settings())
                .filteredOn(x -> x.name().equals("heartbeat"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("every 100 s", "ChangeMessageVisibility");
        Recommendation quick =
                RuleEngine.asked(TestAnswers.with("platform", "aws", "failure.max-processing-seconds", "60"));
        assertThat(quick.settings()).noneMatch(x -> x.name().equals("heartbeat"));
        assertThat(quick.failure().leaseSeconds()).isEqualTo(90);
    }

    @Test
    void shouldFailAFunctionWhoseWorstCaseIsExactlyItsLimitWhenItWouldBeStoppedThere() {
        Recommendation atLimit = RuleEngine.asked(TestAnswers.with(
                "consumer-runtime", "function", "platform", "aws", "failure.max-processing-seconds", "900"));
        assertThat(status(atLimit, "consumer-runtime-limit")).isEqualTo(Status.FAIL);
        Recommendation below = RuleEngine.asked(TestAnswers.with(
                "consumer-runtime", "function", "platform", "aws", "failure.max-processing-seconds", "899"));
        assertThat(status(below, "consumer-runtime-limit")).isEqualTo(Status.OK);
    }

    @Test
    void shouldSayHowLongAServiceBusEntityLastsWhenItFillsInMinutes() {
        // a Standard entity at 4.1 MB/s fills in minutes: "0 h" was the old line
        Recommendation fast = RuleEngine.asked(TestAnswers.with(
                "platform", "azure", "throughput-per-second", "400", "payload-kb", "10", "retention-days", "1"));
        assertThat(detail(fast, "entity-size"))
                .containsPattern("full after [0-9]+ minutes")
                .doesNotContain(" 0 h");
        Recommendation slow = RuleEngine.asked(TestAnswers.with("platform", "azure", "throughput-per-second", "1"));
        assertThat(detail(slow, "entity-size")).containsPattern("full after [0-9.,]+ days");
    }

    @Test
    void shouldFailASynchronousGlobalOrderWhenOneCallAtATimeCannotKeepUp() {
        Recommendation fast = RuleEngine.asked(TestAnswers.with(
                "sync", "sync", "ordering", "global", "throughput-per-second", "100", "p99-processing-seconds", "0.5"));
        assertThat(status(fast, "global-order-capacity")).isEqualTo(Status.FAIL);
        Recommendation slow = RuleEngine.asked(TestAnswers.with(
                "sync", "sync", "ordering", "global", "throughput-per-second", "1", "p99-processing-seconds", "0.5"));
        assertThat(status(slow, "global-order-capacity")).isEqualTo(Status.OK);
        Recommendation unordered = RuleEngine.asked(TestAnswers.with("sync", "sync", "throughput-per-second", "100"));
        assertThat(unordered.feasibility().checks()).noneMatch(c -> c.id().equals("global-order-capacity"));
    }

    @Test
    void shouldWarnWhenExactlyOnceBecomesAtLeastOnceOnADirectCall() {
        Recommendation call = RuleEngine.asked(TestAnswers.with("sync", "sync", "semantic", "exactly-once"));
        assertThat(call.warnings()).extracting(Recommendation.Warning::id).contains("semantic-changed");
        Recommendation plain = RuleEngine.asked(TestAnswers.with("sync", "sync"));
        assertThat(plain.warnings()).extracting(Recommendation.Warning::id).doesNotContain("semantic-changed");
    }

    @Test
    void shouldNotPrescribeAnOutboxRelayWhenTheQueueIsAJobsTable() {
        Recommendation jobs = RuleEngine.asked(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "5", "producer", "db-then-publish"));
        assertThat(jobs.product()).isEqualTo(Product.JOBS_TABLE);
        assertThat(jobs.rules()).doesNotContain(Rules.OUTBOX_FOR_DUAL_WRITES);
        assertThat(jobs.producerSide()).contains("its own outbox");
        Recommendation sqs = RuleEngine.asked(TestAnswers.with("platform", "aws", "producer", "db-then-publish"));
        assertThat(sqs.rules()).contains(Rules.OUTBOX_FOR_DUAL_WRITES);
    }

    @Test
    void shouldNeverPrintARateOfZeroWhenItIsOnlySmall() {
        assertThat(Numbers.plain(1e-9)).isEqualTo("0.000000001");
        assertThat(Numbers.plain(0)).isEqualTo("0");
        assertThat(Numbers.plain(0.5)).isEqualTo("0.5");
    }

    @Test
    void shouldSetFairQueuesWhenManyTenantsShareAStandardQueue() {
        Recommendation fair = RuleEngine.asked(TestAnswers.with("platform", "aws", "tenant-fairness", "yes"));
        assertThat(fair.settings())
                .filteredOn(x -> x.name().equals("MessageGroupId (fair queues)"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("tenant id");
        assertThat(fair.facts()).contains("sqs.fair-queues");
        Recommendation single = RuleEngine.asked(TestAnswers.with("platform", "aws"));
        assertThat(single.settings()).noneMatch(x -> x.name().startsWith("MessageGroupId"));
        Recommendation rabbit = RuleEngine.asked(TestAnswers.with("platform", "self-hosted", "tenant-fairness", "yes"));
        assertThat(rabbit.settings()).anyMatch(x -> x.name().equals("tenant fairness"));
    }

    @Test
    void shouldNotPutAnExternalCallInTheDedupeTransactionWhenEffectsLeaveTheSystem() {
        Recommendation email = RuleEngine.asked(TestAnswers.with("platform", "aws", "side-effects", "external"));
        assertThat(email.idempotency().store())
                .contains("cannot share the table's transaction")
                .doesNotContain("same transaction as the consumer's effect");
        Recommendation internal = RuleEngine.asked(TestAnswers.with("platform", "aws", "side-effects", "internal"));
        assertThat(internal.idempotency().store()).contains("same transaction as the consumer's effect");
    }

    @Test
    void shouldProcessEachPartitionInOrderWhenKafkaTransactionsCarryExactlyOnce() {
        Recommendation eos = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "semantic",
                "exactly-once",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000",
                "p99-processing-seconds",
                "0.1",
                "side-effects",
                "internal"));
        assertThat(eos.product()).isEqualTo(Product.KAFKA);
        assertThat(eos.sizing().inFlightPerPartition())
                .as("offsets commit with the outputs: a key-parallel consumer would produce twice after a restart")
                .isEqualTo(1);
        assertThat(eos.settings()).noneMatch(x -> x.name().startsWith("records in flight per"));
        Recommendation alo = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000",
                "p99-processing-seconds",
                "0.1"));
        assertThat(alo.sizing().inFlightPerPartition()).isGreaterThan(1);
    }

    @Test
    void shouldWarnOfADedupeStoreOfBillionsOfKeysWhenALogIsBusyAndKeptLong() {
        Recommendation huge = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "20000", "retention-days", "7"));
        assertThat(status(huge, "dedupe-ttl"))
                .as("20,000 msg/s x 168 h is 12 billion keys")
                .isEqualTo(Status.WARN);
        assertThat(huge.feasibility().checks())
                .filteredOn(x -> x.id().equals("dedupe-ttl"))
                .singleElement()
                .extracting(Check::fix)
                .asString()
                .contains("high-water mark per key");
        Recommendation small = RuleEngine.asked(TestAnswers.with("platform", "aws"));
        assertThat(status(small, "dedupe-ttl")).isEqualTo(Status.OK);
    }

    @Test
    void shouldNameOnlyThePassedLimitWhenAnEventHubHasMorePartitionsThanItTakes() {
        Recommendation r = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "azure",
                "throughput-per-second",
                "31000",
                "payload-kb",
                "0.9",
                "p99-processing-seconds",
                "0.01",
                "retention-days",
                "1"));
        assertThat(r.product()).isEqualTo(Product.EVENT_HUBS);
        assertThat(status(r, "throughput-units")).isEqualTo(Status.FAIL);
        assertThat(r.feasibility().checks())
                .filteredOn(c -> c.id().equals("throughput-units"))
                .singleElement()
                .extracting(Check::detail)
                .asString()
                .as("39 units fit the 40 a namespace takes; the 39 partitions pass the 32 an event hub takes")
                .startsWith("39 partition(s), of the 32 an event hub takes");
        assertThat(r.sizing().formula())
                .as("the in-flight share is stated once, from the final partition count")
                .containsOnlyOnce("in flight per partition");
    }

    @Test
    void shouldWarnThatRaisedKinesisRecordsAreForOccasionalLargeOnesWhenEveryRecordIsLarge() {
        Recommendation large = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "10", "payload-kb", "3072"));
        assertThat(large.product()).isEqualTo(Product.KINESIS);
        assertThat(status(large, "large-records")).isEqualTo(Status.WARN);
        Recommendation small = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "10", "payload-kb", "512"));
        assertThat(small.feasibility().checks()).noneMatch(c -> c.id().equals("large-records"));
    }

    @Test
    void shouldSetATimeoutAndARetryBudgetWhenTheCallerWaits() {
        Recommendation call = RuleEngine.asked(TestAnswers.with(
                "sync",
                "sync",
                "throughput-per-second",
                "800",
                "failure.max-attempts",
                "3",
                "failure.max-processing-seconds",
                "2"));
        assertThat(call.settings())
                .filteredOn(x -> x.name().equals("timeout (per attempt)"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("2 s + 10 s buffer")
                .isEqualTo(12.0);
        assertThat(call.settings())
                .filteredOn(x -> x.name().equals("retry budget"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("880 calls/s to the callee, not 2,400 calls/s");
        Recommendation queued = RuleEngine.asked(TestAnswers.with("platform", "aws"));
        assertThat(queued.settings()).noneMatch(x -> x.name().equals("retry budget"));
    }

    @Test
    void shouldWeighLambdasAccountConcurrencyWhenFunctionsConsume() {
        Recommendation shards = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "ordering",
                "per-key",
                "throughput-per-second",
                "500000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.1",
                "retention-days",
                "3"));
        assertThat(shards.product()).isEqualTo(Product.KINESIS);
        assertThat(status(shards, "lambda-account-concurrency"))
                .as("shards x ParallelizationFactor far past the 1,000 a Region runs and the 10,000 a raise reaches")
                .isEqualTo(Status.FAIL);
        Recommendation raise = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "throughput-per-second",
                "2000",
                "p99-processing-seconds",
                "1"));
        assertThat(status(raise, "lambda-account-concurrency"))
                .as("2,500 concurrent executions: a quota increase, named in the fix")
                .isEqualTo(Status.WARN);
        assertThat(raise.feasibility().checks())
                .filteredOn(c -> c.id().equals("lambda-account-concurrency"))
                .singleElement()
                .extracting(Check::fix)
                .asString()
                .contains("Service Quotas increase");
        Recommendation small = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "throughput-per-second",
                "100",
                "p99-processing-seconds",
                "1"));
        assertThat(status(small, "lambda-account-concurrency")).isEqualTo(Status.OK);
        Recommendation service = RuleEngine.asked(TestAnswers.with("platform", "aws"));
        assertThat(service.feasibility().checks())
                .as("no function, no Lambda quota")
                .noneMatch(c -> c.id().equals("lambda-account-concurrency"));
    }

    @Test
    void shouldCountTheReceiveAndDeleteRoundTripWhenOneMessageGroupCarriesAGlobalOrder() {
        // a group's next receive waits for the delete: 10 / (10 x 0.0005 s + 0.02 s) = 400 msg/s, not 2,000
        Recommendation ledger = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "ordering",
                "global",
                "throughput-per-second",
                "1000",
                "p99-processing-seconds",
                "0.0005"));
        assertThat(ledger.product()).isEqualTo(Product.SQS_FIFO);
        assertThat(status(ledger, "global-order-capacity"))
                .as("1,000 msg/s against one group's 400 msg/s once the round trip is counted")
                .isEqualTo(Status.FAIL);
        assertThat(detail(ledger, "global-order-capacity"))
                .contains("at most 400 msg/s")
                .contains("receive and delete round trip");
        Recommendation log = RuleEngine.asked(TestAnswers.with(
                "platform",
                "gcp",
                "ordering",
                "global",
                "throughput-per-second",
                "1000",
                "p99-processing-seconds",
                "0.0005"));
        assertThat(detail(log, "global-order-capacity"))
                .as("an ordering key is pushed the next message on the ack: no receive round trip")
                .contains("at most 2,000 msg/s")
                .doesNotContain("round trip");
    }

    @Test
    void shouldSetHighThroughputModeWhenAFifoQueueTakesMoreCallsThanItsUnbatchedQuota() {
        Recommendation busy = RuleEngine.asked(
                TestAnswers.with("platform", "aws", "ordering", "per-key", "throughput-per-second", "400"));
        assertThat(busy.product()).isEqualTo(Product.SQS_FIFO);
        assertThat(busy.settings())
                .as("400 msg/s is above the 300 calls a second per action a FIFO queue takes without the mode")
                .anySatisfy(x -> assertThat(x.name()).isEqualTo("high-throughput mode"));
        Recommendation quiet = RuleEngine.asked(
                TestAnswers.with("platform", "aws", "ordering", "per-key", "throughput-per-second", "300"));
        assertThat(quiet.settings()).noneMatch(x -> x.name().equals("high-throughput mode"));
    }

    @Test
    void shouldBoundOneMessageGroupByItsPartitionWhenSqsFifoCarriesAGlobalOrder() {
        // the reviewer's file 17: 1,000 msg/s in one group passed on 1 / p99 alone (2,000 msg/s), ignoring that a
        // group lives in one partition of 300 calls a second per action
        Recommendation batched = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "ordering",
                "global",
                "throughput-per-second",
                "350",
                "p99-processing-seconds",
                "0.0005"));
        assertThat(batched.product()).isEqualTo(Product.SQS_FIFO);
        assertThat(status(batched, "global-order-capacity"))
                .as("above 300 msg/s one group works only with batches: a setting handles it")
                .isEqualTo(Status.WARN);
        assertThat(detail(batched, "global-order-capacity"))
                .contains("at most 300 msg/s per message group unbatched (3,000 in batches of 10");
        assertThat(batched.settings())
                .extracting(Recommendation.Setting::name)
                .contains("batching (send, receive and delete)");
        assertThat(batched.facts()).contains("sqs-fifo.partition-throughput", "sqs-fifo.message-group");
        Recommendation over = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "ordering",
                "global",
                "throughput-per-second",
                "4000",
                "p99-processing-seconds",
                "0.0001"));
        assertThat(status(over, "global-order-capacity"))
                .as("4,000 msg/s is beyond a partition's 3,000 even with batches, whatever 1 / p99 allows")
                .isEqualTo(Status.FAIL);
        Recommendation modest = RuleEngine.asked(TestAnswers.with(
                "platform",
                "aws",
                "ordering",
                "global",
                "throughput-per-second",
                "200",
                "p99-processing-seconds",
                "0.001"));
        assertThat(status(modest, "global-order-capacity")).isEqualTo(Status.OK);
        assertThat(modest.settings())
                .extracting(Recommendation.Setting::name)
                .doesNotContain("batching (send, receive and delete)");
    }

    @Test
    void shouldSizeEventHubsByThroughputUnitsWhenItCarriesTheLog() {
        // the reviewer's file 19: 20,000 msg/s of 1 KiB to 3 readers, sized by partitions alone, no unit bought
        Recommendation hub = RuleEngine.asked(TestAnswers.with(
                "platform",
                "azure",
                "shape",
                "broadcast",
                "subscribers",
                "3",
                "replay",
                "true",
                "ordering",
                "per-key",
                "retention-days",
                "3",
                "throughput-per-second",
                "16000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.01"));
        assertThat(hub.product()).isEqualTo(Product.EVENT_HUBS);
        assertThat(hub.sizing().throughputUnits())
                .as("egress 49.2 MB/s x 1.25 headroom at 2 MB/s a unit outweighs ingress 16.4 MB/s at 1 MB/s")
                .isEqualTo(31);
        assertThat(hub.sizing().partitions())
                .as("at least one partition per unit")
                .isGreaterThanOrEqualTo(31);
        assertThat(hub.settings())
                .filteredOn(x -> x.name().startsWith("throughput units"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .isEqualTo(31.0);
        assertThat(status(hub, "throughput-units")).isEqualTo(Status.OK);
        assertThat(CostModel.of(hub)).contains("31 unit(s)");
        assertThat(hub.facts()).contains("eventhubs.throughput-unit", "eventhubs.partitions");
        Recommendation flood = RuleEngine.asked(TestAnswers.with(
                "platform",
                "azure",
                "replay",
                "true",
                "retention-days",
                "1",
                "throughput-per-second",
                "60000",
                "payload-kb",
                "1",
                "p99-processing-seconds",
                "0.01"));
        assertThat(status(flood, "throughput-units"))
                .as("61 units is more than a standard namespace's 40")
                .isEqualTo(Status.FAIL);
        Recommendation kinesis = RuleEngine.asked(TestAnswers.with(
                "platform", "aws", "replay", "true", "retention-days", "1", "throughput-per-second", "20000"));
        assertThat(kinesis.sizing().throughputUnits())
                .as("Kinesis sells shards, not units")
                .isNull();
        assertThat(kinesis.feasibility().checks()).extracting(Check::id).doesNotContain("throughput-units");
    }

    @Test
    void shouldStateKafkasPollIntervalInMillisecondsAndApartFromTheWorkWhenTheDefaultIsKept() {
        // the reviewer's Kafka records: "the work needs a lease of 300 s" for a 10 s job, and a range in seconds
        // (from 1 s) for a setting Kafka takes in milliseconds from 1 ms
        Recommendation kept = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000",
                "failure.max-processing-seconds",
                "10"));
        assertThat(kept.product()).isEqualTo(Product.KAFKA);
        Recommendation.Setting poll = kept.settings().stream()
                .filter(x -> x.name().equals("max.poll.interval.ms"))
                .findFirst()
                .orElseThrow();
        assertThat(poll.number()).as("Kafka's default, in ms").isEqualTo(300_000.0);
        assertThat(poll.unit()).isEqualTo("ms");
        assertThat(poll.range().min()).as("atLeast(1) ms").isEqualTo(1.0);
        assertThat(poll.range().max()).as("an int of ms").isEqualTo(2_147_483_647.0);
        assertThat(detail(kept, "lease-limit"))
                .contains("needs a lease (max.poll.interval.ms) of 20 s")
                .contains("keeps Apache Kafka's default of 300 s")
                .doesNotContain("needs a lease (max.poll.interval.ms) of 300 s");
        Recommendation longer = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "5000",
                "failure.max-processing-seconds",
                "400"));
        assertThat(detail(longer, "lease-limit"))
                .as("a job longer than the default sets the interval itself")
                .contains("of 600 s")
                .doesNotContain("keeps");
        assertThat(longer.failure().leaseSeconds()).isEqualTo(600);
    }

    @Test
    void shouldCountTheRenewedLeaseInTheRedeliveryWindowWhenTheLeaseIsClampedBelowTheWork() {
        // the reviewer's file 09: a 300 s lock renewed through 30-minute jobs, yet dedupe keys were sized on
        // 300 s x 3 deliveries, as if a redelivery could not come later than 15 minutes
        Recommendation bus = RuleEngine.asked(TestAnswers.with(
                "platform", "azure", "failure.max-processing-seconds", "1800", "failure.max-attempts", "3"));
        assertThat(bus.failure().leaseSeconds())
                .as("Service Bus locks last at most 5 minutes")
                .isEqualTo(300);
        assertThat(detail(bus, "dedupe-ttl"))
                .contains(
                        "8,100 s = 3 deliveries x 2,700 s each, the lock duration of 300 s renewed while the work runs")
                .doesNotContain("900 s");
        Recommendation sqs = RuleEngine.asked(TestAnswers.with(
                "platform", "aws", "failure.max-processing-seconds", "40", "failure.max-attempts", "3"));
        assertThat(detail(sqs, "dedupe-ttl"))
                .as("a lease that covers the work is the window per delivery")
                .contains("180 s = 3 deliveries x a lease of 60 s")
                .doesNotContain("renewed");
    }

    @Test
    void shouldCountEveryCopyInStorageWhenTheOperatorSetsTheReplicas() {
        // the reviewer's file 15: RabbitMQ streams, self-hosted and replicated, stored "before the service's own
        // replication", as if a managed service kept the copies
        Recommendation streams = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "throughput-per-second",
                "100",
                "payload-kb",
                "2",
                "retention-days",
                "3"));
        assertThat(streams.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(detail(streams, "storage"))
                .contains("x 3 replicas (x-initial-cluster-size)")
                .doesNotContain("the service's own replication");
        assertThat(streams.sizing().storageBytes())
                .as("100 msg/s x 2 KiB x 3 days x 3 copies")
                .isEqualTo(100 * 2048.0 * 3 * 86_400 * 3);
        assertThat(streams.settings())
                .filteredOn(x -> x.name().equals("x-initial-cluster-size"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .isEqualTo("3");
        Recommendation kinesis = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "throughput-per-second",
                "100",
                "payload-kb",
                "2",
                "retention-days",
                "3"));
        // Kinesis sets no storage ceiling of its own, and no check line is "ok" without a limit: the bytes kept
        // are in the sizing, counted once (the service replicates on its own terms)
        assertThat(kinesis.feasibility().checks()).noneMatch(c -> c.id().equals("storage"));
        assertThat(kinesis.sizing().storageBytes()).isEqualTo(100 * 2048.0 * 3 * 86_400);
        assertThat(kinesis.settings())
                .extracting(Recommendation.Setting::name)
                .doesNotContain("x-initial-cluster-size", "replication.factor");
    }

    @Test
    void shouldGiveSnsMaximumMessageSizeItsDocumentedRangeWhenTheTopicIsRaised() {
        // the reviewer's file 12: the range read 262,144..1,048,576 bytes; SNS takes 1,024 up
        Recommendation sns = RuleEngine.asked(
                TestAnswers.with("shape", "broadcast", "subscribers", "5", "platform", "aws", "payload-kb", "512"));
        Recommendation.Setting size = sns.settings().stream()
                .filter(x -> x.name().equals("MaximumMessageSize"))
                .findFirst()
                .orElseThrow();
        assertThat(size.range().min()).isEqualTo(1024.0);
        assertThat(size.range().max()).isEqualTo(1_048_576.0);
        Recommendation kinesis = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "aws", "payload-kb", "2048", "throughput-per-second", "10"));
        assertThat(kinesis.settings())
                .filteredOn(x -> x.name().equals("maximum record size"))
                .singleElement()
                .extracting(x -> x.range().min())
                .as("Kinesis states no minimum: the range starts at its default")
                .isEqualTo(1_048_576.0);
    }

    @Test
    void shouldOfferTheStreamsProducerDeduplicationWhenRabbitMqStreamsCarriesTheLog() {
        // the reviewer's file 15: "RabbitMQ streams offers no exactly-once mechanism", though a named producer's
        // publishing ids make the broker drop a producer's repeats
        Recommendation streams = RuleEngine.asked(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "self-hosted",
                "throughput-per-second",
                "100",
                "semantic",
                "exactly-once"));
        assertThat(streams.product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(streams.exactlyOnce())
                .contains("RabbitMQ streams offers: a stream deduplicates on the producer's side")
                .contains("does not cover the consumer's effect");
        assertThat(streams.settings())
                .extracting(Recommendation.Setting::name)
                .contains("producer name and publishing id");
        Recommendation kinesis = RuleEngine.asked(TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "100", "semantic", "exactly-once"));
        assertThat(kinesis.settings())
                .extracting(Recommendation.Setting::name)
                .doesNotContain("producer name and publishing id");
        assertThat(kinesis.exactlyOnce()).doesNotContain("publishing id");
    }
}
