package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Connection;
import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.Settings;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeSetup;
import dev.queuelab.check.pubsub.exchange.ExchangeStep;
import dev.queuelab.check.pubsub.exchange.XDeathOrder;
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

/**
 * RabbitMQ from the Debian package, one node for the class: the exchange checks pass on it, each check is proven
 * able to fail by an adapter broken in one way (reported as a real bug), and a node queuelab starts leaves
 * nothing running or on disk. Without the package these tests fail, saying what to install; they never skip.
 */
class RabbitBrokerTest {

    private static RabbitBroker rabbit;

    @BeforeAll
    static void start() {
        rabbit = RabbitBroker.start();
    }

    @AfterAll
    static void stop() {
        rabbit.close();
    }

    @Test
    void shouldPassEveryExchangeCheckOnRabbitMq() {
        String out = check(new RabbitExchangesFactory(rabbit), 3, Optional.empty(), 0);
        assertThat(out)
                .contains("PASSED  exchange/routing", "PASSED  exchange/consumers", "PASSED  exchange/dead-letters")
                .doesNotContain("SKIPPED");
    }

    @Test
    void shouldReportABugWhenTheAdapterTreatsHashAsOneWord() {
        try (RabbitExchangesFactory real = new RabbitExchangesFactory(rabbit)) {
            BrokerFactory oneWord = clock -> broken(real.create(clock), (m, args) -> {
                if (m.equals("bind")) {
                    BindingSpec b = (BindingSpec) args[0];
                    args[0] = new BindingSpec(
                            b.source(),
                            b.destination(),
                            b.toExchange(),
                            b.routingKey().replace('#', '*'),
                            b.arguments());
                }
            });
            String out = check(oneWord, 16, Optional.of("routing"), 1);
            assertThat(out).contains("would be a real bug").containsAnyOf("not-routed", "misrouted");
        }
    }

    @Test
    void shouldReportABugWhenTheAdapterIgnoresRequeue() {
        try (RabbitExchangesFactory real = new RabbitExchangesFactory(rabbit)) {
            BrokerFactory dropping = clock -> broken(real.create(clock), (m, args) -> {
                if (m.equals("nack")) {
                    args[3] = false;
                } else if (m.equals("reject")) {
                    args[2] = false;
                }
            });
            String out = check(dropping, 16, Optional.of("consumers"), 1);
            // the message dropped instead of requeued: missing where it was owed, or what follows it comes first
            assertThat(out).contains("would be a real bug").containsAnyOf("lost", "queue-reordered", "withheld");
        }
    }

    @Test
    void shouldServeOnLoopbackOnlyAndLeaveNothingRunningOrOnDisk() throws Exception {
        String address;
        Path dir;
        int epmd;
        try (RabbitBroker own = RabbitBroker.start();
                Connection c = own.connect()) {
            address = own.uri().getHost() + ":" + own.uri().getPort();
            assertThat(address).as("RQ1 loopback only").startsWith("127.0.0.1:");
            assertThat(c.isOpen())
                    .as("RQ2 takes connections when start returns")
                    .isTrue();
            dir = own.dir();
            epmd = own.epmdPort();
            assertThat(Files.isDirectory(dir)).isTrue();
            assertThat(accepts("127.0.0.1:" + epmd)).as("its own epmd").isTrue();
        }
        assertThat(accepts(address)).as("RQ3 the node stopped").isFalse();
        assertThat(accepts("127.0.0.1:" + epmd)).as("RQ3 its epmd ended").isFalse();
        assertThat(Files.exists(dir)).as("RQ3 its folder deleted").isFalse();
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
                .as("RQ3 no process of the node left")
                .isEmpty();
        assertThat(RabbitBroker.at(rabbit.uri().toString()).owned()).isFalse();
    }

