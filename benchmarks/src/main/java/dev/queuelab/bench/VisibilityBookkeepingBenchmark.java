package dev.queuelab.bench;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The cost of visibility-timeout bookkeeping as messages in flight grow: a slow consumer fleet holds
 * 1, 1k, 100k or 1M leases (12 h each) while one more message goes round.
 *
 * <pre>
 *   in flight: [lease 1] ⇄ [lease 2] ⇄ ... ⇄ [lease N]   (one list per timeout, by deadline)
 *   send ──► receive (its lease linked at the tail of the 30 s list) ──► ack (unlinked: O(1))
 * </pre>
 *
 * Measures send → receive → ack cycles per second. Baseline: 1 in flight. A queue that scanned its leases
 * on each call would fall with N; this one should not. Counters: see {@link WorkQueueCounters}. Forks run
 * with {@code -Xbatch}, as {@link CycleBenchmark}'s do, so that each scores the compiled cycle.
 *
 * <p>Every variant is measured <em>settled</em>: the setup ends with {@value #SETTLING_CYCLES} cycles and a full
 * collection, so that the queue and all a cycle keeps (the node it reuses) are old to the collector before
 * the first measured cycle, as in any queue that has run for a while. Without it the variants differ in age,
 * not only in size: the queue with one message in flight stays young for its first fifteen or so young
 * collections (about ten seconds at this rate), while filling a million promotes most of the big one; on G1 a
 * reference stored into an old object pays the write barrier's fence, so the young baseline ran 1.6x as fast
 * as itself once old (docs/benchmarks.md, "Work queue"). {@code -p settled=false}, run by name, measures the
 * queue as its setup leaves it. {@code -p heldElsewhere=true}, also by name, has another queue in the same
 * heap hold the {@code inFlight} messages while the measured one holds one: the same heap, without the size.
 * {@code -p drainedFrom=N}, by name, has the measured queue hold N messages and then ack all but {@code
 * inFlight}: its structures grown for a backlog that has gone, without the messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Xbatch"})
public class VisibilityBookkeepingBenchmark {

    @Param({"1", "1000", "100000", "1000000"})
    public int inFlight;

    static final int SETTLING_CYCLES = 1_000;

    @Param({"true"})
    public boolean settled;

    @Param({"false"})
    public boolean heldElsewhere;

    @Param({"0"})
    public int drainedFrom;

    private WorkQueue queue;
    private WorkQueue holder; // the queue that holds the inFlight messages
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        queue = newQueue();
        holder = heldElsewhere ? newQueue() : queue;
        if (drainedFrom > inFlight) {
            drain(queue, drainedFrom, inFlight);
        } else {
            hold(holder, inFlight);
        }
        if (heldElsewhere) {
            hold(queue, 1);
        }
        if (settled) {
            WorkQueueCounters notMeasured = new WorkQueueCounters();
            for (int i = 0; i < SETTLING_CYCLES; i++) {
                cycle(notMeasured);
            }
            System.gc(); // a setup step, never in a measured cycle
        }
    }

    private static WorkQueue newQueue() {
        return new SqsWorkQueue(
                WorkQueueConfig.standardQueue().withMaxReceives(Cycles.MAX_RECEIVES), TickingClock.shared());
    }

    /** Sends {@code count} messages and receives them all for 12 h; their receipts. */
    private static List<Receipt> hold(WorkQueue queue, int count) {
        for (int i = 0; i < count; i++) {
            queue.send(Message.of("held-" + i, "payload"));
        }
        List<Receipt> receipts = new ArrayList<>(count);
        while (receipts.size() < count) {
            for (Delivery d : queue.receive("slow-consumer", 10, Duration.ofHours(12))) {
                receipts.add(d.receipt());
            }
        }
        return receipts;
    }

    /** Holds {@code from} messages, then acks all but {@code left}: a queue grown for a backlog that has gone. */
    private static void drain(WorkQueue queue, int from, int left) {
        List<Receipt> receipts = hold(queue, from);
        for (int i = left; i < from; i++) {
            queue.ack(receipts.get(i));
        }
    }

    @Benchmark
    public int cycle(WorkQueueCounters counters) {
        return Cycles.cycle(queue, Message.of(Long.toString(next++), "payload"), counters);
    }
}
