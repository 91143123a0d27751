package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;

/**
 * Makes a pub/sub run on a Redis server: channels prefixed {@code ql<run>-<n>:}, a publisher connection, and,
 * when the run sets output buffer limits, the server's {@code client-output-buffer-limit} for pubsub clients (the
 * limit is the server's, for every client: the value before the first change is put back when closed). When
 * closed it closes every run's connections. The clock is not the server's: Redis keeps its own time (the soft
 * limit's seconds), and the runner's clock only waits for it. Thread-safe: properties run side by side.
 */
final class RedisPubSubFactory implements BiFunction<BroadcastConfig, InstantSource, Broadcast>, AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final RedisBroker redis;
    private final long run = RUNS.incrementAndGet();
    private final List<RedisPubSub> made = new ArrayList<>();
    private Optional<String> before = Optional.empty();
    private BroadcastConfig set;

    RedisPubSubFactory(RedisBroker redis) {
        this.redis = redis;
    }

    @Override
    public synchronized Broadcast apply(BroadcastConfig config, InstantSource clock) {
        if (config.hardLimitBytes() > 0 || config.softLimitBytes() > 0) {
            limit(config);
        }
        RedisPubSub b = new RedisPubSub(redis, config, "ql" + run + "-" + (made.size() + 1) + ":");
        made.add(b);
        return b;
    }

    /** The server's pubsub limits as the run's config says; one setting serves runs that share it. */
    private void limit(BroadcastConfig config) {
        if (config.equals(set)) {
            return;
        }
        try (Jedis jedis = redis.connect()) {
            if (before.isEmpty()) {
                before = Optional.of(String.join(" ", pubsubLimit(jedis)));
            }
            jedis.sendCommand(
                    Command.CONFIG,
                    "SET",
                    "client-output-buffer-limit",
                    "pubsub " + config.hardLimitBytes() + " " + config.softLimitBytes() + " " + config.softSeconds());
        }
        set = config;
    }

    /** The pubsub class of CONFIG GET client-output-buffer-limit: "pubsub 33554432 8388608 60". */
    static List<String> pubsubLimit(Jedis jedis) {
        @SuppressWarnings("unchecked")
        List<byte[]> reply = (List<byte[]>) jedis.sendCommand(Command.CONFIG, "GET", "client-output-buffer-limit");
        String[] words = new String(reply.get(1), java.nio.charset.StandardCharsets.UTF_8).split(" ");
        for (int i = 0; i + 3 < words.length; i++) {
            if (words[i].equals("pubsub")) {
                return List.of(words[i], words[i + 1], words[i + 2], words[i + 3]);
            }
        }
        throw new IllegalStateException(
                "CONFIG GET client-output-buffer-limit has no pubsub class: " + String.join(" ", words));
    }

    @Override
    public synchronized void close() {
        made.forEach(RedisPubSub::close);
        made.clear();
        before.ifPresent(b -> {
            try (Jedis jedis = redis.connect()) {
                jedis.sendCommand(Command.CONFIG, "SET", "client-output-buffer-limit", b);
            } catch (RuntimeException e) {
                // the server stopped: nothing to put back
            }
        });
    }
}
