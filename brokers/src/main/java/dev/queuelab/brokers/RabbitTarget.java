package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeChecks;
import dev.queuelab.check.pubsub.exchange.ExchangeProperty;
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

    static final BrokerSuite<?, ?, ?, BrokerFactory, ?> SUITE = new BrokerSuite<>(
            "rabbitmq",
            ExchangeChecks::withClocks,
            new ExchangeTimeScale(),
            CAPABILITIES,
            List.of(ExchangeProperty.values()),
            Map.of(),
            Implementations.EXCHANGES.get("exchange.reference").factory());

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
            return SUITE.check(factory, settings, property, "./queuelab brokers check rabbitmq" + replay(address), out);
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (RabbitBroker rabbit = address.map(RabbitBroker::at).orElseGet(RabbitBroker::start);
                RabbitExchangesFactory factory = new RabbitExchangesFactory(rabbit)) {
            out.println("brokers diff rabbitmq: " + traces + " traces (seed " + seed + ") in lock step on the"
                    + " reference and " + describe(rabbit));
            out.flush();
            return BrokerDiff.run(SUITE, factory, traces, seed, out);
        }
    }

    private static String describe(RabbitBroker rabbit) {
        return (rabbit.owned() ? "a RabbitMQ node of its own at " : "the RabbitMQ broker at ") + rabbit.address();
    }

    private static String replay(Optional<String> address) {
        return address.map(a -> " --amqp-uri " + a).orElse("");
    }
}
