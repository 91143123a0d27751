package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.broadcast.Inbox;
import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;

/**
 * Redis pub/sub through Debian's redis-server, started by the test on loopback: the broadcast checks pass on it
 * as it is, each is proven able to fail by an adapter or a server broken in one way (which the check must report
 * as a real bug), and what the adapter does to the server is judged from outside, by another connection's view.
 */
class RedisPubSubBrokerTest {

    private static final Settings FEW = new Settings(2, OptionalLong.of(Settings.DEFAULT_SEED), "broker");

    private static RedisBroker redis;

    @BeforeAll
    static void start() {
        redis = RedisBroker.start(); // no redis-server: fails here, saying to run scripts/install-redis
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void shouldPassEveryBroadcastCheckOnRedis() {
        StringWriter out = new StringWriter();
        try (RedisPubSubFactory factory = new RedisPubSubFactory(redis)) {
            int failed = RedisTarget.PUBSUB.check(factory, FEW, Optional.empty(), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("PASSED  broadcast/delivery")
                    .contains("PASSED  broadcast/patterns")
                    .contains("PASSED  broadcast/slow-subscribers")
                    .doesNotContain("SKIPPED");
        }
    }

    @Test
    void shouldReportABugWhenTheAdapterIgnoresPatterns() {
        StringWriter out = new StringWriter();
        try (RedisPubSubFactory real = new RedisPubSubFactory(redis)) {
            BiFunction<BroadcastConfig, InstantSource, Broadcast> ignoring =
                    (config, clock) -> broken(real.apply(config, clock), "psubscribe");
            int failed =
                    RedisTarget.PUBSUB.check(ignoring, FEW, Optional.of("patterns"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString())
                    .containsPattern("(misrouted|lost|wrong-receivers): would be a real bug")
                    .contains("FAILED  broadcast/patterns");
        }
    }

    @Test
    void shouldReportABugWhenTheServerIsNotGivenTheLimits() {
        StringWriter out = new StringWriter();
        Settings more = new Settings(4, OptionalLong.of(Settings.DEFAULT_SEED), "broker");
        // the run's limits are never given to the server, which has none
        BiFunction<BroadcastConfig, InstantSource, Broadcast> unset =
                (config, clock) -> new RedisPubSub(redis, config, "unset-" + System.nanoTime() + ":");
        try (Jedis jedis = redis.connect()) {
            jedis.sendCommand(Command.CONFIG, "SET", "client-output-buffer-limit", "pubsub 0 0 0");
        }
        int failed =
                RedisTarget.PUBSUB.check(unset, more, Optional.of("slow-subscribers"), "replay", new PrintWriter(out));
        assertThat(failed).as(out.toString()).isEqualTo(1);
        assertThat(out.toString())
                .contains("disconnect-missed: would be a real bug")
                .contains("FAILED  broadcast/slow-subscribers");
    }

    @Test
    void shouldLeaveRedisWithoutTheConnectionWhenAClientDisconnects() {
        try (RedisPubSubFactory factory = new RedisPubSubFactory(redis);
                Jedis observer = redis.connect()) {
            Broadcast b = factory.apply(new BroadcastConfig(0, 0, 0), InstantSource.system());
            b.connect("c1");
            b.subscribe("c1", "news");
            String channel = observer.pubsubChannels("ql*:news").get(0);
            assertThat(numsub(observer, channel))
                    .as("RP1: the run's channel carries its prefix")
                    .isEqualTo(1L);
            assertThat(b.disconnect("c1")).isTrue();
            assertThat(numsub(observer, channel))
                    .as("RP3: Redis has dropped the connection when disconnect returns")
                    .isZero();
            assertThat(b.publish("news", "m1")).isZero();
            assertThat(b.read("c1", 1).state()).isEqualTo(Inbox.State.NOT_CONNECTED);
        }
    }

    @Test
    void shouldSeeRedisCloseASlowSubscriberAtItsHardLimit() {
        try (RedisPubSubFactory factory = new RedisPubSubFactory(redis);
                Jedis observer = redis.connect()) {
            long hard = 3L * BroadcastTimeScale.BYTES;
            Broadcast b = factory.apply(new BroadcastConfig(hard, 0, 0), InstantSource.system());
            b.connect("slow");
            b.subscribe("slow", "feed");
            String big = "m".repeat(BroadcastTimeScale.BYTES);
            int published = 0;
            while (published < 10 && b.publish("feed", big) == 1) {
                published++;
            }
            assertThat(published)
                    .as("Redis stopped counting the subscriber after a few messages past its limit")
                    .isBetween(3, 6);
            List<String> gone = observer.clientList()
                    .lines()
                    .filter(l -> l.contains("sub=1"))
                    .toList();
            assertThat(gone)
                    .as("Redis lists no subscribed connection: it closed it")
                    .isEmpty();
            assertThat(b.read("slow", 1)).isEqualTo(new Inbox(List.of(), Inbox.State.CLOSED_OUTPUT_BUFFER_LIMIT));
        }
    }

    private static long numsub(Jedis observer, String channel) {
        return observer.pubsubNumSub(channel).getOrDefault(channel, 0L);
    }

    /** The broadcast with one method turned into a no-op that answers true. */
    private static Broadcast broken(Broadcast real, String method) {
        return (Broadcast) Proxy.newProxyInstance(
                Broadcast.class.getClassLoader(), new Class<?>[] {Broadcast.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        return true;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
