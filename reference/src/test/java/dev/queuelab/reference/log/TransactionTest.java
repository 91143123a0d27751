package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.InvalidTxnStateException;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.LogFacts;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transactions, one rule per test: L6 (last stable offset), L11 (aborted records), L13, L14, L15 (the timeout). */
class TransactionTest extends LogFixture {

    private static final IsolationLevel COMMITTED = IsolationLevel.READ_COMMITTED;
    private static final IsolationLevel UNCOMMITTED = IsolationLevel.READ_UNCOMMITTED;

    private final KafkaLog log = log(LogConfig.of(2));
    private final ProducerIdAndEpoch tx = log.initTransactions("tx-1");

    private void send(int partition, int sequence, String value) {
        assertThat(log.append(tx, partition, sequence, ProducerRecord.of("k", value))
                        .written())
                .isTrue();
    }

    @Test
    void shouldStopReadCommittedAtTheFirstOffsetOfAnOpenTransaction() {
        append(log, 0, "before");
        log.beginTransaction(tx);
        send(0, 0, "in-tx");
        append(log, 0, "after");
        assertThat(log.lastStableOffset(0))
                .as("L6: the open transaction began at offset 1")
                .isEqualTo(1);
        FetchResult fetch = log.read(0, 0, 10, COMMITTED);
        assertThat(values(fetch))
                .as("L6: read_committed stops before the open transaction, even for 'after'")
                .containsExactly("before");
        assertThat(fetch.nextOffset()).as("L6: and resumes there").isEqualTo(1);
        assertThat(values(log.read(0, 0, 10, UNCOMMITTED)))
                .as("L6: read_uncommitted reads to the high watermark")
                .containsExactly("before", "in-tx", "after");
        assertThat(log.offsetFor(0, Seek.latest(), COMMITTED))
                .as("L6: latest under read_committed is the LSO")
                .isEqualTo(1);
    }

    @Test
    void shouldHoldTheLastStableOffsetAtTheTransactionsFirstRecordWhenItWritesAgain() {
        log.beginTransaction(tx);
        send(0, 0, "first");
        append(log, 0, "plain");
        send(0, 1, "second");
        assertThat(log.lastStableOffset(0))
                .as("L6: the transaction's first offset here, 0, not its latest, 2")
                .isZero();
        assertThat(log.read(0, 0, 10, COMMITTED).records())
                .as("L6: 'plain' waits behind the open transaction")
                .isEmpty();
    }

    @Test
    void shouldShowEveryPartitionsRecordsWhenTheTransactionCommits() {
        log.beginTransaction(tx);
        send(0, 0, "a");
        send(1, 0, "b");
        assertThat(log.commitTransaction(tx)).isEqualTo(TransactionOutcome.COMMITTED);
        assertThat(values(log.read(0, 0, 10, COMMITTED)))
                .as("L14: committed together, partition 0")
                .containsExactly("a");
        assertThat(values(log.read(1, 0, 10, COMMITTED)))
                .as("L14: committed together, partition 1")
                .containsExactly("b");
        assertThat(log.highWatermark(0))
                .as("a commit marker takes offset 1 of each partition it touched")
                .isEqualTo(2);
        assertThat(log.lastStableOffset(0))
                .as("L6: nothing open: the LSO is the high watermark")
                .isEqualTo(2);
        assertThat(List.of(log.highWatermark(1), log.lastStableOffset(1)))
                .as("L14: partition 1 has its marker too, and nothing is left open there")
                .containsExactly(2L, 2L);
    }

    @Test
    void shouldHideAbortedRecordsFromReadCommittedOnlyWhenTheTransactionAborts() {
        log.beginTransaction(tx);
        send(0, 0, "doomed");
        assertThat(log.abortTransaction(tx)).isEqualTo(TransactionOutcome.ABORTED);
        append(log, 0, "plain");
        FetchResult committed = log.read(0, 0, 10, COMMITTED);
        assertThat(values(committed))
                .as("L11: read_committed never returns an aborted record")
                .containsExactly("plain");
        assertThat(offsets(committed))
                .as("L11: the aborted record and the marker leave a gap")
                .containsExactly(2L);
        assertThat(values(log.read(0, 0, 10, UNCOMMITTED)))
                .as("L11: read_uncommitted shows it; markers never")
                .containsExactly("doomed", "plain");
    }

    @Test
    void shouldStepOverMarkersWhenNothingVisibleIsLeft() {
        log.beginTransaction(tx);
        send(0, 0, "x");
        log.abortTransaction(tx);
        FetchResult fetch = log.read(0, 0, 10, COMMITTED);
        assertThat(fetch.records()).isEmpty();
        assertThat(fetch.nextOffset())
                .as("L11: the next read starts past the aborted record and its marker")
                .isEqualTo(2);
    }