    @Test
    void shouldSayInOneLineWhatToInstallWhenThePackageIsMissing() {
        assertThatThrownBy(() -> RabbitBroker.start(Path.of("/nonexistent/rabbitmq/bin")))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("scripts/install-rabbitmq")
                .hasMessageContaining("apt-get install rabbitmq-server")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /**
     * The retry loop where RabbitMQ before 3.13 departs from the documented x-death order: m2 is rejected in q1,
     * expires in wait, comes back and is dropped from q1 by m3 (drop-head). Documented, x-death is then
     * [q1/maxlen, wait/expired, q1/rejected] and going to wait again closes a cycle with no rejection in it; 3.12
     * and earlier reverse the older two, so the rejection comes first, m2 goes round once more, and the drain finds
     * it in q1 with [wait/expired x2, q1/rejected, q1/maxlen]. The harness holds the node to the order its version
     * records: the documented order finds an anomaly on an older node, its own order none.
     */
    @Test
    void shouldHoldANodeToTheXDeathOrderOfItsVersionOnARetryLoopWhereOlderOnesDepart() {
        ExchangeSetup setup = new ExchangeSetup(
                List.of(ExchangeSpec.of("x", ExchangeType.DIRECT), ExchangeSpec.of("retry", ExchangeType.FANOUT)),
                List.of(
                        QueueSpec.classic("q1")
                                .withMaxLength(1, Overflow.DROP_HEAD)
                                .withDeadLetters("retry", Optional.empty()),
                        QueueSpec.classic("wait")
                                .withMessageTtl(Duration.ofSeconds(5))
                                .withDeadLetters("x", Optional.of("again"))),
                List.of(
                        BindingSpec.queue("x", "q1", "k"),
                        BindingSpec.queue("x", "q1", "again"),
                        BindingSpec.queue("retry", "wait", "")),
                List.of(new ExchangeSetup.Consumer("A", "ch1", "q1", 2)));
        Scenario<ExchangeSetup, ExchangeStep> story = new Scenario<>(
                setup,
                List.of(
                        new ExchangeStep.Publish("k", Map.of(), false, 0, false), // m1, dropped by m2: to wait
                        new ExchangeStep.Publish("k", Map.of(), false, 0, false), // m2
                        new ExchangeStep.Receive("A"),
                        new ExchangeStep.Settle("A", 0, ExchangeStep.Kind.REJECT, false, false), // m2 to wait
                        new ExchangeStep.Tick(5), // both expire: m1 closes a cycle (dropped), m2 is back in q1
                        new ExchangeStep.Publish("k", Map.of(), false, 0, false), // m3 drops m2
                        new ExchangeStep.Tick(5)));
        XDeathOrder own = XDeathOrder.ofRabbitMq(rabbit.version());
        try (RabbitExchangesFactory factory = new RabbitExchangesFactory(rabbit)) {
            Optional<Anomaly> held =
                    RabbitTarget.suite(own).judge(factory).judge(story).anomaly();
            assertThat(held)
                    .as("RabbitMQ %s held to its own x-death order", rabbit.version())
                    .isEmpty();
            if (own == XDeathOrder.BEFORE_3_13) {
                Optional<Anomaly> documented = RabbitTarget.suite(XDeathOrder.DOCUMENTED)
                        .judge(factory)
                        .judge(story)
                        .anomaly();
                assertThat(documented)
                        .as("RabbitMQ %s held to the documented order departs from it", rabbit.version())
                        .isPresent();
            }
        }
    }

    private static String check(BrokerFactory factory, int trials, Optional<String> property, int expectFailed) {
        StringWriter out = new StringWriter();
        int failed = RabbitTarget.suite(rabbit)
                .check(
                        factory,
                        new Settings(trials, OptionalLong.of(Settings.DEFAULT_SEED), "rabbitmq"),
                        property,
                        "./queuelab brokers check rabbitmq",
                        new PrintWriter(out));
        if (factory instanceof RabbitExchangesFactory f) {
            f.close();
        }
        assertThat(failed).as(out.toString()).isEqualTo(expectFailed);
        return out.toString();
    }

    private interface Breakage {
        void apply(String method, Object[] args);
    }

    /** The adapter with one call's arguments changed on the way to RabbitMQ. */
    private static Broker broken(Broker real, Breakage breakage) {
        return (Broker) Proxy.newProxyInstance(
                Broker.class.getClassLoader(), new Class<?>[] {Broker.class}, (proxy, m, args) -> {
                    if (args != null) {
                        breakage.apply(m.getName(), args);
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
