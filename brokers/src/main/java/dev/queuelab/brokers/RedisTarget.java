package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastCapabilities;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.pubsub.broadcast.BroadcastChecks;
import dev.queuelab.check.pubsub.broadcast.BroadcastProperty;
import dev.queuelab.check.streams.StreamChecks;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.check.streams.StreamProperty;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Redis as two topologies: Redis Streams with consumer groups, and pub/sub (the broadcast: PUBLISH, SUBSCRIBE,
 * PSUBSCRIBE, output buffer limits). Debian's redis-server started on loopback, or a user's server.
 */
final class RedisTarget implements BrokerTarget {

    /**
     * What the harness holds Redis to: all of the streams contract. Exact trimming is MAXLEN and MINID without
     * {@code ~}; the dead-letter stream is the consumers' convention, written over XPENDING, XRANGE, XADD and
     * XACK as a consumer writes it.
     */
    static final StreamCapabilities CAPABILITIES = StreamCapabilities.ALL;

    static final BrokerSuite<?, ?, ?, StreamFactory, ?> SUITE = new BrokerSuite<>(
            "redis",
            clocks -> StreamChecks.withClocks(clocks, TimeScale.TOLERANCE),
            new StreamTimeScale(),
            CAPABILITIES,
            List.of(StreamProperty.values()),
            Map.of(),
            Implementations.STREAMS.get("streams.reference").factory());

    /**
     * What the harness holds Redis's pub/sub to: glob patterns always; output buffer limits only on a server
     * queuelab started, since the limit is a setting of the whole server (CONFIG SET) and its measure depends on
     * the kernel's socket buffers between the server and the client, known on loopback only.
     */
    static final BroadcastCapabilities PUBSUB_CAPABILITIES = BroadcastCapabilities.ALL;

    static final BroadcastCapabilities PUBSUB_ON_USERS_SERVER = new BroadcastCapabilities(true, false);

    static final BrokerSuite<?, ?, ?, BiFunction<BroadcastConfig, InstantSource, Broadcast>, ?> PUBSUB =
            pubsub(PUBSUB_CAPABILITIES);

    private static BrokerSuite<?, ?, ?, BiFunction<BroadcastConfig, InstantSource, Broadcast>, ?> pubsub(
            BroadcastCapabilities capabilities) {
        return new BrokerSuite<>(
                "redis",
                BroadcastChecks::withClocks,
                new BroadcastTimeScale(),
                capabilities,
                List.of(BroadcastProperty.values()),
                Map.of(),
                Implementations.BROADCASTS.get("broadcast.reference").factory());
    }

    /** The property named, in either topology: "delivery", "streams/delivery" or "broadcast/patterns". */
    static boolean hasProperty(String id) {
        return SUITE.property(id).isPresent() || PUBSUB.property(id).isPresent();
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String about() {
        return "Redis 7 Streams with consumer groups, and pub/sub (Debian's redis-server on loopback, Jedis);"
                + " the streams and broadcast checks";
    }

    @Override
    public String addressOption() {
        return "--redis-url";
    }

    @Override
    public int defaultTrials() {
        return 10; // a stream's scenario waits seconds, not minutes: ten trials a property in about a minute
    }

    @Override
    public int check(Optional<String> address, Settings settings, Optional<String> property, PrintWriter out) {
        try (RedisBroker redis = address.map(RedisBroker::at).orElseGet(RedisBroker::start);
                RedisStreamFactory factory = new RedisStreamFactory(redis);
                RedisPubSubFactory pubsub = new RedisPubSubFactory(redis)) {
            out.println("brokers check redis: " + describe(redis) + ", " + settings.trials()
                    + " real-time trial(s) per property, seed " + settings.trialSeed(0));
            out.flush();
            String replay = "./queuelab brokers check redis" + replay(address);
            int failed = 0;
            if (property.isEmpty() || SUITE.property(property.get()).isPresent()) {
                out.println("  Redis Streams:");
                failed += SUITE.check(factory, settings, property, replay, out);
            }
            if (property.isEmpty() || PUBSUB.property(property.get()).isPresent()) {
                out.println("  Redis pub/sub:");
                failed += pubsub(redis).check(pubsub, settings, property, replay, out);
            }
            return failed;
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (RedisBroker redis = address.map(RedisBroker::at).orElseGet(RedisBroker::start);
                RedisStreamFactory factory = new RedisStreamFactory(redis);
                RedisPubSubFactory pubsub = new RedisPubSubFactory(redis)) {
            out.println("brokers diff redis: " + traces + " traces (seed " + seed + ") of each topology in lock step"
                    + " on the reference and " + describe(redis));
            out.println("  Redis Streams:");
            out.flush();
            int bugs = BrokerDiff.run(SUITE, factory, traces, seed, out);
            out.println("  Redis pub/sub:");
            out.flush();
            return bugs + BrokerDiff.run(pubsub(redis), pubsub, traces, seed, out);
        }
    }

    /** The pub/sub suite with what the harness holds this server to. */
    private static BrokerSuite<?, ?, ?, BiFunction<BroadcastConfig, InstantSource, Broadcast>, ?> pubsub(
            RedisBroker redis) {
        return redis.owned() ? PUBSUB : pubsub(PUBSUB_ON_USERS_SERVER);
    }

    private static String describe(RedisBroker redis) {
        return (redis.owned() ? "redis-server " + version(redis) + " on loopback at " : "the Redis server at ")
                + redis.url().getHost() + ":" + redis.url().getPort();
    }

    /** The server's own word for its version (INFO server's redis_version). */
    private static String version(RedisBroker redis) {
        try (var jedis = redis.connect()) {
            return jedis.info("server")
                    .lines()
                    .filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).trim())
                    .findFirst()
                    .orElse("?");
        }
    }

    private static String replay(Optional<String> address) {
        return address.map(a -> " --redis-url " + a).orElse("");
    }
}
