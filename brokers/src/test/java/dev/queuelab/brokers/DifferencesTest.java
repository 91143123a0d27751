package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Anomaly;
import org.junit.jupiter.api.Test;

class DifferencesTest {

    @Test
    void shouldCiteAVendorPageForEveryKnownDifference() {
        assertThat(Differences.ALL)
                .allSatisfy(d -> assertThat(d.source()).as(d.what()).startsWith("https://"))
                .allSatisfy(d -> assertThat(d.broker()).isIn(Brokers.names()));
    }

    @Test
    void shouldClassifyAnAnomalyNoRowNamesAsABug() {
        Anomaly lost = new Anomaly("lost", "I1", "m1 never came back", 3);
        assertThat(Differences.classify("sqs", lost)).isEqualTo(Kind.BUG);
        assertThat(Differences.classify("kafka", lost)).isEqualTo(Kind.BUG);
    }

    @Test
    void shouldTellALoosenessFromADepartureByTheEvidence() {
        Anomaly staleDelete = new Anomaly("stale-ack-accepted", "I3", "A acked m1 with an old receipt", 4);
        Anomaly staleChange =
                new Anomaly("stale-ack-accepted", "I3", "A changed the visibility of m1 after its deadline", 4);
        assertThat(Differences.classify("sqs", staleDelete)).isEqualTo(Kind.DOCUMENTED_LOOSENESS);
        assertThat(Differences.classify("sqs", staleChange)).isEqualTo(Kind.VENDOR_DEPARTURE);
        assertThat(Differences.classify("kafka", staleDelete))
                .as("another broker's row")
                .isEqualTo(Kind.BUG);
    }

    @Test
    void shouldHaveNoKafkaDifferenceBeingAlignedWhenTheReferenceFollowsKafka() {
        assertThat(Differences.ALL.stream().filter(d -> d.kind() == Differences.BEING_ALIGNED))
                .as("the transaction timeout, the commit from no member and the first sequence are the reference's now")
                .isEmpty();
    }

    @Test
    void shouldClassifyAnEmptyReceiveAfterAFifoDeadLetteringAsTheShortPollsLooseness() {
        Anomaly missing = new Anomaly(
                "missing-redelivery",
                "I5",
                "m1 was received by A at t=16s, hidden until t=19s and never acked; at t=20s A asked for up to 1 and"
                        + " got 0, without m1",
                29);
        assertThat(Differences.classify("sqs", missing)).isEqualTo(Kind.DOCUMENTED_LOOSENESS);
        assertThat(Differences.classify("kafka", missing)).as("SQS's row only").isEqualTo(Kind.BUG);
    }
}
