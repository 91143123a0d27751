package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The uncontended cost of one message's round trip, in one thread: no waiting, only bookkeeping.
 *
 * <pre>
 *   ┌────────── one thread ──────────┐
 *   │ offer ──► [queue] ──► poll     │   baselines: the JDK's queues (ArrayDeque: no locking at all)
 *   │ send  ──► [work queue] ──► receive ──► ack   │   the work queue: a lease, a receipt, an ack
 *   └─────────────────────────────────┘
 * </pre>
 *
 * Measures round trips per second. Baseline: {@code ArrayBlockingQueue} offer+poll. The work queue's cycle
 * also builds the message (an id and a payload), as its callers do. It reads time from a millisecond-ticking
 * clock ({@link TickingClock}); {@code WorkQueue-systemClock} reads the system clock on every call instead, to
 * show what that costs. {@code ArrayBlockingQueue-apiObjects} measures the floor of the work queue's
 * allocation: an {@code ArrayBlockingQueue} that carries the same {@link Message} and builds, per round trip,
 * every object the api hands back (the send's outcome, the receipt, the delivery, the one-element list a
 * receive returns), each made to escape as the work queue's do; its bytes per round trip are what any queue
 * behind this api allocates before it keeps anything of its own. Counters: see {@link WorkQueueCounters}.
 * Forks run with {@code -Xbatch} (a thread that triggers a compilation waits for it): on shared cores the
 * background compiler otherwise finishes the work queue's cycle during some forks' measured iterations, and
 * a fork then scores its compilation, not its bookkeeping; every variant runs with it alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xbatch"})
public class CycleBenchmark {

    @Param({
        "ArrayBlockingQueue",
        "ArrayDeque",
        "LinkedBlockingQueue",
        "ConcurrentLinkedQueue",
        "WorkQueue",
        "WorkQueue-systemClock",
        "ArrayBlockingQueue-apiObjects"
    })
    public String impl;

    private Queue<Long> queue;
    private Queue<Message> messages;
    private WorkQueue workQueue;
    private long next;

    @Setup(Level.Iteration)
    public void setUp() {
        queue = switch (impl) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(1024);
            case "ArrayDeque" -> new ArrayDeque<>(1024);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(1024);
            case "ConcurrentLinkedQueue" -> new ConcurrentLinkedQueue<>();
            case "WorkQueue", "WorkQueue-systemClock", "ArrayBlockingQueue-apiObjects" -> null;
            default -> throw new IllegalArgumentException("impl " + impl);
        };
        messages = impl.endsWith("apiObjects") ? new ArrayBlockingQueue<>(1024) : null;
        WorkQueueConfig config = WorkQueueConfig.standardQueue().withMaxReceives(Cycles.MAX_RECEIVES);
        workQueue = queue != null || messages != null
                ? null
                : new SqsWorkQueue(
                        config, impl.endsWith("systemClock") ? InstantSource.system() : TickingClock.shared());
    }

    @Benchmark
    public long cycle(WorkQueueCounters counters, Blackhole escape) {
        long n = next++;
        if (messages != null) {
            Message sent = Message.of(Long.toString(n), "payload");
            escape.consume(SendOutcome.accepted(sent.id()));
            messages.offer(sent);
            Message got = messages.poll();
            List<Delivery> received = List.of(new Delivery(got, new Receipt(got.id(), n), 1));
            escape.consume(received);
            return received.get(0).receiveCount();
        }
        if (workQueue != null) {
            return Cycles.cycle(workQueue, Message.of(Long.toString(n), "payload"), counters);
        }
        queue.offer(n);
        return queue.poll();
    }
}
