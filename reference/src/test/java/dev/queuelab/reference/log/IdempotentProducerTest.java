package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.UnknownProducerIdException;
import org.junit.jupiter.api.Test;

/** The idempotent producer, one rule per test: L12 (once per sequence, no gap, old epochs fenced). */
class IdempotentProducerTest extends LogFixture {

    private final KafkaLog log = log(LogConfig.of(2));
    private final ProducerIdAndEpoch producer = log.initProducerId();

    private AppendOutcome send(ProducerIdAndEpoch p, int partition, int sequence, String value) {
        return log.append(p, partition, sequence, ProducerRecord.of("k", value));
    }

    @Test
    void shouldWriteOnceAndNameTheOriginalOffsetWhenAnAppendIsRetried() {
        send(producer, 0, 0, "a");
        AppendOutcome first = send(producer, 0, 1, "b");
        AppendOutcome retry = send(producer, 0, 1, "b");
        assertThat(retry)
                .as("L12: the retry of sequence 1 is the append at offset %d", first.offset())
                .isEqualTo(AppendOutcome.duplicateOf(0, first.offset()));
        assertThat(values(log.read(0, 0, 10))).as("L12: written once").containsExactly("a", "b");
    }

    @Test
    void shouldRecogniseARetryWhenItIsAmongTheLastFiveSequences() {
        for (int seq = 0; seq < 7; seq++) {
            send(producer, 0, seq, "v" + seq);
        }
        assertThat(send(producer, 0, 2, "v2"))
                .as("L12: sequence 2 is one of the last five (2..6)")
                .isEqualTo(AppendOutcome.duplicateOf(0, 2));
        assertThat(send(producer, 0, 1, "v1").status())
                .as("L12: sequence 1 is forgotten: refused, not written again")
                .isEqualTo(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
        assertThat(log.highWatermark(0)).isEqualTo(7);
    }

    @Test
    void shouldRefuseAnAppendWhenItsSequenceSkipsAhead() {
        send(producer, 0, 0, "a");
        assertThat(send(producer, 0, 2, "c"))
                .as("L12: sequence 1 is missing: a gap is refused")
                .isEqualTo(AppendOutcome.refused(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE, 0));
        assertThat(send(producer, 0, 1, "b").status())
                .as("L12: the missing one is still welcome")
                .isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(log.highWatermark(0)).isEqualTo(2);
    }

    @Test
    void shouldAcceptAnyFirstSequenceWhenTheProducerHasNoStateOnThePartition() {
        assertThat(send(producer, 0, 5, "a").status())
                .as("L12: the producer has written nothing to p0: sequence 5 may open it, as Kafka accepts")
                .isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(send(producer, 0, 7, "c").status())
                .as("L12: after 5, sequence 6 is missing: a gap is refused")
                .isEqualTo(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
        assertThat(send(producer, 0, 6, "b").status()).as("L12: the next").isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(send(producer, 0, 5, "a"))
                .as("L12: and the first is remembered for its retry")
                .isEqualTo(AppendOutcome.duplicateOf(0, 0));
        assertThat(send(producer, 1, 3, "d").status())
                .as("L12: no state on p1 either: any first sequence")
                .isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(values(log.read(0, 0, 10))).containsExactly("a", "b");
    }

    @Test
    void shouldStartEachPartitionAtSequenceZeroWhenOneProducerWritesToSeveral() {
        send(producer, 0, 0, "a");
        send(producer, 0, 1, "b");
        assertThat(send(producer, 1, 0, "c").status())
                .as("L12: sequences are counted per partition")
                .isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(log.initProducerId().producerId())
                .as("L12: each producer gets its own id")
                .isNotEqualTo(producer.producerId());
    }

    @Test
    void shouldFenceAnOlderEpochWhenTheTransactionalIdWasInitialisedAgain() {
        ProducerIdAndEpoch zombie = log.initTransactions("payments");
        ProducerIdAndEpoch current = log.initTransactions("payments");
        log.beginTransaction(current);
        assertThat(current.epoch()).as("L13: the same id, one epoch up").isEqualTo((short) (zombie.epoch() + 1));
        assertThat(send(zombie, 0, 0, "late").status())
                .as("L12: epoch %d is older than %d", zombie.epoch(), current.epoch())
                .isEqualTo(AppendOutcome.Status.PRODUCER_FENCED);
        assertThat(send(current, 0, 0, "fresh").status())
                .as("L12: the new epoch starts at sequence 0")
                .isEqualTo(AppendOutcome.Status.APPENDED);
        assertThat(values(log.read(0, 0, 10))).containsExactly("fresh");
    }

    @Test
    void shouldStartAgainAtSequenceZeroWhenTheEpochIsNew() {
        ProducerIdAndEpoch before = log.initTransactions("orders");
        log.beginTransaction(before);
        log.append(before, 0, 0, ProducerRecord.of("k", "a"));
        log.append(before, 0, 1, ProducerRecord.of("k", "b"));
        ProducerIdAndEpoch after = log.initTransactions("orders");
        log.beginTransaction(after);
        assertThat(log.append(after, 0, 2, ProducerRecord.of("k", "c")).status())
                .as("L12: epoch %d has written nothing yet: sequence 2 is a gap", after.epoch())
                .isEqualTo(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
        assertThat(log.append(after, 0, 0, ProducerRecord.of("k", "c")).status())
                .as("L12: a new epoch starts at 0, and 0 is not a duplicate of epoch %d's 0", before.epoch())
                .isEqualTo(AppendOutcome.Status.APPENDED);
    }

    @Test
    void shouldNameTheFixWhenTheProducerIdOrEpochOrSequenceIsUnknown() {
        assertThatThrownBy(() -> send(new ProducerIdAndEpoch(42, (short) 0), 0, 0, "x"))
                .isInstanceOf(UnknownProducerIdException.class)
                .hasMessageContaining("producer id 42")
                .hasMessageContaining("initProducerId()");
        assertThatThrownBy(() -> send(new ProducerIdAndEpoch(producer.producerId(), (short) 3), 0, 0, "x"))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("epoch 3")
                .hasMessageContaining("0 to 0");
        assertThatThrownBy(() -> send(producer, 0, -1, "x")).hasMessageContaining("sequence -1");
    }
}
