package dev.queuelab.bench;

import java.util.concurrent.TimeUnit;
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
 * The tailing handoff's work without the scheduler: one thread appends a batch of {@value #BATCH} records,
 * then reads them on from where its last read ended, as a tailing consumer does, through the same channels as
 * {@link LogTailBenchmark}.
 *
 * <pre>
 *   ┌──────────────────── one thread ────────────────────┐
 *   │ append x500 ──► [log partition | ring | queue] ──► read up to 500 │   repeat
 *   └────────────────────────────────────────────────────┘
 * </pre>
 *
 * Measures records per second through the channel. Baseline: the Disruptor (publish into preallocated slots,
 * poll with a handler made once). With two threads on two shared cores, the handoff measures whether both
 * threads run at once more than what a record costs: the Disruptor's forks there are 4 M or 55 M records/s
 * depending on where the scheduler put its threads. One thread takes that out, so this is the benchmark the
 * tail's goal is judged on. Counter: {@code unread} (a read that found nothing while records were waiting)
 * must stay 0. {@code KafkaLog-apiObjects}, run by name (it is not in the default list), is the floor of any log
 * behind the api: every object the api's calls make, records kept in a ring, and no log.
 *
 * <p>Forks run with {@code -Xbatch}, as {@link CycleBenchmark}'s do: without it the log's bytes per record
 * depended on what the background compiler had inlined when the fork measured, from 61 to 157 B across the
 * twenty forks of two goals runs (six at 157, six at 125, the rest between); with it, 157 B in all twenty of
 * the next two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xbatch"})
public class TailCycleBenchmark {

    static final int BATCH = 500;

    @Param({"Disruptor", "ArrayBlockingQueue-drainTo", "KafkaLog"})
    public String impl;

    private Handoffs.Channel channel;
    private final Handoffs.ConsumerCounters consumer = new Handoffs.ConsumerCounters();

    @Setup(Level.Iteration)
    public void setUp() {
        channel = Handoffs.channel(impl);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int appendThenRead(Handoffs.Unread unread) {
        return Handoffs.offerThenPoll(channel, BATCH, unread, consumer);
    }
}
