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
 * The handoff as SQS consumers use it: the consumer takes up to 10 messages per call, as a long-polling
 * consumer does with {@code ReceiveMessage(MaxNumberOfMessages=10)}, then acks each, or acks them in one
 * {@code ackBatch} (SQS's DeleteMessageBatch). The producer still sends one at a time.
 *
 * <pre>
 *   producer thread                                    consumer thread
 *   ┌──────────┐  offer / send   ┌────────────────┐  drainTo(10) / receive(10) + ack each or ackBatch
 *   │   put    │ ──────────────► │ 1024 in transit │ ──────────────────────────────────────────► take
 *   └──────────┘  spin if full   └────────────────┘  spin if empty
 * </pre>
 *
 * Measures messages per second taken by the consumer ({@code messages}). Baseline:
 * {@code ArrayBlockingQueue.drainTo(buffer, 10)}, the JDK's batched take (one lock per batch); the Disruptor
 * polls up to 10 per call. Counters: see {@link Handoffs}. {@code ArrayBlockingQueue-apiObjects}, run by name (it is
 * not in the default list), is the floor of any work queue behind the api: the same messages through an
 * {@code ArrayBlockingQueue}, with every object the api's calls hand back and no bookkeeping. Context, not a
 * goal: on two shared cores ten a call still leaves the score to the scheduler (one run's rounds gave the work
 * queue 0.09x to 0.73x of {@code drainTo}), so the batched path's goal is judged in one thread, on {@link
 * BatchCycleBenchmark}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class BatchHandoffBenchmark {

    static final int BATCH = 10;

    @Param({"ArrayBlockingQueue-drainTo", "Disruptor", "WorkQueue-ackEach", "WorkQueue-ackBatch"})
    public String impl;

    private Handoffs.Channel channel;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = Handoffs.channel(impl);
    }

    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public void put(Control control, Handoffs.ProducerCounters counters) {
        Handoffs.put(channel, control, counters);
    }

    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public int take(Control control, Handoffs.Consumed consumed, Handoffs.ConsumerCounters counters) {
        return Handoffs.take(channel, BATCH, control, consumed, counters);
    }
}
