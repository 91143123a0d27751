package dev.queuelab.bench;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import java.io.IOException;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ephemeral pub/sub beside a real Redis and a real RabbitMQ in the same run: publish 100 to a channel, then each
 * of 2 subscribers reads the 100. Context, not a goal.
 *
 * <pre>
 *   reference-Redis:  publish x100 ──► RedisBroadcast ──► subscriber 1 reads 100, subscriber 2 reads 100
 *   Redis:            PUBLISH x100 (each waits for its reply) ──TCP 127.0.0.1──► redis-server 7
 *                        ──► 2 SUBSCRIBE connections, each reads the 100 pushed messages
 *   RabbitMQ:         basic.publish x100, transient, to a fanout exchange, then one wait for the 100 confirms
 *                        ──TCP 127.0.0.1──► a RabbitMQ node ──► 2 exclusive classic queues
 *                        ──► 2 consumers (automatic ack, each on its own connection) take the 100 pushed messages
 * </pre>
 *
 * Measures messages published per second, one thread (each delivered twice: {@code delivered} counts both).
 * The server is the Debian {@code redis-server}, started for the trial as a separate process on loopback (see
 * {@link LocalRedis}), so {@code -prof gc} counts only the client's allocation here, and the server's CPU
 * competes with the benchmark's thread for the cores. A subscriber that reads anything but the 100 fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class BrokerPeersFanoutBenchmark {

    static final int BATCH = 100;
    static final int SUBSCRIBERS = 2;
    static final String CHANNEL = "signups";
    static final String PAYLOAD = "user 42 signed up";

    /** Deliveries, both subscribers together: twice the messages published. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long delivered;
    }

    /** The channel and its 2 subscribers, on the reference or on a redis-server, for the whole fork. */
    @State(Scope.Thread)
    public static class Channels {
        @Param({"reference-Redis", "Redis", "RabbitMQ"})
        public String peer;

        RabbitFanout rabbit;

        RedisBroadcast reference;
        LocalRedis redis;
        LocalRedis.Connection publisher;
        final LocalRedis.Connection[] subscribers = new LocalRedis.Connection[SUBSCRIBERS];

        @Setup(Level.Trial)
        public void start() throws Exception {
            switch (peer) {
                case "reference-Redis" -> {
                    reference = new RedisBroadcast(BroadcastConfig.redisDefault(), TickingClock.shared());
                    for (int i = 0; i < SUBSCRIBERS; i++) {
                        reference.connect("subscriber-" + i);
                        reference.subscribe("subscriber-" + i, CHANNEL);
                    }
                }
                case "Redis" -> {
                    redis = LocalRedis.start();
                    publisher = redis.connect();
                    for (int i = 0; i < SUBSCRIBERS; i++) {
                        subscribers[i] = redis.connect();
                        Object ack = subscribers[i].call("SUBSCRIBE", CHANNEL);
                        if (!(ack instanceof List<?> l) || !"subscribe".equals(l.get(0))) {
                            throw new IllegalStateException("SUBSCRIBE answered " + ack);
                        }
                    }
                }
                case "RabbitMQ" -> rabbit = RabbitFanout.start(SUBSCRIBERS);
                default -> throw new IllegalArgumentException("peer " + peer + ": reference-Redis, Redis or RabbitMQ");
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            if (rabbit != null) {
                rabbit.close();
                rabbit = null;
            }
            if (redis != null) {
                publisher.close();
                for (LocalRedis.Connection s : subscribers) {
                    s.close();
                }
                redis.close();
                redis = null;
            }
        }

        /** The server's port while it runs (for the lifecycle test), else -1. */
        int port() {
            return redis != null ? redis.port() : rabbit != null ? rabbit.port() : -1;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishThenEveryoneReads(Channels c, Counters counters) throws IOException {
        long got = 0;
        if (c.reference != null) {
            for (int i = 0; i < BATCH; i++) {
                c.reference.publish(CHANNEL, PAYLOAD);
            }
            for (int s = 0; s < SUBSCRIBERS; s++) {
                int read = c.reference.read("subscriber-" + s, BATCH).messages().size();
                if (read != BATCH) {
                    throw new IllegalStateException("subscriber " + s + " read " + read + " of " + BATCH);
                }
                got += read;
            }
        } else if (c.rabbit != null) {
            got = c.rabbit.publishThenEveryoneReads(BATCH, PAYLOAD);
        } else {
            for (int i = 0; i < BATCH; i++) {
                Object receivers = c.publisher.call("PUBLISH", CHANNEL, PAYLOAD);
                if (!Long.valueOf(SUBSCRIBERS).equals(receivers)) {
                    throw new IllegalStateException("PUBLISH reached " + receivers + " subscribers");
                }
            }
            for (LocalRedis.Connection s : c.subscribers) {
                for (int i = 0; i < BATCH; i++) {
                    if (!(s.read() instanceof List<?> pushed) || !PAYLOAD.equals(pushed.get(2))) {
                        throw new IllegalStateException("a subscriber read something other than the payload");
                    }
                    got++;
                }
            }
        }
        counters.delivered += got;
        return got;
    }
}
