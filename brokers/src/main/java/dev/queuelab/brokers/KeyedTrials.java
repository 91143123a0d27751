package dev.queuelab.brokers;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.log.LogProperty;
import dev.queuelab.check.log.LogSetup;
import dev.queuelab.check.log.LogStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A log property as Kafka is checked by it: each record gets a key, in every other trial (those of an odd seed)
 * of {@code partitioning} and in every trial of the other properties. A trial is judged up to its first anomaly,
 * and Kafka's producer sends a record without a key to a sticky partition, not round-robin: a documented
 * difference that would end the judging of nearly every trial at its first unkeyed record, so that keys, offsets,
 * reads, members and transactions after it went unchecked. The keyed trials check them; the unkeyed trials of
 * {@code partitioning}, the property about where records go, still show the difference.
 *
 * <p>Invariants:
 *   KT1 a trial of {@code partitioning} of an even seed is the property's own scenario, unchanged;
 *   KT2 a keyed trial is the same scenario with each unkeyed append given key k1 to k8 by its place (the same
 *       seed, the same trial).
 *
 * <p>Thread-safety: immutable. Real world: Kafka's producer, whose unkeyed records stick to a partition (KIP-480).
 */
final class KeyedTrials implements Property<LogSetup, LogStep, LogCapabilities> {

    private final LogProperty property;
    private final boolean everyTrial;

    KeyedTrials(LogProperty property) {
        this.property = property;
        this.everyTrial = property != LogProperty.PARTITIONING;
    }

    @Override
    public Scenario<LogSetup, LogStep> generate(long seed, LogCapabilities capabilities) {
        Scenario<LogSetup, LogStep> scenario = property.generate(seed, capabilities);
        if (!everyTrial && (seed & 1) == 0) {
            return scenario; // KT1
        }
        List<LogStep> keyed = new ArrayList<>(scenario.steps().size());
        for (LogStep step : scenario.steps()) {
            keyed.add(
                    step instanceof LogStep.Produce p && p.key() == 0
                            ? new LogStep.Produce(p.producer(), 1 + keyed.size() % 8, p.idempotent(), p.ackLost())
                            : step); // KT2
        }
        return scenario.withSteps(keyed);
    }

    @Override
    public String topology() {
        return property.topology();
    }

    @Override
    public String id() {
        return property.id();
    }

    @Override
    public String doc() {
        return property.doc();
    }

    @Override
    public boolean appliesTo(LogCapabilities capabilities) {
        return property.appliesTo(capabilities);
    }

    @Override
    public Map<String, Double> coverage() {
        return property.coverage();
    }

    @Override
    public List<LogSetup> simpler(LogSetup config) {
        return property.simpler(config);
    }
}
