package dev.queuelab.bench;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.backpressure.Offer;
import dev.queuelab.reference.backpressure.BoundedBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each response to overload under twice the load the consumer can take: every round the producer offers two
 * messages, the consumer polls one, and 1 ms of simulated time passes.
 *
 * <pre>
 *   P ──2 per ms──► BoundedBuffer (capacity 1000, block timeout 100 ms) ──1 per ms──► C
 * </pre>
 *
 * Measures rounds per second (the buffer's own cost), and counts per round what became of the offers: accepted
 * (straight in, or admitted after a wait), refused, dropped (oldest), timed out. For block, the enqueue latency is
 * the simulated time an offer waited before it was admitted; its p99 is printed at the end of each trial (it
 * converges on the timeout: at 2x, half the offers cannot be taken, and they wait it out). Memory grows without
 * bound, so its trials are short on purpose.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class BackpressureOverloadBenchmark {

    @Param({"block", "memory", "refuse-newest", "drop-oldest"})
    public String policy;

    private static final BufferConfig CONFIG = new BufferConfig(1000, Duration.ofMillis(100), 900, 500);

    private final SimClock clock = new SimClock();
    private final Map<String, Instant> waitingSince = new HashMap<>();
    private long[] waits = new long[1 << 16];
    private int waitCount;
    private Buffer buffer;
    private long next;

    /** What became of the offers, per round. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Outcomes {
        public long accepted;
        public long refused;
        public long dropped;
        public long timedOut;

        @Setup(Level.Iteration)
        public void clear() {
            accepted = refused = dropped = timedOut = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        buffer = switch (policy) {
            case "block" -> BoundedBuffer.blocking(CONFIG, clock, AlarmListener.NONE);
            case "memory" -> BoundedBuffer.inMemory(CONFIG, clock, AlarmListener.NONE);
            case "refuse-newest" -> BoundedBuffer.refusingNewest(CONFIG, clock, AlarmListener.NONE);
            case "drop-oldest" -> BoundedBuffer.droppingOldest(CONFIG, clock, AlarmListener.NONE);
            default ->
                throw new IllegalArgumentException(
                        "policy " + policy + ": block, memory, refuse-newest" + " or drop-oldest");
        };
    }

    @Benchmark
    public Object round(Outcomes outcomes) {
        count(buffer.offer(Long.toString(next++)), outcomes);
        count(buffer.offer(Long.toString(next++)), outcomes);
        Buffer.Taken taken = buffer.poll();
        taken.admitted().forEach(o -> count(o, outcomes));
        clock.advance(Duration.ofMillis(1));
        buffer.expire().forEach(o -> count(o, outcomes));
        return taken.message();
    }

    private void count(Offer o, Outcomes outcomes) {
        switch (o.kind()) {
            case ACCEPTED -> outcomes.accepted++;
            case ADMITTED -> {
                outcomes.accepted++;
                Instant since = waitingSince.remove(o.message());
                if (since != null) {
                    recordWait(Duration.between(since, clock.instant()).toMillis());
                }
            }
            case WAITING -> waitingSince.put(o.message(), clock.instant());
            case REFUSED -> outcomes.refused++;
            case DROPPED_OLDEST -> {
                outcomes.accepted++;
                outcomes.dropped++;
            }
            case TIMED_OUT -> {
                outcomes.timedOut++;
                waitingSince.remove(o.message());
            }
            case FAILED -> waitingSince.remove(o.message());
        }
    }

    private void recordWait(long millis) {
        if (waitCount == waits.length) {
            waits = Arrays.copyOf(waits, waits.length * 2);
        }
        waits[waitCount++] = millis;
    }

    @TearDown(Level.Trial)
    public void report() {
        if (waitCount > 0) {
            long[] sorted = Arrays.copyOf(waits, waitCount);
            Arrays.sort(sorted);
            System.out.printf(
                    "%n%s: %d offers admitted after a wait, p50 %d ms, p99 %d ms of simulated time%n",
                    policy,
                    waitCount,
                    sorted[waitCount / 2],
                    sorted[(int) Math.min(waitCount - 1, Math.round(waitCount * 0.99))]);
        }
    }
}
