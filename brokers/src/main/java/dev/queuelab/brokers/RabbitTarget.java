package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeChecks;
import dev.queuelab.check.pubsub.exchange.ExchangeEvent;
import dev.queuelab.check.pubsub.exchange.ExchangeProperty;
import dev.queuelab.check.pubsub.exchange.ExchangeSetup;
import dev.queuelab.check.pubsub.exchange.ExchangeStep;
import dev.queuelab.check.pubsub.exchange.XDeathOrder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RabbitMQ as the exchange topology: a node of the Debian package started by queuelab, or a user's broker. */
final class RabbitTarget implements BrokerTarget {

    /**
     * What the harness holds RabbitMQ 3.10 to: dead-letter exchanges, TTLs and length limits, and quorum queues
     * with their delivery limit (given on every quorum queue: 3.10 has no default, 4.0 has 20).
     */
    static final ExchangeCapabilities CAPABILITIES = new ExchangeCapabilities(true, true);

    /** The checks as a broker that records x-death in the documented order is held to them. */
    static final BrokerSuite<?, ?, ?, BrokerFactory, ?> SUITE = suite(XDeathOrder.DOCUMENTED);

    /**
     * The checks as {@code rabbit} is held to them: the x-death order of the version its server announces (a
     * server older than 3.13 departs from the documented one: {@link XDeathOrder#BEFORE_3_13}).
     */
    static BrokerSuite<?, ?, ?, BrokerFactory, ?> suite(RabbitBroker rabbit) {
        return suite(XDeathOrder.ofRabbitMq(rabbit.version()));
    }

    static BrokerSuite<ExchangeSetup, ExchangeStep, ExchangeCapabilities, BrokerFactory, ExchangeEvent> suite(
            XDeathOrder order) {
        return new BrokerSuite<>(
                "rabbitmq",
                clocks -> ExchangeChecks.withClocks(clocks, order),
                new ExchangeTimeScale(),
                CAPABILITIES,
                List.of(ExchangeProperty.values()),
                Map.of(),
                Implementations.EXCHANGES.get("exchange.reference").factory());
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public String about() {
        return "RabbitMQ as exchanges and queues (the Debian package's node on loopback, the official AMQP client);"
                + " the exchange checks";
    }

    @Override
    public String addressOption() {
        return "--amqp-uri";
    }

    @Override
    public int defaultTrials() {
        return 8;
    }

    @Override
    public int check(Optional<String> address, Settings settings, Optional<String> property, PrintWriter out) {
        try (RabbitBroker rabbit = address.map(RabbitBroker::at).orElseGet(RabbitBroker::start);
                RabbitExchangesFactory factory = new RabbitExchangesFactory(rabbit)) {
            out.println("brokers check rabbitmq: " + describe(rabbit) + ", " + settings.trials()
                    + " real-time trial(s) per property, seed " + settings.trialSeed(0));
            out.flush();
            return suite(rabbit)
                    .check(factory, settings, property, "./queuelab brokers check rabbitmq" + replay(address), out);
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (RabbitBroker rabbit = address.map(RabbitBroker::at).orElseGet(RabbitBroker::start);
                RabbitExchangesFactory factory = new RabbitExchangesFactory(rabbit)) {
            out.println("brokers diff rabbitmq: " + traces + " traces (seed " + seed + ") in lock step on the"
                    + " reference and " + describe(rabbit));
            out.flush();
            return BrokerDiff.run(suite(rabbit), factory, traces, seed, out);
        }
    }

    private static String describe(RabbitBroker rabbit) {
        String version = rabbit.version();
        XDeathOrder order = XDeathOrder.ofRabbitMq(version);
        return (rabbit.owned() ? "a RabbitMQ node of its own at " : "the RabbitMQ broker at ")
                + rabbit.address()
                + (version.isEmpty() ? "" : " (RabbitMQ " + version + ")")
                + (order == XDeathOrder.DOCUMENTED ? "" : ", held to the x-death order of RabbitMQ before 3.13");
    }

    private static String replay(Optional<String> address) {
        return address.map(a -> " --amqp-uri " + a).orElse("");
    }
}
