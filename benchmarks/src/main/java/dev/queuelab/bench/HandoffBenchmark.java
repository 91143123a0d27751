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
 * One producer hands messages to one consumer on another thread, one message at a time, through a bounded
 * buffer of 1024.
 *
 * <pre>
 *   producer thread                                    consumer thread
 *   ┌──────────┐  offer / send   ┌────────────────┐  poll / receive(1)+ack  ┌──────────┐
 *   │   put    │ ──────────────► │ 1024 in transit │ ─────────────────────► │   take   │
 *   └──────────┘  spin if full   └────────────────┘  spin if empty          └──────────┘
 * </pre>
 *
 * Measures messages per second taken by the consumer ({@code messages}). Baseline: {@code ArrayBlockingQueue}.
 * The JDK queues, the Disruptor (an {@code EventPoller} pulled from the consumer thread, its handler made
 * once) and the work queue (a receive and an ack per message, 30 s visibility, maxReceives 10) all pay the
 * same spinning. With one message per call, a lock handed between two threads on a shared 2-core machine
 * measures the scheduler as much as the queue; so, with ten a call, does {@link BatchHandoffBenchmark}: the
 * one-thread {@link CycleBenchmark} and {@link BatchCycleBenchmark} are the figures goals are judged on.
 * Counters: see {@link Handoffs}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class HandoffBenchmark {

    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "ConcurrentLinkedQueue", "Disruptor", "WorkQueue"})
    public String impl;

    private Handoffs.Channel channel;

    @Setup(Level.Iteration)
    public void setUp() {
        channel = Handoffs.channel(impl);
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public void put(Control control, Handoffs.ProducerCounters counters) {
        Handoffs.put(channel, control, counters);
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public int take(Control control, Handoffs.Consumed consumed, Handoffs.ConsumerCounters counters) {
        return Handoffs.take(channel, 1, control, consumed, counters);
    }
}
