package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerRecord;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The judge's rules can each fail, and a breach is counted, never thrown: proven on logs that break one rule each. */
class JudgeTest {

    static final Instant T0 = SimClock.EPOCH;

    /** A one-partition log that holds {@code records} from {@code start}, and throws when asked for {@code hole}. */
    static PartitionedLog log(long start, List<ConsumerRecord> records, long hole, OptionalLong committed) {
        return (PartitionedLog) Proxy.newProxyInstance(
                JudgeTest.class.getClassLoader(), new Class<?>[] {PartitionedLog.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "config":
                            return LogConfig.of(1);
                        case "logStartOffset":
                            return start;
                        case "highWatermark":
                            return start + records.size();
                        case "committed":
                            return committed;
                        case "read":
                            long from = (Long) args[1];
                            if (from == hole) {
                                throw new IllegalStateException("no record at " + from);
                            }
                            ConsumerRecord r = records.get((int) (from - start));
                            return new FetchResult(
                                    0, List.of(r), from + 1, start, start + records.size(), start + records.size());
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    static ConsumerRecord written(long o) {
        ProducerRecord p = TrialRecords.expected(7, 0, o);
        return new ConsumerRecord(0, o, T0.plusMillis(o), p.key(), p.value(), p.headers());
    }

    static Judge.Promises promised(Set<Long> offsets, Map<Integer, Long> committed, boolean expired) {
        return new Judge.Promises(
                Map.of(0, offsets), new long[] {Long.MAX_VALUE}, new long[1], committed, "g", (p, o) -> expired);
    }

    @Test
    void shouldCountAHoleWhenAReadBelowTheHighWatermarkThrows() {
        PartitionedLog log = log(0, List.of(written(0), written(1), written(2)), 1, OptionalLong.empty());
        Judge.Verdict v = Judge.judge(log, (p, o) -> written(o), promised(Set.of(), Map.of(), false));
        assertThat(v.count(CrashRule.NOT_DENSE)).as("R3 counted, not thrown").isEqualTo(1);
        assertThat(v.first().evidence()).contains("threw reading offset 1");
    }

    @Test
    void shouldCatchARecordServedWithAnotherTimestampWhenEveryOtherFieldMatches() {
        ConsumerRecord stale = written(1);
        stale = new ConsumerRecord(0, 1, T0.minusSeconds(5), stale.key(), stale.value(), stale.headers());
        PartitionedLog log = log(0, List.of(written(0), stale), -1, OptionalLong.empty());
        Judge.Verdict v = Judge.judge(log, (p, o) -> written(o), promised(Set.of(), Map.of(), false));
        assertThat(v.count(CrashRule.CORRUPT)).isEqualTo(1);
        assertThat(v.first().evidence()).contains("timestamp");
    }

    @Test
    void shouldCatchAnOldestSegmentLostWhenRetentionCouldNotHaveTakenIt() {
        PartitionedLog log = log(2, List.of(written(2)), -1, OptionalLong.empty());
        Judge.Verdict lost = Judge.judge(log, (p, o) -> written(o), promised(Set.of(0L, 1L, 2L), Map.of(), false));
        assertThat(lost.count(CrashRule.LOST)).as("R1 below the log start").isEqualTo(2);
        Judge.Verdict expired = Judge.judge(log, (p, o) -> written(o), promised(Set.of(0L, 1L, 2L), Map.of(), true));
        assertThat(expired.clean()).as("retention was entitled to delete them").isTrue();
    }

    @Test
    void shouldCatchACommitThatReturnedAndIsGoneOrAheadOfTheLog() {
        PartitionedLog gone = log(0, List.of(written(0)), -1, OptionalLong.empty());
        assertThat(Judge.judge(gone, (p, o) -> written(o), promised(Set.of(), Map.of(0, 1L), false))
                        .count(CrashRule.COMMIT_LOST))
                .isEqualTo(1);
        PartitionedLog ahead = log(0, List.of(written(0)), -1, OptionalLong.of(5));
        assertThat(Judge.judge(ahead, (p, o) -> written(o), promised(Set.of(), Map.of(0, 5L), false))
                        .count(CrashRule.COMMIT_AHEAD))
                .isEqualTo(1);
    }
}
