package dev.queuelab.brokers;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.log.LogChecks;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.check.log.LogProperty;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Apache Kafka as a partitioned log: a KRaft broker in this JVM, or a user's cluster. */
final class KafkaTarget implements BrokerTarget {

    /**
     * What the harness holds Kafka to: appends, reads and offsets through the Java clients; idempotence with the
     * caller's own sequences and transactions by producer id over Kafka's wire (see {@link KafkaLog}); consumer
     * groups over the classic protocol, a connection per member ({@link KafkaGroups}: with the range and
     * round-robin assignors, not the sticky one). Retention and compaction run on the broker's own schedule
     * (minutes), not a scenario's.
     */
    static final LogCapabilities CAPABILITIES = new LogCapabilities(true, true, true, false, false);

    static final BrokerSuite<?, ?, ?, LogFactory, ?> SUITE = new BrokerSuite<>(
            "kafka",
            LogChecks::withClocks,
            new LogTimeScale(),
            CAPABILITIES,
            Arrays.stream(LogProperty.values())
                    .filter(p -> p != LogProperty.RESTART)
                    .map(KeyedTrials::new) // every other trial keyed: the sticky null key ends no judging there
                    .toList(),
            Map.of(
                    "log/restart",
                    "a restart step would stop and start the broker inside a check; Kafka's durability is"
                            + " the crash trials' subject, not this check's"),
            Implementations.LOGS.get("log.reference").factory());

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String about() {
        return "Apache Kafka 4.4 as a partitioned log (KRaft in this JVM, the Java clients and the raw"
                + " protocol); the log checks";
    }

    @Override
    public String addressOption() {
        return "--bootstrap-servers";
    }

    @Override
    public int defaultTrials() {
        return 8;
    }

    @Override
    public int check(Optional<String> address, Settings settings, Optional<String> property, PrintWriter out) {
        try (KafkaBroker kafka = address.map(KafkaBroker::at).orElseGet(KafkaBroker::start);
                KafkaLogFactory factory = new KafkaLogFactory(kafka, CAPABILITIES)) {
            out.println("brokers check kafka: " + describe(kafka) + ", " + settings.trials()
                    + " real-time trial(s) per property, seed " + settings.trialSeed(0));
            out.flush();
            return SUITE.check(factory, settings, property, "./queuelab brokers check kafka" + replay(address), out);
        }
    }

    @Override
    public int diff(Optional<String> address, int traces, long seed, PrintWriter out) {
        try (KafkaBroker kafka = address.map(KafkaBroker::at).orElseGet(KafkaBroker::start);
                KafkaLogFactory factory = new KafkaLogFactory(kafka, CAPABILITIES)) {
            out.println("brokers diff kafka: " + traces + " traces (seed " + seed + ") in lock step on the reference"
                    + " and " + describe(kafka));
            out.flush();
            return BrokerDiff.run(SUITE, factory, traces, seed, out);
        }
    }

    private static String describe(KafkaBroker kafka) {
        return (kafka.owned() ? "Kafka 4.4 (KRaft) in this JVM at " : "the Kafka cluster at ")
                + kafka.bootstrapServers();
    }

    private static String replay(Optional<String> address) {
        return address.map(a -> " --bootstrap-servers " + a).orElse("");
    }
}
