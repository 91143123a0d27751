package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A record speaks of the chosen product in its own words, and of no other product's: each test renders a record
 * where a wording must appear and the nearest record where it must not.
 */
class ProductWordingTest {

    private static String markdown(Answers a) {
        return Documents.markdown(a, Recommender.recommend(a), LocalDate.of(2026, 11, 28));
    }

    @Test
    void shouldCallAnOrderedLogAPartitionedLogWhenKafkaCarriesIt() {
        // the reviewer's file 06: "Use fifo work queue (message groups)" on an Apache Kafka record
        Answers onKafka = TestAnswers.with(
                "ordering", "global", "platform", "any", "ops-appetite", "high", "throughput-per-second", "100000");
        Recommendation kafka = Recommender.recommend(onKafka);
        assertThat(kafka.product()).isEqualTo(Product.KAFKA);
        assertThat(kafka.topology()).isEqualTo(Topology.PARTITIONED_LOG);
        assertThat(markdown(onKafka))
                .contains("# Use a partitioned log (Apache Kafka) for distributing work")
                .doesNotContain("fifo work queue")
                .doesNotContain("FIFO work queue");
        Answers onSqs = TestAnswers.with("ordering", "global", "platform", "aws", "throughput-per-second", "100");
        assertThat(Recommender.recommend(onSqs).topology()).isEqualTo(Topology.FIFO_WORK_QUEUE);
        assertThat(markdown(onSqs)).contains("# Use a FIFO work queue (Amazon SQS FIFO) for distributing work");
    }

    @Test
    void shouldOfferNeitherAcksNorReplaysNorMirrorMakerWhenRedisPubSubCarriesTheEvents() {
        // the reviewer's file 11: "acknowledge before processing", "receive-and-ack-only access" and "MirrorMaker 2
        // ... plan for replays" on Redis pub/sub, which has no acks, stores nothing and is not Kafka
        Answers presence = TestAnswers.with("shape", "broadcast", "subscribers", "3", "semantic", "at-most-once");
        assertThat(Recommender.recommend(presence).product()).isEqualTo(Product.REDIS_PUBSUB);
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
        assertThat(Recommender.recommend(rabbit).product()).isEqualTo(Product.RABBITMQ_QUORUM);
        String rabbitRecord = markdown(rabbit);
        assertThat(rabbitRecord.substring(rabbitRecord.indexOf("### Multi-region")))
                .doesNotContain("MirrorMaker")
                .doesNotContain("plan for replays")
                .contains("federation or shovels")
                .contains("Nothing can be replayed");
        Answers kafka = TestAnswers.with(
                "replay", "true", "platform", "self-hosted", "ops-appetite", "high", "throughput-per-second", "5000");
        assertThat(Recommender.recommend(kafka).product()).isEqualTo(Product.KAFKA);
        assertThat(markdown(kafka)).contains("MirrorMaker 2").doesNotContain("shovel");
    }
}
