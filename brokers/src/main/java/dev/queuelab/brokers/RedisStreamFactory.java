package dev.queuelab.brokers;

import dev.queuelab.api.streams.StreamService;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.check.streams.StreamSetup;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;

/**
 * Makes a fresh stream service on a Redis server for every run: its own connection, and keys named
 * {@code queuelab:<run>:<n>:<key>} so runs never share a stream; deletes every key it made and closes every
 * connection when closed. The clock is not the server's: Redis keeps its own time, and the runner's clock only
 * waits for it. Thread-safe: properties run side by side on one factory.
 */
final class RedisStreamFactory implements StreamFactory, AutoCloseable {

    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000);

    private final RedisBroker redis;
    private final long run = RUNS.incrementAndGet();
    private final List<Jedis> connections = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    RedisStreamFactory(RedisBroker redis) {
        this.redis = redis;
    }

    @Override
    public synchronized StreamService create(InstantSource clock) {
        String prefix = "queuelab:" + run + ":" + (prefixes.size() + 1) + ":";
        Jedis connection = redis.connect();
        connections.add(connection);
        prefixes.add(prefix);
        return new RedisStreamService(connection, prefix);
    }

    /** Deletes the keys this factory's runs made (on a user's server too: a check leaves nothing behind). */
    @Override
    public synchronized void close() {
        try (Jedis jedis = redis.connect()) {
            for (String prefix : prefixes) {
                jedis.sendCommand(Command.DEL, prefix + StreamSetup.STREAM, prefix + StreamSetup.DEAD);
            }
        } catch (RuntimeException e) {
            // the server stopped: nothing is left to clean
        }
        connections.forEach(Jedis::close);
        connections.clear();
        prefixes.clear();
    }
}
