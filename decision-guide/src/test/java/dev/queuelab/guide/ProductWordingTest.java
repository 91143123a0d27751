package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A record speaks of the chosen product in its own words, and of no other product's: each test renders a record
 * where a wording must appear and the nearest record where it must not.
 */
class ProductWordingTest {

    /** The record of the design the answers choose, as written before any alternative is tried. */
    private static String markdown(Answers a) {
        return Documents.markdown(a, RuleEngine.asked(a), LocalDate.of(2026, 11, 28));
    }

    @Test
    void shouldCallAnOrderedLogAPartitionedLogWhenKafkaCarriesIt() {
        // the reviewer's file 06: "Use fifo work queue (message groups)" on an Apache Kafka record
        Answers onKafka = TestAnswers.with(
                "ordering", "global", "platform", "any", "ops-appetite", "high", "throughput-per-second", "100000");
        Recommendation kafka = RuleEngine.asked(onKafka);
        assertThat(kafka.product()).isEqualTo(Product.KAFKA);
        assertThat(kafka.topology()).isEqualTo(Topology.PARTITIONED_LOG);
        assertThat(markdown(onKafka))
                .contains("# Use a partitioned log (Apache Kafka) for distributing work")
                .doesNotContain("fifo work queue")
                .doesNotContain("FIFO work queue");
        Answers onSqs = TestAnswers.with("ordering", "global", "platform", "aws", "throughput-per-second", "100");
        assertThat(RuleEngine.recommend(onSqs).topology()).isEqualTo(Topology.FIFO_WORK_QUEUE);
        assertThat(markdown(onSqs)).contains("# Use a FIFO work queue (Amazon SQS FIFO) for distributing work");
    }

