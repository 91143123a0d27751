package dev.queuelab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * A partitioned log as a handoff: one writer appends to a partition, one reader tails it (reads on from where
 * its last read ended, up to 500 records, Kafka's max.poll.records), beside the same handoff through the
 * Disruptor and {@code ArrayBlockingQueue}, each taking up to 500 per call.
 *
 * <pre>
 *   writer thread                                       reader thread
 *   ┌──────────┐  append(0, record)  ┌──────────────────────────────┐  read(0, position, 500)  ┌──────┐
 *   │   put    │ ──────────────────► │ partition 0: segments, offsets │ ───────────────────────► │ take │
 *   └──────────┘  spin if 1024 ahead └──────────────────────────────┘  spin if nothing new     └──────┘
 * </pre>
 *
 * Measures records per second read by the tailing reader ({@code messages}). Baseline: the Disruptor. The
 * writer stays at most 1024 records ahead of the reader, as the other channels' capacity bounds them; the log
 * keeps what it was given (8 MiB of 1 MiB segments), so a read never misses a record. Counters: see
 * {@link Handoffs}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class LogTailBenchmark {

    static final int BATCH = 500;

    @Param({"Disruptor", "ArrayBlockingQueue-drainTo", "KafkaLog"})
    public String impl;

    private Handoffs.Channel channel;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = Handoffs.channel(impl);
    }

    @Benchmark
    @Group("tail")
    @GroupThreads(1)
    public void put(Control control, Handoffs.ProducerCounters counters) {
        Handoffs.put(channel, control, counters);
    }

    @Benchmark
    @Group("tail")
    @GroupThreads(1)
    public int take(Control control, Handoffs.Consumed consumed, Handoffs.ConsumerCounters counters) {
        return Handoffs.take(channel, BATCH, control, consumed, counters);
    }
}