    @Test
    void shouldCommitTheOffsetsOnlyWhenTheTransactionCommits() {
        log.beginTransaction(tx);
        send(1, 0, "out");
        log.sendOffsetsToTransaction(tx, "g", Map.of(0, 5L));
        assertThat(log.committed("g", 0)).as("L14: offsets wait for the commit").isEmpty();
        log.abortTransaction(tx);
        assertThat(log.committed("g", 0)).as("L14: an abort drops them").isEmpty();
        log.beginTransaction(tx);
        send(1, 1, "out-again");
        assertThat(log.sendOffsetsToTransaction(tx, "g", Map.of(0, 5L))).isEqualTo(TransactionOutcome.OFFSETS_ADDED);
        log.commitTransaction(tx);
        assertThat(log.committed("g", 0)).as("L14: committed with the records").hasValue(5);
    }

    @Test
    void shouldAbortTheOldTransactionAndFenceTheZombieWhenTheIdIsInitialisedAgain() {
        log.beginTransaction(tx);
        send(0, 0, "half-done");
        ProducerIdAndEpoch next = log.initTransactions("tx-1");
        assertThat(values(log.read(0, 0, 10, COMMITTED)))
                .as("L13: the open transaction was aborted")
                .isEmpty();
        assertThat(log.lastStableOffset(0))
                .as("L13: and no longer holds the LSO back")
                .isEqualTo(2);
        assertThat(log.commitTransaction(tx))
                .as("L13: the old epoch is fenced")
                .isEqualTo(TransactionOutcome.PRODUCER_FENCED);
        assertThat(log.beginTransaction(tx)).isEqualTo(TransactionOutcome.PRODUCER_FENCED);
        assertThat(log.beginTransaction(next)).isEqualTo(TransactionOutcome.BEGUN);
    }

    @Test
    void shouldAbortAndFenceATransactionWhenItStaysOpenPastItsTimeout() {
        log.beginTransaction(tx);
        send(0, 0, "in-tx");
        clock.advance(LogFacts.TRANSACTION_TIMEOUT_DEFAULT);
        assertThat(log.lastStableOffset(0))
                .as("L15: open exactly %s since its first write: not yet past it", LogFacts.TRANSACTION_TIMEOUT_DEFAULT)
                .isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(log.lastStableOffset(0))
                .as("L15: past the timeout the coordinator aborts it: a marker at 1, the LSO moves up to 2")
                .isEqualTo(2);
        assertThat(log.read(0, 0, 10, COMMITTED).records())
                .as("L11: its record is aborted")
                .isEmpty();
        assertThat(log.commitTransaction(tx))
                .as("L15: the producer's epoch was raised: its late commit is fenced")
                .isEqualTo(TransactionOutcome.PRODUCER_FENCED);
        assertThat(log.beginTransaction(tx)).isEqualTo(TransactionOutcome.PRODUCER_FENCED);
        ProducerIdAndEpoch again = log.initTransactions("tx-1");
        assertThat(log.beginTransaction(again))
                .as("L13: a new instance starts over")
                .isEqualTo(TransactionOutcome.BEGUN);
    }

    @Test
    void shouldStartTheTimerAtTheFirstWriteWhenATransactionBeginsEarlier() {
        KafkaLog shortTimeout = log(LogConfig.of(1).withTransactionTimeout(Duration.ofSeconds(10)));
        ProducerIdAndEpoch p = shortTimeout.initTransactions("tx-2");
        shortTimeout.beginTransaction(p);
        clock.advance(Duration.ofSeconds(30));
        shortTimeout.append(p, 0, 0, ProducerRecord.of("k", "late-first"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(shortTimeout.commitTransaction(p))
                .as("L15: 10s since its first write is not past a 10s timeout (30s idle before it do not count)")
                .isEqualTo(TransactionOutcome.COMMITTED);
        assertThat(values(shortTimeout.read(0, 0, 10, COMMITTED))).containsExactly("late-first");
        assertThatThrownBy(() -> LogConfig.of(1).withTransactionTimeout(Duration.ofMinutes(16)))
                .hasMessageContaining("transactionTimeout")
                .hasMessageContaining("transaction.max.timeout.ms");
    }

    @Test
    void shouldNameTheFixWhenATransactionalCallIsOutOfOrder() {
        assertThatThrownBy(() -> log.append(tx, 0, 0, ProducerRecord.of("k", "v")))
                .isInstanceOf(InvalidTxnStateException.class)
                .hasMessageContaining("append by producer")
                .hasMessageContaining("call beginTransaction first");
        assertThatThrownBy(() -> log.commitTransaction(tx))
                .isInstanceOf(InvalidTxnStateException.class)
                .hasMessageContaining("commitTransaction");
        log.beginTransaction(tx);
        assertThatThrownBy(() -> log.beginTransaction(tx)).hasMessageContaining("already open");
        ProducerIdAndEpoch plain = log.initProducerId();
        assertThatThrownBy(() -> log.beginTransaction(plain)).hasMessageContaining("initTransactions(transactionalId)");
    }
}
