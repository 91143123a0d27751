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
 * The batched handoff's work without the scheduler: one thread sends {@value #BATCH} messages one at a time,
 * then takes them {@value #BATCH} per call, as a consumer with {@code ReceiveMessage(MaxNumberOfMessages=10)}
 * does, and acks each (or acks the batch in one {@code ackBatch}), through the same channels as {@link
 * BatchHandoffBenchmark}.
 *
 * <pre>
 *   ┌──────────────────────── one thread ────────────────────────┐
 *   │ offer / send x10 ──► [queue] ──► drainTo(10) / receive(10) + acks │   repeat
 *   └─────────────────────────────────────────────────────────────┘
 * </pre>
 *
 * Measures messages per second through the channel. Baseline: {@code ArrayBlockingQueue.drainTo(buffer, 10)}
 * after ten offers. With two threads on two shared cores, the batched handoff's forks ranged over a factor of
 * ten in one run (the producer and the consumer each wait out the other's time slices), so its ratio said more
 * about the scheduler than about the queue; one thread takes that out, so this is the benchmark the batched
 * path's goal is judged on, as {@link TailCycleBenchmark} is the tail's. Counters: {@code unread} (a take that
 * found nothing while messages were waiting), {@code redelivered} and {@code refused} must stay 0. {@code
 * ArrayBlockingQueue-apiObjects}, run by name (it is not in the default list), is the floor of any work queue
 * behind the api: every object the api's calls hand back, and no bookkeeping.
 *
 * <p>Forks run with {@code -Xbatch}, as {@link CycleBenchmark}'s do: what C2 inlines, and so which objects
 * escape analysis removes, follows the profile and not the moment the background compiler finished.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xbatch"})
public class BatchCycleBenchmark {

    static final int BATCH = BatchHandoffBenchmark.BATCH;

    @Param({"ArrayBlockingQueue-drainTo", "WorkQueue-ackEach", "WorkQueue-ackBatch"})
    public String impl;

    private Handoffs.Channel channel;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = Handoffs.channel(impl);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sendThenTake(Handoffs.Unread unread, Handoffs.ConsumerCounters counters) {
        return Handoffs.offerThenPoll(channel, BATCH, unread, counters);
    }
}
