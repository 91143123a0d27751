package dev.queuelab.reference.log;

import dev.queuelab.api.log.LogConfig;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Puts a {@link KafkaLog} together from its parts: the rules it decides by, where each partition keeps its
 * segments, the partitions themselves, the group coordinator and the exactly-once side. Every part has the
 * reference's default; a tester replaces one and keeps the rest.
 *
 * <pre>
 *   KafkaLog log = KafkaLog.builder(config, clock).rules(new MyRules()).build();
 * </pre>
 *
 * Teaches: composition instead of inheritance: a variant of the log is a different part handed in, not a
 * subclass that reaches into the log's state, so the log itself stays final and its lock its own.
 * Invariants:
 *   KB1 every part is made from the same config and rules, in the order partitions, groups, exactly-once
 *      (each later part may hold the earlier ones);
 *   KB2 a builder makes parts only in {@link #build()}: two logs built from one builder share nothing.
 * Thread-safety: none; build a log on one thread, then share the log.
 * Real world: Kafka wires its broker the same way (a LogManager, a GroupCoordinator and a
 * TransactionCoordinator built apart and handed to the request handlers).
 */
public final class KafkaLogBuilder {

    /** Makes partition {@code id} over what {@code storage} kept. */
    @FunctionalInterface
    public interface PartitionFactory {
        Partition open(int id, LogConfig config, LogRules rules, LogStorage storage);
    }

    /** Makes the exactly-once side over the log's partitions and groups. */
    @FunctionalInterface
    public interface ExactlyOnceFactory {
        ExactlyOnceWrites create(Partition[] partitions, GroupCoordinator groups, LogRules rules);
    }

    private final LogConfig config;
    private final InstantSource clock;
    private LogRules rules = LogRules.REFERENCE;
    private LogStorage.Factory storage = MemoryLogStorage::new;
    private PartitionFactory partitions = Partition::new;
    private BiFunction<LogConfig, LogRules, GroupCoordinator> groups = GroupCoordinator::new;
    private ExactlyOnceFactory exactlyOnce = ExactlyOnceWrites::new;

    KafkaLogBuilder(LogConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The decisions (L1 to L14); {@link LogRules#REFERENCE} unless set. */
    public KafkaLogBuilder rules(LogRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules (LogRules.REFERENCE, or a subclass of LogRules)");
        return this;
    }

    /** Where each partition keeps its segments; in memory unless set. */
    public KafkaLogBuilder storage(LogStorage.Factory storage) {
        this.storage = Objects.requireNonNull(storage, "storage (MemoryLogStorage::new, or DiskLogStorage.factory)");
        return this;
    }

    public KafkaLogBuilder partitions(PartitionFactory partitions) {
        this.partitions = Objects.requireNonNull(partitions, "partitions (Partition::new)");
        return this;
    }

    public KafkaLogBuilder groups(BiFunction<LogConfig, LogRules, GroupCoordinator> groups) {
        this.groups = Objects.requireNonNull(groups, "groups (GroupCoordinator::new)");
        return this;
    }

    public KafkaLogBuilder exactlyOnce(ExactlyOnceFactory exactlyOnce) {
        this.exactlyOnce = Objects.requireNonNull(exactlyOnce, "exactlyOnce (ExactlyOnceWrites::new)");
        return this;
    }

    /** KB1, KB2: a new log of new parts. */
    public KafkaLog build() {
        return new KafkaLog(parts());
    }

    /** What a log is made of, made afresh (KB2). */
    record Parts(
            LogConfig config,
            InstantSource clock,
            LogRules rules,
            Partition[] partitions,
            GroupCoordinator groups,
            ExactlyOnceWrites exactlyOnce) {}

    Parts parts() {
        Partition[] made = new Partition[config.partitions()];
        for (int p = 0; p < made.length; p++) {
            made[p] = Objects.requireNonNull(partitions.open(p, config, rules, storage.open(p)), "partition " + p);
        }
        GroupCoordinator coordinator = Objects.requireNonNull(groups.apply(config, rules), "groups");
        ExactlyOnceWrites writes = Objects.requireNonNull(exactlyOnce.create(made, coordinator, rules), "exactlyOnce");
        return new Parts(config, clock, rules, made, coordinator, writes); // KB1
    }
}
