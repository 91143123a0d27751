package dev.queuelab.bench;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.KafkaLog;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a consumer group costs the log: one writer appends a batch of 100 records to one partition, then each
 * of 1 or 8 consumer groups reads them from its own position and commits where it got to, in one thread.
 *
 * <pre>
 *   append x100 ──► partition 0 [ ... r r r r ... ] ◄── group 1: read(0, its position, 500), commit
 *                                                  ◄── group 2: read, commit      ... up to group 8
 * </pre>
 *
 * Measures records appended (and read by every group) per second. Baseline: 1 group. The groups share the
 * records (a read hands out the log's own record objects, copying nothing), so 8 groups should cost far less
 * than 8 times one: the goal is at most 2x, 0.5x the throughput. The members join once per iteration and
 * need no heartbeat: an iteration is far shorter than the 45 s session timeout. Counters: {@code unread} and
 * {@code refusedCommits} must stay 0.
 *
 * <p>Forks run with {@code -Xbatch}, as {@link CycleBenchmark}'s do: without it the bytes per record depended on
 * what the background compiler had inlined when the fork measured (one group 63 – 135 B, eight 134 – 209 B
 * across the twenty forks of two goals runs); with it, over the twenty forks of the next two, one group 64 B in
 * all, eight groups 135 B in 15 and 167 B in 5.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xbatch"})
public class LogGroupsBenchmark {

    static final int BATCH = 100;

    @Param({"1", "8"})
    public int groups;

    private final ProducerRecord record = new ProducerRecord(null, "payload", Map.of());
    private PartitionedLog log;
    private String[] names;
    private long[] position;
    private int[] generation;

    /** Both must stay 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        /** Reads that did not return the whole batch just appended. */
        public long unread;
        /** Commits the log refused (a member fenced or expired). */
        public long refusedCommits;
    }

    @Setup(Level.Iteration)
    public void setUp() {
        log = new KafkaLog(
                LogConfig.of(1).withSegmentBytes(1 << 20).withRetentionBytes(8 << 20), TickingClock.shared());
        names = new String[groups];
        position = new long[groups];
        generation = new int[groups];
        for (int g = 0; g < groups; g++) {
            names[g] = "group-" + g;
            Assignment a = log.join(names[g], "member");
            generation[g] = a.generation();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendThenEveryGroupReads(Counters counters) {
        for (int i = 0; i < BATCH; i++) {
            log.append(0, record);
        }
        long read = 0;
        for (int g = 0; g < groups; g++) {
            FetchResult got = log.read(0, position[g], 500, IsolationLevel.READ_UNCOMMITTED);
            position[g] = got.nextOffset();
            read += got.records().size();
            if (got.records().size() != BATCH) {
                counters.unread++;
            }
            if (log.commit(names[g], "member", generation[g], 0, position[g]) != CommitOutcome.COMMITTED) {
                counters.refusedCommits++;
            }
        }
        return read;
    }
}
