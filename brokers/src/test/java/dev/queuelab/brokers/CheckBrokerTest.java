package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.check.Settings;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-time checks and the diff on each broker queuelab starts: they pass on the broker as it is, and each is
 * proven able to fail by an adapter broken in one way, which the check or the diff must report as a real bug.
 */
class CheckBrokerTest {

    private static final Settings FEW = new Settings(2, OptionalLong.of(Settings.DEFAULT_SEED), "broker");

    private static SqsBroker sqs;
    private static KafkaBroker kafka;

    @BeforeAll
    static void start() {
        sqs = SqsBroker.start();
        kafka = KafkaBroker.start();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        kafka.close();
    }

    @Test
    void shouldPassTheWorkQueueChecksOnElasticMq() {
        StringWriter out = new StringWriter();
        try (SqsWorkQueueFactory factory = new SqsWorkQueueFactory(sqs)) {
            int failed = SqsTarget.SUITE.check(factory, FEW, Optional.of("acks"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isZero();
        }
    }

    @Test
    void shouldReportABugWhenTheSqsAdapterAltersWhatItReceived() {
        StringWriter out = new StringWriter();
        try (SqsWorkQueueFactory real = new SqsWorkQueueFactory(sqs)) {
            WorkQueueFactory altering = (config, clock) -> altering(real.create(config, clock));
            int failed = SqsTarget.SUITE.check(altering, FEW, Optional.of("acks"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString())
                    .contains("message-altered")
                    .contains("would be a real bug")
                    .doesNotContain("SKIPPED");
        }
    }

    @Test
    void shouldPassTheLogChecksOnKafka() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory factory = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            int failed =
                    KafkaTarget.SUITE.check(factory, FEW, Optional.of("partitioning"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isZero();
        }
    }

    @Test
    void shouldReportABugWhenTheKafkaAdapterReadsFromTheWrongOffset() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory real = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            LogFactory skipping = (config, clock) -> skipFirst(real.create(config, clock));
            int failed =
                    KafkaTarget.SUITE.check(skipping, FEW, Optional.of("partitioning"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("FAILED");
        }
    }

    @Test
    void shouldPassTheGroupChecksOnKafkasClassicProtocol() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory factory = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            int failed = KafkaTarget.SUITE.check(factory, FEW, Optional.of("stale"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isZero();
            assertThat(out.toString()).contains("PASSED  log/stale");
        }
    }

    @Test
    void shouldReportABugWhenTheKafkaAdapterNeverEndsASession() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory real = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            InstantSource stopped = InstantSource.fixed(Instant.now()); // the adapter's clock: no session runs out
            LogFactory timeless = (config, clock) -> real.create(config, stopped);
            int failed = KafkaTarget.SUITE.check(timeless, FEW, Optional.of("stale"), "replay", new PrintWriter(out));
            assertThat(failed).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("would be a real bug");
        }
    }

    @Test
    void shouldPrintTheDiffsTableWithEveryDivergenceClassifiedOnKafka() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory factory = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            int bugs = BrokerDiff.run(
                    KafkaTarget.SUITE, factory, 3, Settings.DEFAULT_SEED, CheckBrokerTest::quick, new PrintWriter(out));
            assertThat(bugs).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("identical answers")
                    .contains("every divergence classified; none would be a real bug");
        }
    }

    @Test
    void shouldReportARealBugAndItsMinimalTraceWhenTheDiffMeetsABrokenKafkaAdapter() {
        StringWriter out = new StringWriter();
        try (KafkaLogFactory real = new KafkaLogFactory(kafka, KafkaTarget.CAPABILITIES)) {
            LogFactory skipping = (config, clock) -> skipFirst(real.create(config, clock));
            int bugs = BrokerDiff.run(
                    KafkaTarget.SUITE,
                    skipping,
                    3,
                    Settings.DEFAULT_SEED,
                    CheckBrokerTest::quick,
                    new PrintWriter(out));
            assertThat(bugs).as(out.toString()).isPositive();
            assertThat(out.toString())
                    .contains("would be a real bug")
                    .contains("minimal trace (")
                    .contains("diverged in a way no documentation allows");
        }
    }

    /**
     * The diff's properties these tests go round: partitioning, idempotence and transactions. A group's traces wait
     * out ticks of two units and rebalance on every join, seconds each; the group checks above cover them.
     */
    private static boolean quick(String property) {
        return !Set.of("groups", "stale", "commits").contains(property);
    }

    /** A log whose reads skip the first record asked for: an off-by-one any reader would suffer. */
    private static PartitionedLog skipFirst(PartitionedLog log) {
        return (PartitionedLog) Proxy.newProxyInstance(
                PartitionedLog.class.getClassLoader(), new Class<?>[] {PartitionedLog.class}, (proxy, m, args) -> {
                    if (m.getName().equals("read") && args.length == 4) {
                        FetchResult r =
                                log.read((int) args[0], (long) args[1] + 1, (int) args[2], (IsolationLevel) args[3]);
                        return r;
                    }
                    try {
                        return m.invoke(log, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A queue whose deliveries carry a body changed on the way: what a wrong attribute mapping would do. */
    @SuppressWarnings("unchecked") // receive answers a list of deliveries
    private static WorkQueue altering(WorkQueue queue) {
        return (WorkQueue) Proxy.newProxyInstance(
                WorkQueue.class.getClassLoader(), new Class<?>[] {WorkQueue.class}, (proxy, m, args) -> {
                    Object answer;
                    try {
                        answer = m.invoke(queue, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (!m.getName().equals("receive")) {
                        return answer;
                    }
                    return ((List<Delivery>) answer)
                            .stream()
                                    .map(d -> new Delivery(
                                            new Message(
                                                    d.messageId(),
                                                    d.message().groupId(),
                                                    d.message().dedupId(),
                                                    d.message().payload() + "!",
                                                    d.message().headers()),
                                            d.receipt(),
                                            d.receiveCount()))
                                    .toList();
                });
    }
}
