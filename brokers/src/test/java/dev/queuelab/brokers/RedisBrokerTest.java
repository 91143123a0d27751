package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.check.Settings;
import dev.queuelab.check.streams.StreamFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;

/**
 * Redis Streams through Debian's redis-server, started by the test on loopback: the streams checks pass on it as
 * it is, each is proven able to fail by an adapter broken in one way (which the check must report as a real bug),
 * and the server's start and stop are judged from outside, by its port, its folder and its process.
 */
class RedisBrokerTest {

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
    void shouldPassEveryStreamsCheckOnRedis() {
        StringWriter out = new StringWriter();
        try (RedisStreamFactory factory = new RedisStreamFactory(redis)) {
            int failed = RedisTarget.SUITE.check(factory, FEW, Optional.empty(), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("PASSED  streams/claims")
                    .contains("PASSED  streams/dead-letters")
                    .doesNotContain("SKIPPED");
        }
    }

    @Test
    void shouldReportABugWhenTheAdapterIgnoresXack() {
        StringWriter out = new StringWriter();
        try (RedisStreamFactory real = new RedisStreamFactory(redis)) {
            StreamFactory ignoring = clock -> broken(real.create(clock), "ack");
            int failed = RedisTarget.SUITE.check(ignoring, FEW, Optional.of("groups"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString())
                    .containsPattern("(ack-miscounted|pending-kept): would be a real bug")
                    .contains("FAILED  streams/groups");
        }
    }

    @Test
    void shouldReportABugWhenTheAdapterClaimsWithoutMinIdle() {
        StringWriter out = new StringWriter();
        Settings more = new Settings(6, OptionalLong.of(Settings.DEFAULT_SEED), "broker");
        try (RedisStreamFactory real = new RedisStreamFactory(redis)) {
            StreamFactory eager = clock -> broken(real.create(clock), "claim");
            int failed = RedisTarget.SUITE.check(eager, more, Optional.of("claims"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("claimed-too-soon").contains("would be a real bug");
        }
    }

    @Test
    void shouldAnswerAsRedisDoesThroughTheAdapter() {
        try (RedisStreamFactory factory = new RedisStreamFactory(redis)) {
            StreamService s = factory.create(java.time.InstantSource.system());
            s.createGroup("s", "g1", "0");
            StreamId first = s.add("s", "*", Map.of("m", "m1"), dev.queuelab.api.streams.Trim.NONE);
            assertThat(s.readGroup("s", "g1", "c1", ">", 10))
                    .containsExactly(new StreamEntry(first, Map.of("m", "m1")));
            assertThat(s.readGroup("s", "g1", "c1", ">", 10))
                    .as("nothing new: a nil reply")
                    .isEmpty();
            assertThat(s.trim("s", dev.queuelab.api.streams.Trim.maxLen(0))).isEqualTo(1);
            assertThat(s.readGroup("s", "g1", "c1", "0", 10))
                    .as("a pending entry whose entry was trimmed comes with nil fields")
                    .containsExactly(new StreamEntry(first, null));
            assertThat(s.autoClaim("s", "g1", "c2", Duration.ZERO, StreamId.MIN, 10)
                            .deleted())
                    .containsExactly(first);
            assertThat(s.pending("s", "g1").count()).isZero();
            assertThatThrownBy(() -> s.createGroup("s", "g1", "$"))
                    .isInstanceOf(dev.queuelab.api.streams.StreamException.class)
                    .hasMessage(dev.queuelab.api.streams.StreamFacts.BUSYGROUP);
            assertThatThrownBy(() -> s.readGroup("s", "g9", "c1", ">", 1))
                    .as("RJ1 the error names the scenario's key, not the run's, in the reference's words")
                    .hasMessage(dev.queuelab.api.streams.StreamFacts.noGroupRead("s", "g9"));
            assertThatThrownBy(() -> s.setGroupId("s", "g9", "0"))
                    .hasMessage(dev.queuelab.api.streams.StreamFacts.noGroupSetId("s", "g9"));
            assertThatThrownBy(() -> s.pending("s", "g9"))
                    .hasMessage(dev.queuelab.api.streams.StreamFacts.noGroup("s", "g9"));
            assertThat(s.ack("s", "g9", List.of(first)))
                    .as("XACK in no group: 0, no error")
                    .isZero();
        }
    }

    @Test
    void shouldServeOnLoopbackOnlyAndLeaveNothingRunningWhenClosed() throws Exception {
        String address;
        Path dir;
        long pid;
        try (RedisBroker own = RedisBroker.start()) {
            address = own.url().getHost() + ":" + own.url().getPort();
            assertThat(address).as("RB1 loopback only").startsWith("127.0.0.1:");
            dir = own.dir().orElseThrow();
            try (Jedis jedis = own.connect()) {
                assertThat(jedis.configGet("bind")).as("RB1").containsEntry("bind", "127.0.0.1");
                assertThat(jedis.configGet("save")).as("RB1 no snapshot").containsEntry("save", "");
                assertThat(jedis.configGet("appendonly")).containsEntry("appendonly", "no");
                pid = Long.parseLong(jedis.info("server")
                        .lines()
                        .filter(l -> l.startsWith("process_id:"))
                        .findFirst()
                        .orElseThrow()
                        .substring("process_id:".length())
                        .trim());
            }
            assertThat(ProcessHandle.of(pid))
                    .as("RB2 running when start returns")
                    .isPresent();
            RedisBroker theirs = RedisBroker.at(own.url().toString());
            assertThat(theirs.owned()).isFalse();
            theirs.close();
            assertThat(accepts(address))
                    .as("RB3 a server queuelab did not start is never stopped")
                    .isTrue();
        }
        assertThat(accepts(address)).as("RB3 stopped at close").isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("RB3 no redis-server left running")
                .isFalse();
        assertThat(Files.exists(dir)).as("RB3 its folder deleted").isFalse();
    }

    @Test
    void shouldSayWhatToInstallWhenRedisServerIsMissing() {
        assertThatThrownBy(() -> RedisBroker.start(Optional.empty()))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("redis-server is not installed")
                .hasMessageContaining("scripts/install-redis");
    }

    @Test
    void shouldSayWhatIsWrongWithAnAddress() {
        assertThatThrownBy(() -> RedisBroker.at("localhost:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--redis-url");
        int port = LoopbackPorts.free();
        assertThatThrownBy(() -> RedisBroker.at("redis://127.0.0.1:" + port))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("did not answer PING");
    }

    @Test
    void shouldDeleteTheKeysARunMade() {
        RedisStreamFactory factory = new RedisStreamFactory(redis);
        StreamService s = factory.create(java.time.InstantSource.system());
        s.add("s", "*", Map.of("m", "m1"), dev.queuelab.api.streams.Trim.NONE);
        try (Jedis jedis = redis.connect()) {
            assertThat(keys(jedis)).isNotEmpty();
            factory.close();
            assertThat(keys(jedis)).as("a check leaves nothing behind").isEmpty();
        }
    }

    private static List<?> keys(Jedis jedis) {
        return (List<?>) jedis.sendCommand(Command.KEYS, "queuelab:*");
    }

    /**
     * A service broken in one call: "ack" answers as if every id were acked and sends nothing; "claim" claims
     * (XCLAIM and XAUTOCLAIM) with a min-idle of 0 whatever it was asked.
     */
    private static StreamService broken(StreamService real, String how) {
        return (StreamService) Proxy.newProxyInstance(
                StreamService.class.getClassLoader(), new Class<?>[] {StreamService.class}, (proxy, m, args) -> {
                    if (how.equals("ack") && m.getName().equals("ack")) {
                        return (long) ((List<?>) args[2]).size();
                    }
                    if (how.equals("claim")
                            && (m.getName().equals("claim") || m.getName().equals("autoClaim"))) {
                        args[3] = Duration.ZERO;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean accepts(String hostPort) {
        String[] hp = hostPort.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
