package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import dev.queuelab.api.log.ProducerRecord;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments and retention, one rule per test: L4 (roll) and L5 (whole segments, from the oldest). */
class RetentionTest extends LogFixture {

    /** Records of 10 bytes (a 10-character value), so sizes are easy to count. */
    private static final String TEN = "0123456789";

    private Partition partition(LogConfig config) {
        return new Partition(0, config, LogRules.REFERENCE);
    }

    private static void appendTen(Partition p, java.time.Instant at) {
        p.append(new ProducerRecord(null, TEN, Map.of()), at, -1, false);
    }

    @Test
    void shouldRollWhenTheNextRecordWouldPassSegmentBytes() {
        Partition p = partition(LogConfig.of(1).withSegmentBytes(25));
        for (int i = 0; i < 5; i++) {
            appendTen(p, clock.instant());
        }
        assertThat(p.segmentBaseOffsets())
                .as("L4: 10 + 10 fit in 25 bytes, a third record rolls")
                .containsExactly(0L, 2L, 4L);
    }

    @Test
    void shouldRollWhenTheActiveSegmentIsOlderThanSegmentAge() {
        Partition p = partition(LogConfig.of(1).withSegmentAge(Duration.ofMinutes(10)));
        appendTen(p, clock.instant());
        appendTen(p, clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(p.segmentCount())
                .as("L4: exactly segment.ms old is not yet more than it")
                .isEqualTo(1);
        appendTen(p, clock.instant().plus(Duration.ofMinutes(10)).plusMillis(1));
        assertThat(p.segmentBaseOffsets())
                .as("L4: a record after segment.ms rolls a new segment")
                .containsExactly(0L, 2L);
    }

    @Test
    void shouldDeleteWholeSegmentsAndMoveTheLogStartWhenTheyAreOlderThanRetention() {
        KafkaLog log = log(LogConfig.of(1).withSegmentBytes(20).withRetentionTime(Duration.ofHours(1)));
        append(log, 0, TEN);
        append(log, 0, TEN); // segment [0, 2)
        clock.advance(Duration.ofMinutes(30));
        append(log, 0, TEN); // segment [2, 3), the active one
        clock.advance(Duration.ofMinutes(30));
        assertThat(log.logStartOffset(0))
                .as("L5: exactly retention.ms old is kept")
                .isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(log.logStartOffset(0))
                .as("L5: segment [0, 2) is past retention and goes whole")
                .isEqualTo(2);
        assertThat(values(log.read(0, 2, 10)))
                .as("L5: the younger segment stays")
                .containsExactly(TEN);
        assertThat(log.highWatermark(0))
                .as("L5: retention never moves the high watermark")
                .isEqualTo(3);
    }

    @Test
    void shouldRollAndDeleteTheActiveSegmentWhenAllOfItIsPastRetention() {
        KafkaLog log = log(LogConfig.of(1).withRetentionTime(Duration.ofHours(1)));
        append(log, 0, "a");
        append(log, 0, "b");
        clock.advance(Duration.ofHours(2));
        assertThat(log.logStartOffset(0))
                .as("L5: the expired active segment is gone")
                .isEqualTo(2);
        assertThat(append(log, 0, "c"))
                .as("L1, L5: offsets carry on from the high watermark, never reused")
                .isEqualTo(2);
    }

    @Test
    void shouldDeleteTheOldestSegmentsWhileTheRestStillHoldsRetentionBytes() {
        KafkaLog log = log(LogConfig.of(1).withSegmentBytes(20).withRetentionBytes(30));
        for (int i = 0; i < 6; i++) {
            append(log, 0, TEN); // three segments of 20 bytes: [0, 2), [2, 4), [4, 6)
        }
        assertThat(log.logStartOffset(0))
                .as("L5: 60 bytes, 40 without the oldest >= 30: it goes; 20 < 30: stop")
                .isEqualTo(2);
        assertThat(log.read(0, 2, 10).records())
                .as("L5: whole segments only, never part of one")
                .hasSize(4);
    }

    @Test
    void shouldRefuseAReadWhenTheOffsetWasDeletedByRetention() {
        KafkaLog log = log(LogConfig.of(1).withRetentionTime(Duration.ofMinutes(1)));
        append(log, 0, "old");
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> log.read(0, 0, 1))
                .as("L3, L5: nothing below the log start offset is served")
                .isInstanceOf(OffsetOutOfRangeException.class)
                .hasMessageContaining("1 to 1");
    }

    @Test
    void shouldDeleteAnOpenTransactionsSegmentsAndMoveItsFirstUnstableOffsetUpWhenTheyArePastRetention() {
        KafkaLog log = log(LogConfig.of(1)
                .withSegmentBytes(1)
                .withRetentionTime(Duration.ofMinutes(1))
                .withTransactionTimeout(Duration.ofMinutes(5))); // L15: open longer than retention, not than this
        append(log, 0, "plain");
        var tx = log.initTransactions("t");
        log.beginTransaction(tx);
        log.append(tx, 0, 0, new ProducerRecord(null, "open", Map.of()));
        append(log, 0, "later");
        clock.advance(Duration.ofMinutes(2));
        assertThat(log.logStartOffset(0))
                .as("L5: retention is bounded by the high watermark (3), not by the open transaction at 1")
                .isEqualTo(3);
        assertThat(log.lastStableOffset(0))
                .as("L6: the open transaction's first offset is gone: the first unstable offset moves up to 3")
                .isEqualTo(3);
        assertThat(log.read(0, 3, 10, IsolationLevel.READ_COMMITTED).records())
                .as("L6: read_committed still stops at the open transaction")
                .isEmpty();
        log.commitTransaction(tx);
        assertThat(log.lastStableOffset(0))
                .as("L6: its marker at 3 ends it: the high watermark, 4")
                .isEqualTo(4);
    }

    @Test
    void shouldKeepEverythingWhenRetentionIsForeverAndUnlimited() {
        KafkaLog log = log(LogConfig.of(1).withSegmentBytes(1).withRetentionTime(LogConfig.FOREVER));
        append(log, 0, "a");
        append(log, 0, "b");
        clock.advance(Duration.ofDays(3650));
        assertThat(log.logStartOffset(0))
                .as("L5: no limit, nothing deleted after ten years")
                .isZero();
    }
}
