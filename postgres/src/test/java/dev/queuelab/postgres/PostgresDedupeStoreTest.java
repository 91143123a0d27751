package dev.queuelab.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.semantics.DeliveryChecks;
import dev.queuelab.check.semantics.DeliveryPromise;
import dev.queuelab.check.semantics.DeliveryProperty;
import dev.queuelab.check.semantics.PipelineFactory;
import dev.queuelab.reference.semantics.Consumer;
import dev.queuelab.reference.semantics.Pipeline;
import dev.queuelab.reference.semantics.Producer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PD1 to PD4 on a real Postgres and the simulated clock, and the store judged by the delivery checks exactly
 * as the in-memory store is: the idempotent consumer's promise holds with a long TTL, and a short TTL is
 * caught as the duplicate after the key expired.
 */
class PostgresDedupeStoreTest {

    private static final AtomicInteger STORES = new AtomicInteger();
    private static Connection connection;
    private static Connection outside;
    private final SimClock clock = new SimClock();

    @BeforeAll
    static void connect() throws SQLException {
        connection = PostgresServer.shared().connect();
        outside = PostgresServer.shared().connect();
        try (Statement s = outside.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS effects (key text NOT NULL)");
        }
    }

    @AfterAll
    static void disconnect() throws SQLException {
        connection.close();
        outside.close();
    }

    private PostgresDedupeStore store(Duration ttl, int maxKeys) {
        return new PostgresDedupeStore(connection, "test-" + STORES.incrementAndGet(), ttl, maxKeys, clock);
    }

    @Test
    void remembersAKeyForExactlyItsTtlHalfOpenAndTheSweepDeletesItThen() {
        PostgresDedupeStore store = store(Duration.ofSeconds(10), 100);
        store.mark("k1");
        clock.advance(Duration.ofMillis(9_999));
        assertThat(store.seen("k1")).as("PD1: at t + ttl - 1ms").isTrue();
        assertThat(store.sweep()).as("PD2: nothing to sweep yet").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.seen("k1")).as("PD2: at t + ttl").isFalse();
        assertThat(store.sweep()).as("PD2: swept at t + ttl").isEqualTo(1);
        assertThat(store.size()).isZero();
    }

    @Test
    void keepsTheFirstMarkWhenAKeyIsMarkedAgain() {
        PostgresDedupeStore store = store(Duration.ofSeconds(10), 100);
        store.mark("k1");
        clock.advance(Duration.ofSeconds(5));
        store.mark("k1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.seen("k1")).as("PD1: a second mark changes nothing").isFalse();
    }

    @Test
    void evictsTheOldestFirstAndCountsIt() {
        PostgresDedupeStore store = store(Duration.ofHours(1), 2);
        store.mark("k1");
        clock.advance(Duration.ofSeconds(1));
        store.mark("k2");
        store.mark("k3");
        assertThat(store.seen("k1")).as("PD3: the oldest goes").isFalse();
        assertThat(store.seen("k2")).isTrue();
        assertThat(store.seen("k3")).isTrue();
        assertThat(store.evictions()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void theMarkAndTheEffectCommitTogetherOrNotAtAll() throws SQLException {
        PostgresDedupeStore store = store(Duration.ofHours(1), 100);
        String key = "order-" + STORES.get();
        assertThatThrownBy(() -> store.processOnce(key, c -> {
                    insertEffect(c, key);
                    throw new IllegalStateException("the consumer dies before the commit");
                }))
                .hasMessageContaining("dies");
        assertThat(effects(key))
                .as("PD4: the crash took the effect with the mark")
                .isZero();
        assertThat(store.processOnce(key, c -> insertEffect(c, key))).isTrue();
        assertThat(store.processOnce(key, c -> insertEffect(c, key))).isFalse();
        assertThat(effects(key)).as("PD4: judged from another connection").isEqualTo(1);
    }

    /** The broken twin the check above must catch: the effect commits, then the mark in a transaction of its own. */
    @Test
    void markingInASecondTransactionRepeatsTheEffectAfterACrashBetween() throws SQLException {
        PostgresDedupeStore store = store(Duration.ofHours(1), 100);
        String key = "order-" + STORES.get();
        for (int delivery = 1; delivery <= 2; delivery++) {
            if (!store.seen(key)) {
                insertEffect(outside, key); // autocommit: its own transaction
                if (delivery == 1) {
                    continue; // crash between the effect and the mark
                }
                store.mark(key);
            }
        }
        assertThat(effects(key)).as("the mark outside the effect's transaction").isEqualTo(2);
    }

    static final ReplayCommand REPLAY = (p, impl, seed) -> "./mvnw -q verify -pl postgres -am"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PostgresDedupeStoreTest -Dqueuelab.seed=" + seed
            + " -Dqueuelab.trials=1";

    private static PipelineFactory idempotentOnPostgres(Duration ttl) {
        return (config, clock, effects) -> Pipeline.onWorkQueue(
                WorkQueueConfig.standardQueue().withVisibilityTimeout(config.visibility()),
                clock,
                effects,
                Producer.Mode.RETRY_UNTIL_ACKED,
                Consumer.Mode.IDEMPOTENT,
                Optional.of(new PostgresDedupeStore(
                        connection, "pipeline-" + STORES.incrementAndGet(), ttl, 10_000, clock)));
    }

    @Test
    void theDeliveryChecksJudgeItAsTheyJudgeTheMemoryStore() {
        Settings settings = Settings.fromSystemProperties().withTrials(100);
        Duration ttl = Duration.ofHours(1);
        DeliveryPromise promise = DeliveryPromise.exactlyOnceEffect(ttl, 2);
        int judged = 0;
        for (DeliveryProperty p : DeliveryProperty.values()) {
            if (!p.appliesTo(promise)) {
                continue;
            }
            CheckResult r = DeliveryChecks.BINDING.check(
                    p, "delivery.postgres-dedupe", promise, idempotentOnPostgres(ttl), REPLAY, settings);
            assertThat(r.passed()).as(r.report()).isTrue();
            judged++;
        }
        assertThat(judged).as("no-duplicate and no-loss apply").isEqualTo(2);
    }

    @Test
    void aTtlShorterThanTheRedeliveryWindowIsCaught() {
        Settings settings = Settings.fromSystemProperties().withTrials(100);
        Duration ttl = Duration.ofSeconds(1);
        CheckResult r = DeliveryChecks.BINDING.check(
                DeliveryProperty.NO_DUPLICATE,
                "delivery.postgres-dedupe-short-ttl",
                DeliveryPromise.exactlyOnceEffect(ttl, 2),
                idempotentOnPostgres(ttl),
                REPLAY,
                settings);
        assertThat(r.failed()).as(r.report()).isTrue();
        assertThat(r.anomaly().orElseThrow().name()).isEqualTo("duplicate-after-key-expired");
    }

    private static void insertEffect(Connection c, String key) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO effects (key) VALUES (?)")) {
            s.setString(1, key);
            s.executeUpdate();
        }
    }

    private static int effects(String key) throws SQLException {
        try (var s = outside.prepareStatement("SELECT count(*) FROM effects WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
