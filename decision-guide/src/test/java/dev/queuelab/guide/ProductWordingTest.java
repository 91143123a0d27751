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
}
