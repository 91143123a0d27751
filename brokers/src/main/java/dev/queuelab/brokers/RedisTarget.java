package dev.queuelab.brokers;

import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.streams.StreamChecks;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.check.streams.StreamProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Redis as Redis Streams with consumer groups: Debian's redis-server started on loopback, or a user's server. */
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

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String about() {
        return "Redis 7 Streams with consumer groups (Debian's redis-server on loopback, Jedis); the streams checks";
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
                RedisStreamFactory factory = new RedisStreamFactory(redis)) {
            out.println("brokers check redis: " + describe(redis) + ", " + settings.trials()
                    + " real-time trial(s) per property, seed " + settings.trialSeed(0));
            out.flush();
            return SUITE.check(factory, settings, property, "./queuelab brokers check redis" + replay(address), out);
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (RedisBroker redis = address.map(RedisBroker::at).orElseGet(RedisBroker::start);
                RedisStreamFactory factory = new RedisStreamFactory(redis)) {
            out.println("brokers diff redis: " + traces + " traces (seed " + seed + ") in lock step on the reference"
                    + " and " + describe(redis));
            out.flush();
            return BrokerDiff.run(SUITE, factory, traces, seed, out);
        }
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