    @Test
    void shouldNameTheDeadLetterWithOneArticleWhereTheRetryHorizonEnds() {
        // a dead letter the consumer writes is "a dead-letter stream written by the consumer": the horizon's line
        // read "then the a dead-letter stream ..."
        Answers stream = TestAnswers.with("replay", "true", "platform", "self-hosted", "ordering", "per-key");
        assertThat(RuleEngine.asked(stream).product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(markdown(stream))
                .contains("then a dead-letter stream written by the consumer")
                .doesNotContain("the a ");
        Answers queue = TestAnswers.with("platform", "aws");
        assertThat(markdown(queue)).contains("then the dead-letter queue (redrive policy)");
    }

    @Test
    void shouldRetryInTheLogsOwnWordsNotKafkasWhenAStreamCarriesTheOrder() {
        // consumer.pause and retry topics are Kafka's: a RabbitMQ or Redis stream retries in its own reader
        Answers rabbit = TestAnswers.with("replay", "true", "platform", "self-hosted", "ordering", "per-key");
        assertThat(RuleEngine.asked(rabbit).product()).isEqualTo(Product.RABBITMQ_STREAMS);
        assertThat(markdown(rabbit))
                .contains("the consumer retries the record in place with delay before retry n")
                .doesNotContain("consumer.pause")
                .doesNotContain("retry topic");
        Answers kafka = TestAnswers.with(
                "replay",
                "true",
                "platform",
                "any",
                "ops-appetite",
                "high",
                "ordering",
                "per-key",
                "throughput-per-second",
                "100000");
        assertThat(RuleEngine.asked(kafka).product()).isEqualTo(Product.KAFKA);
        assertThat(markdown(kafka)).contains("pause the partition (consumer.pause)");
    }

    @Test
    void shouldKeepAKeysOrderOnRedisPubSubByHashingItToAShardChannel() {
        // per-key order on Redis pub/sub read "per-key: one none per key", with a settings row named "none"
        Answers keyed = TestAnswers.with(
                "shape", "broadcast", "subscribers", "3", "semantic", "at-most-once", "ordering", "per-key");
        assertThat(RuleEngine.asked(keyed).product()).isEqualTo(Product.REDIS_PUBSUB);
        assertThat(markdown(keyed))
                .contains("| ordering | per-key: each key hashed to one shard channel (SPUBLISH and SSUBSCRIBE")
                .doesNotContain("one none per key")
                .doesNotContain("| none |");
        // without order the record names no channel row
        Answers unordered = TestAnswers.with("shape", "broadcast", "subscribers", "3", "semantic", "at-most-once");
        assertThat(markdown(unordered)).contains("| ordering | none |").doesNotContain("| shard channel");
    }

    @Test
    void shouldOfferNeitherAcksNorReplaysNorMirrorMakerWhenRedisPubSubCarriesTheEvents() {
        // the reviewer's file 11: "acknowledge before processing", "receive-and-ack-only access" and "MirrorMaker 2
        // ... plan for replays" on Redis pub/sub, which has no acks, stores nothing and is not Kafka
        Answers presence = TestAnswers.with("shape", "broadcast", "subscribers", "3", "semantic", "at-most-once");
        assertThat(RuleEngine.recommend(presence).product()).isEqualTo(Product.REDIS_PUBSUB);
        assertThat(markdown(presence))
                .doesNotContainIgnoringCase("acknowledge")
                .doesNotContain("-ack-", "MirrorMaker", "replays")
                .contains("SUBSCRIBE only")
                .contains("Nothing is stored, so there is nothing to replicate");
        Answers queue = TestAnswers.with("semantic", "at-most-once", "platform", "aws");
        assertThat(markdown(queue))
                .as("a work queue deletes (acknowledges) before processing at most once")
                .contains("acknowledge before processing")
                .contains("receive-and-ack-only");
    }

    @Test
    void shouldNameMirrorMakerOnlyForKafkaAndReplaysOnlyForLogsWhenARegionIsLost() {
        Answers rabbit =
                TestAnswers.with("platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "2000");
        assertThat(RuleEngine.recommend(rabbit).product()).isEqualTo(Product.RABBITMQ_QUORUM);
        String rabbitRecord = markdown(rabbit);
        assertThat(rabbitRecord.substring(rabbitRecord.indexOf("### Multi-region")))
                .doesNotContain("MirrorMaker")
                .doesNotContain("plan for replays")
                .contains("federation or shovels")
                .contains("Nothing can be replayed");
        Answers kafka = TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "5000");
        assertThat(RuleEngine.recommend(kafka).product()).isEqualTo(Product.KAFKA);
        assertThat(markdown(kafka)).contains("MirrorMaker 2").doesNotContain("shovel");
    }

    @Test
    void shouldSpeakOfOrderingKeysAndSubscriptionsNotGroupsWhenPubSubCarriesTheOrder() {
        // the reviewer's file 21: "FIFO work queue (message groups)", "holds back its whole group", "halt the
        // group" on Google Pub/Sub, which has ordering keys and subscriptions
        Answers ordered = TestAnswers.with("platform", "gcp", "ordering", "per-key", "failure.poison-expected", "yes");
        assertThat(RuleEngine.recommend(ordered).product()).isEqualTo(Product.PUBSUB);
        assertThat(markdown(ordered))
                .doesNotContainIgnoringCase("group")
                .contains("FIFO work queue (ordering keys)")
                .contains("holds back its whole ordering key");
        Answers fanout = TestAnswers.with("platform", "gcp", "shape", "broadcast", "subscribers", "4");
        assertThat(markdown(fanout)).doesNotContainIgnoringCase("group");
        Answers sqs = TestAnswers.with("platform", "aws", "ordering", "per-key");
        assertThat(markdown(sqs))
                .as("SQS FIFO has message groups")
                .contains("FIFO work queue (message groups)")
                .contains("holds back its whole message group");
    }

    @Test
    void shouldAlarmOnAQueuesDepthNotAnExchangesWhenRabbitMqDeadLetters() {
        // the reviewer's file 10: "dead-letter exchange (...) depth above 0": an exchange routes and keeps nothing
        Answers rabbit =
                TestAnswers.with("platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "2000");
        Recommendation r = RuleEngine.recommend(rabbit);
        assertThat(r.product()).isEqualTo(Product.RABBITMQ_QUORUM);
        assertThat(r.failure().alarms())
                .contains("messages_ready of the queue bound to the dead-letter exchange above 0")
                .noneMatch(x -> x.contains("exchange") && x.contains("depth"));
        assertThat(markdown(rabbit))
                .doesNotContain("exchange (dead-letter-strategy=at-least-once, overflow=reject-publish) depth");
        assertThat(RuleEngine.recommend(TestAnswers.with("platform", "aws"))
                        .failure()
                        .alarms())
                .as("an SQS dead-letter queue has a depth of its own")
                .contains("ApproximateNumberOfMessagesVisible of the dead-letter queue above 0");
        Recommendation kafka = RuleEngine.recommend(TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "5000"));
        assertThat(kafka.settings())
                .as("a topic keeps no depth either: what is written to it is what to watch")
                .noneMatch(x -> x.value().contains("depth"))
                .anyMatch(x -> x.value().contains("alarm on anything written to it"));
    }

    @Test
    void shouldCiteTheDeduplicationWindowOnlyWhenTheProductHasOne() {
        Recommendation pubsub = RuleEngine.recommend(TestAnswers.with("platform", "gcp", "ordering", "per-key"));
        assertThat(pubsub.evidence())
                .as("a Pub/Sub publisher's retry gets a new message id: no window drops it")
                .noneMatch(e -> e.claim().contains("deduplication window"));
        Recommendation fifo = RuleEngine.recommend(TestAnswers.with("platform", "aws", "ordering", "per-key"));
        assertThat(fifo.evidence()).anyMatch(e -> e.claim().contains("deduplication window"));
    }

    @Test
    void shouldNameEachProductsOwnCostDriverWhenTheCostModelIsWritten() {
        // the reviewer's files 08 and 09: Pub/Sub billed "per API call" with "long polling", Service Bus lumped with
        // shards and throughput units whatever its tier
        Recommendation pubsub = RuleEngine.recommend(TestAnswers.with("platform", "gcp"));
        assertThat(CostModel.of(pubsub))
                .contains("bytes published plus the bytes delivered to each subscription")
                .contains("1,000 bytes counted per publish or pull request")
                .doesNotContain("long polling")
                .doesNotContain("API calls");
        assertThat(pubsub.facts()).contains("pubsub.pricing");
        Recommendation standard =
                RuleEngine.recommend(TestAnswers.with("platform", "azure", "throughput-per-second", "20"));
        assertThat(CostModel.of(standard))
                .startsWith("Per operation (Standard)")
                .doesNotContain("shards");
        assertThat(standard.settings())
                .filteredOn(x -> x.name().equals("tier"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .startsWith("Standard: 40 credits a second of the 1,000");
        Recommendation busy =
                RuleEngine.recommend(TestAnswers.with("platform", "azure", "throughput-per-second", "2000"));
        assertThat(CostModel.of(busy)).startsWith("Messaging units (Premium)");
        assertThat(busy.feasibility().checks())
                .filteredOn(c -> c.id().equals("standard-tier-credits"))
                .singleElement()
                .extracting(Feasibility.Check::status)
                .isEqualTo(Feasibility.Status.WARN);
        Recommendation big = RuleEngine.recommend(TestAnswers.with("platform", "azure", "payload-kb", "300"));
        assertThat(CostModel.of(big)).as("a 300 KiB message needs Premium").startsWith("Messaging units (Premium)");
        Recommendation sqs = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(CostModel.of(sqs)).contains("API calls").contains("long polling");
    }

    @Test
    void shouldDescribeACallNotMessagesWhenTheCallerWaits() {
        // the reviewer's file 14: a direct call's context spoke of moving messages to competing consumers, of
        // replay, ordering and retention
        Answers call = TestAnswers.with(
                "sync",
                "sync",
                "side-effects",
                "external",
                "throughput-per-second",
                "50",
                "p99-processing-seconds",
                "0.8");
        String record = markdown(call);
        String context = record.substring(record.indexOf("## Context"), record.indexOf("## Considered Options"));
        assertThat(context)
                .contains("Callers need the service's result before they go on, at a peak of 50 requests/s")
                .contains("tried up to 3 times")
                .doesNotContain("competing consumers", "move messages", "msg/s", "replay", "ordering", "retention");
        assertThat(record)
                .contains("informed: the teams that call the service")
                .contains("requests in flight at the callee");
        String queued = markdown(TestAnswers.with());
        assertThat(queued.substring(queued.indexOf("## Context"), queued.indexOf("## Considered Options")))
                .contains("competing consumers")
                .contains("replay of past messages");
    }

    @Test
    void shouldSpeakOfSubscriptionsSeekAndGlobalTopicsWhenPubSubCarriesTheEvents() {
        Answers replay = TestAnswers.with(
                "replay", "true", "platform", "gcp", "throughput-per-second", "100", "retention-days", "7");
        assertThat(RuleEngine.recommend(replay).product()).isEqualTo(Product.PUBSUB);
        assertThat(markdown(replay))
                .contains("# Use retained subscriptions with seek (Google Pub/Sub)")
                .contains("replay by seeking a subscription to a time or a snapshot")
                .doesNotContain("retained offset")
                .doesNotContain("up to the partition count")
                .contains("global resources")
                .doesNotContain("replicated across zones in one region");
        Answers ordered = TestAnswers.with("ordering", "per-key", "platform", "gcp");
        assertThat(markdown(ordered))
                .doesNotContain("a deduplication window for producer retries")
                .doesNotContain("than standard queues");
        Answers fanout = TestAnswers.with("shape", "broadcast", "subscribers", "3", "platform", "gcp");
        assertThat(markdown(fanout))
                .contains("buffer per subscription")
                .doesNotContain("subscriber queue")
                .doesNotContain("one queue to watch");
        Answers sqs = TestAnswers.with("ordering", "per-key", "platform", "aws");
        assertThat(markdown(sqs))
                .as("SQS FIFO has a deduplication window: the generic words stay")
                .contains("a deduplication window for producer retries");
    }

    @Test
    void shouldKeepLambdasEventSourceSettingsOutWhenAServiceReadsKinesis() {
        Answers service = TestAnswers.with(
                "replay", "true", "platform", "aws", "throughput-per-second", "500", "retention-days", "3");
        Recommendation kcl = RuleEngine.recommend(service);
        assertThat(kcl.product()).isEqualTo(Product.KINESIS);
        assertThat(markdown(service))
                .doesNotContain("MaximumRetryAttempts", "BisectBatchOnFunctionError", "on-failure destination")
                .contains("retries in the consumer (the KCL record processor)")
                .doesNotContain("or a header");
        assertThat(kcl.idempotency().key()).contains("no headers");
        Answers function = TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "throughput-per-second",
                "500",
                "retention-days",
                "3",
                "consumer-runtime",
                "function",
                "failure.max-attempts",
                "5");
        Recommendation lambda = RuleEngine.recommend(function);
        assertThat(lambda.settings())
                .filteredOn(x -> x.name().startsWith("MaximumRetryAttempts"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("MaximumRetryAttempts counts retries: 5 deliveries are 4 retries")
                .isEqualTo(4.0);
        assertThat(markdown(function))
                .contains("checkpoints below it and retries that record and every later one")
                .doesNotContain("retried alone")
                .contains("IteratorAge (the function's metric)");
    }

    @Test
    void shouldNotApplySqssLambdaReceiveMinimumWhenLambdaReadsAStream() {
        Recommendation stream = RuleEngine.recommend(TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "throughput-per-second",
                "500",
                "retention-days",
                "3",
                "consumer-runtime",
                "function",
                "failure.max-attempts",
                "3"));
        assertThat(stream.failure().maxDeliveries())
                .as("3 attempts answered, no SQS throttling floor")
                .isEqualTo(3);
        Recommendation queue = RuleEngine.recommend(
                TestAnswers.with("platform", "aws", "consumer-runtime", "function", "failure.max-attempts", "3"));
        assertThat(queue.failure().maxDeliveries())
                .as("SQS under Lambda: at least 5")
                .isEqualTo(5);
    }

    @Test
    void shouldAlarmOnMillisBehindLatestWhenKinesisReadersUseEnhancedFanOut() {
        Answers wide = TestAnswers.with(
                "replay",
                "true",
                "shape",
                "broadcast",
                "subscribers",
                "6",
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
                "low");
        Recommendation r = RuleEngine.recommend(wide);
        assertThat(r.settings())
                .extracting(Recommendation.Setting::name)
                .contains("enhanced fan-out (RegisterStreamConsumer)");
        assertThat(r.failure().alarms()).anyMatch(x -> x.startsWith("SubscribeToShardEvent.MillisBehindLatest"));
        Answers one = TestAnswers.with(
                "replay",
                "true",
                "platform",
                "aws",
                "throughput-per-second",
                "900",
                "payload-kb",
                "1",
                "retention-days",
                "1");
        assertThat(RuleEngine.recommend(one).failure().alarms())
                .anyMatch(x -> x.startsWith("GetRecords.IteratorAgeMilliseconds"));
    }

    @Test
    void shouldPrefetchOneMessageWhenRabbitMqJobsRunForHours() {
        Recommendation hours = RuleEngine.recommend(TestAnswers.with(
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "2000",
                "failure.max-processing-seconds",
                "10800"));
        assertThat(hours.product()).isEqualTo(Product.RABBITMQ_QUORUM);
        assertThat(hours.settings())
                .filteredOn(x -> x.name().equals("prefetch (basic.qos)"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("a second prefetched message would wait 3 h of a 4.5 h timeout, then run 3 h more")
                .isEqualTo(1.0);
        Recommendation seconds = RuleEngine.recommend(TestAnswers.with(
                "platform",
                "self-hosted",
                "ops-appetite",
                "high",
                "throughput-per-second",
                "2000",
                "failure.max-processing-seconds",
                "10"));
        assertThat(seconds.settings())
                .filteredOn(x -> x.name().equals("prefetch (basic.qos)"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("300 s of timeout (RabbitMQ's advised minimum) / 10 s jobs")
                .isEqualTo(30.0);
    }

    @Test
    void shouldRaisePubSubsLeaseExtensionWhenJobsOutlastAnHour() {
        Recommendation twoHours =
                RuleEngine.recommend(TestAnswers.with("platform", "gcp", "failure.max-processing-seconds", "7200"));
        assertThat(twoHours.settings())
                .filteredOn(x -> x.name().startsWith("maximum lease extension"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("2 h x 1.5, past the libraries' 60-minute default")
                .isEqualTo(10800.0);
        Recommendation minutes =
                RuleEngine.recommend(TestAnswers.with("platform", "gcp", "failure.max-processing-seconds", "60"));
        assertThat(minutes.settings()).noneMatch(x -> x.name().startsWith("maximum lease extension"));
    }

    @Test
    void shouldSpeakOfOneLaneNotOfKeysWhenTheOrderIsGlobal() {
        Answers global = TestAnswers.with(
                "ordering", "global", "platform", "aws", "throughput-per-second", "5", "p99-processing-seconds", "0.1");
        Recommendation r = RuleEngine.recommend(global);
        assertThat(r.backpressure())
                .contains("one message is in flight at a time")
                .doesNotContain("active keys");
        String record = markdown(global);
        assertThat(record.substring(record.indexOf("### Consequences"), record.indexOf("### Confirmation")))
                .doesNotContain("per-key order with parallelism across keys")
                .contains("one order for every message");
        Answers perKey = TestAnswers.with("ordering", "per-key", "platform", "aws");
        assertThat(RuleEngine.recommend(perKey).backpressure()).contains("active keys");
        assertThat(markdown(perKey)).contains("per-key order with parallelism across keys");
    }

    @Test
    void shouldUseEachProductsOwnSmallWordsWhenTheyDiffer() {
        Recommendation fifo = RuleEngine.recommend(TestAnswers.with("ordering", "per-key", "platform", "aws"));
        assertThat(fifo.settings())
                .filteredOn(x -> x.name().startsWith("dead-letter queue"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .contains("must be FIFO");
        Recommendation standard = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(standard.settings())
                .filteredOn(x -> x.name().startsWith("dead-letter queue"))
                .singleElement()
                .extracting(Recommendation.Setting::value)
                .asString()
                .doesNotContain("FIFO");
        Answers hubs = TestAnswers.with(
                "replay",
                "true",
                "platform",
                "azure",
                "throughput-per-second",
                "5000",
                "p99-processing-seconds",
                "0.1",
                "retention-days",
                "1");
        Recommendation eventHubs = RuleEngine.recommend(hubs);
        assertThat(eventHubs.product()).isEqualTo(Product.EVENT_HUBS);
        assertThat(markdown(hubs)).contains("checkpoint only the offset").doesNotContain("commit only the offset");
        Recommendation rabbit = RuleEngine.recommend(
                TestAnswers.with("platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "2000"));
        assertThat(rabbit.settings())
                .filteredOn(x -> x.name().startsWith("x-consumer-timeout"))
                .singleElement()
                .extracting(x -> x.range().max())
                .as("the int range in ms")
                .isEqualTo(2_147_483_647.0);
        Answers msk = TestAnswers.with(
                "replay", "true", "platform", "aws", "ops-appetite", "high", "throughput-per-second", "5000");
        assertThat(RuleEngine.recommend(msk).product()).isEqualTo(Product.MSK);
        assertThat(markdown(msk)).contains("(Amazon MSK) for distributing work");
    }

    @Test
    void shouldNeedNoRelayWhenTheJobsTableIsInTheSameDatabase() {
        Recommendation jobs = RuleEngine.recommend(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "2", "producer", "db-then-publish"));
        assertThat(jobs.product()).isEqualTo(Product.JOBS_TABLE);
        assertThat(jobs.producerSide()).contains("its own outbox").doesNotContain("relay publishes");
        Recommendation sqs = RuleEngine.recommend(TestAnswers.with("platform", "aws", "producer", "db-then-publish"));
        assertThat(sqs.producerSide()).contains("a relay");
    }

    @Test
    void shouldSizeConsumersPerSubscriberWhenEverySubscriberReadsEveryMessage() {
        Answers fanout = TestAnswers.with("shape", "broadcast", "subscribers", "300", "platform", "aws");
        assertThat(markdown(fanout)).contains("| consumers | per subscriber, for each of the 300: ");
        Answers queue = TestAnswers.with("platform", "aws");
        assertThat(markdown(queue)).doesNotContain("per subscriber, for each");
    }

    @Test
    void shouldSayRedisDisconnectsASlowSubscriberWhenPubSubCannotBuffer() {
        Answers presence = TestAnswers.with("shape", "broadcast", "subscribers", "3", "semantic", "at-most-once");
        Recommendation r = RuleEngine.recommend(presence);
        assertThat(r.product()).isEqualTo(Product.REDIS_PUBSUB);
        assertThat(r.backpressure()).startsWith("disconnect").contains("client-output-buffer-limit pubsub (32 MiB");
        assertThat(r.facts()).contains("redis.pubsub-buffer");
        assertThat(markdown(presence)).doesNotContain("disks (");
        Recommendation queue = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(queue.backpressure()).doesNotContain("client-output-buffer-limit");
    }
}
