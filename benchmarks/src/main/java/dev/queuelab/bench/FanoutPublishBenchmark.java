package dev.queuelab.bench;

import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import dev.queuelab.reference.pubsub.exchange.RabbitBroker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * What a publish costs as its subscribers grow: the publisher's call alone, timed, while every subscriber keeps
 * up between batches, untimed.
 *
 * <pre>
 *   timed:    publish x1000 ──► [ shape ] ──► 1 or 8 subscribers' buffers or queues
 *   untimed:  every subscriber reads (and acks) the 1000, before the next batch
 * </pre>
 *
 * {@link FanoutBenchmark} times the publish and every subscriber's read together, which is what the subscribers
 * cost the process; this times what the goal "a publish to 8 subscribers costs ≤ 2x one to 1" names: the
 * publish, whose work per subscriber is to hand each the message (a reference into Redis's channel log, an entry
 * in each RabbitMQ queue), never a copy of its payload. A subscriber's own reads and acks run on its own
 * connection in both products, and are left out. Shapes: {@code Redis-1}, {@code Redis-8} (a channel of
 * {@link RedisBroadcast}), {@code RabbitFanout-1}, {@code RabbitFanout-8} (a fanout exchange of {@link
 * RabbitBroker} bound to a queue per subscriber, consumed with no prefetch limit and acked with
 * {@code multiple}). Score: publishes per second; the subscribers' reads run in a per-invocation setup (each
 * invocation is 1,000 publishes, 20 – 150 µs, long beside the nanosecond timestamps JMH takes around it). Bytes
 * per publish (-prof gc) count the untimed reads too. Counters: {@code lost} (a subscriber that read fewer than
 * were published) must stay 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FanoutPublishBenchmark {

    static final int BATCH = 1000;

    @Param({"Redis-1", "Redis-8", "RabbitFanout-1", "RabbitFanout-8"})
    public String shape;

    private RedisBroadcast redis;
    private RabbitBroker rabbit;
    private String[] subscribers;
    private String[] tags;
    private final Message rabbitMessage = new Message("", Map.of(), FanoutBenchmark.PAYLOAD, Optional.empty());
    /** Publishes the last batch made that its subscribers have not read yet. */
    private int unread;
    /** Reads that came up short, counted where the next batch's counters can see them. */
    private long shortReads;

    /** {@code lost} must stay 0. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        /** Subscribers' reads that came up short of what was published. */
        public long lost;
    }

    @Setup(Level.Iteration)
    public void setUp() {
        int n = Integer.parseInt(shape.substring(shape.indexOf('-') + 1));
        subscribers = new String[n];
        tags = new String[n];
        for (int i = 0; i < n; i++) {
            subscribers[i] = "subscriber-" + i;
        }
        redis = null;
        rabbit = null;
        unread = 0;
        if (shape.startsWith("Redis")) {
            redis = FanoutBenchmark.redisChannel(subscribers);
        } else {
            rabbit = FanoutBenchmark.rabbitFanout(subscribers, tags);
        }
    }

    /** Every subscriber reads (and acks) what the last batch published: untimed. */
    @Setup(Level.Invocation)
    public void everyoneReads() {
        if (unread == 0) {
            return;
        }
        for (int i = 0; i < subscribers.length; i++) {
            if (redis != null) {
                List<dev.queuelab.api.pubsub.broadcast.Pushed> read =
                        redis.read(subscribers[i], unread).messages();
                shortReads += read.size() == unread ? 0 : 1;
            } else {
                List<Delivery> read = rabbit.receive(tags[i]);
                boolean whole = read.size() == unread
                        && rabbit.ack(subscribers[i], read.get(read.size() - 1).deliveryTag(), true) == unread;
                shortReads += whole ? 0 : 1;
            }
        }
        unread = 0;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publish(Counters counters) {
        counters.lost += shortReads;
        shortReads = 0;
        long reached = 0;
        if (redis != null) {
            for (int i = 0; i < BATCH; i++) {
                reached += redis.publish("signups", FanoutBenchmark.PAYLOAD); // the subscribers it reached
            }
            counters.lost += reached == (long) BATCH * subscribers.length ? 0 : 1;
        } else {
            for (int i = 0; i < BATCH; i++) {
                reached += rabbit.publish("signups", rabbitMessage, false).acked() ? 1 : 0;
            }
            counters.lost += reached == BATCH ? 0 : 1;
        }
        unread = BATCH;
        return reached;
    }
}
