package dev.queuelab.bench;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a producer waits for "durable" under group commit: each thread sends one 100-byte record and waits
 * for its acknowledgement, with 1 and with 8 producer threads sharing one partition.
 *
 * <pre>
 *   producer 1..8 ──send──► .log ─┐
 *                                 ├── one force per batch (64 KiB, or 1 ms linger run by a scheduler thread)
 *   producer waits ◄──── ack ─────┘
 * </pre>
 *
 * JMH sample mode: the distribution of single calls (p50, p99 in JMH's output). With one producer, each batch
 * holds one record and waits out the linger; with eight, a force covers the records of every producer waiting.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DurableLogLatencyBenchmark {

    private Path dir;
    private DurableKafkaLog log;
    private ScheduledExecutorService linger;
    private final ProducerRecord record = new ProducerRecord(null, "x".repeat(100), Map.of());

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Path.of(System.getProperty("queuelab.bench.dir", ".queuelab/bench-durable"))
                .resolve("latency");
        DurableLogBenchmark.delete(dir);
        Files.createDirectories(dir);
        linger = Executors.newSingleThreadScheduledExecutor();
        FlushScheduler scheduler = (delay, task) -> linger.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        log = DurableKafkaLog.open(
                dir,
                "bench",
                LogConfig.of(1).withSegmentBytes(32L << 20).withRetentionBytes(96L << 20),
                FlushPolicy.groupCommit(64 << 10, Duration.ofMillis(1)),
                TickingClock.shared(),
                scheduler);
    }

    @Benchmark
    @Threads(1)
    public AppendOutcome durableAppend1Producer() throws Exception {
        return log.send(0, record).get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @Threads(8)
    public AppendOutcome durableAppend8Producers() throws Exception {
        return log.send(0, record).get(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        log.close();
        linger.shutdownNow();
        linger.awaitTermination(5, TimeUnit.SECONDS);
        DurableLogBenchmark.delete(dir);
    }
}
