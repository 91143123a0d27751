package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
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

/**
 * What FIFO costs: message groups (one lane each, one in flight per group) and the deduplication window,
 * with 1000 messages waiting behind the one in the cycle.
 *
 * <pre>
 *   send(g = n mod G) ──► lanes: g1 [m m m]  g2 [m m]  ...  gG [m]  ──► receive the next ready lane ──► ack
 *                         dedup window: dedup id ─► first message id, pruned oldest first
 * </pre>
 *
 * Measures send → receive → ack cycles per second. Baseline: a standard queue (every message its own lane).
 * The dedup variant gives every message a dedup id and keeps a 1 s window, so the window holds about a
 * second of sends. Counters: see {@link WorkQueueCounters}; {@code duplicates} must stay 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FifoGroupsBenchmark {

    static final int BACKLOG = 1000;

    @Param({"standard", "fifo-1-group", "fifo-1000-groups", "fifo-1000-groups-dedup"})
    public String mode;

    private WorkQueue queue;
    private int groups;
    private boolean dedup;
    private long next;

    @Setup(Level.Iteration)
    public void setUp() {
        boolean fifo = !mode.equals("standard");
        groups = mode.contains("1000-groups") ? 1000 : 1;
        dedup = mode.endsWith("dedup");
        WorkQueueConfig config = WorkQueueConfig.standardQueue()
                .withFifo(fifo)
                .withDedupWindow(Duration.ofSeconds(1))
                .withMaxReceives(Cycles.MAX_RECEIVES);
        queue = new SqsWorkQueue(config, TickingClock.shared());
        for (int i = 0; i < BACKLOG; i++) {
            queue.send(message());
        }
    }

    @Benchmark
    public int cycle(WorkQueueCounters counters) {
        return Cycles.cycle(queue, message(), counters);
    }

    private Message message() {
        long n = next++;
        String id = Long.toString(n);
        Message m = Message.of(id, "payload");
        if (!mode.equals("standard")) {
            m = m.inGroup("g" + (n % groups));
        }
        return dedup ? m.withDedupId(id) : m;
    }
}
