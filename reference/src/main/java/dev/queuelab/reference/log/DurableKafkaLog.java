package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The partitioned log of {@link KafkaLog} with its partitions on disk: opened (and recovered) from a
 * directory, forced by a {@link FlushPolicy}, closed cleanly or lost to a simulated power loss.
 *
 * <pre>
 *   logDir/
 *     orders-0/   00000000000000000000.log .index  00000000000000004096.log .index  .clean-shutdown
 *     orders-1/   ...
 *     orders.committed-offsets       "group/partition offset" lines and a CRC32C, replaced atomically
 * </pre>
 *
 * Teaches: what an acknowledgement promises. {@link #send} returns a future that completes when the append
 * survives what {@link #durability()} names; a commit never points past what survives a crash.
 * Invariants:
 *   P1 a completed send under force or group commit survives kill -9 and power loss (D1, D4, D5);
 *   P2 a committed offset is written only after the partition it points into has been forced, so after any
 *      crash it is at most the recovered high watermark;
 *   P3 opening recovers every partition (D3, D7, D8) and restores the committed offsets.
 * Thread-safety: as {@link KafkaLog}; a send's force runs after the monitor is released, so other appends
 * go on during it.
 * Real world: Kafka's log layer with one replica, flush.messages / flush.ms as the policies. Kafka rebuilds
 * producer state from its batches and snapshots and aborts a transaction its coordinator timed out; here the
 * idempotent producers' sequences are not restored, and a transaction open at a crash stays open.
 */
public class DurableKafkaLog extends KafkaLog implements AutoCloseable {

    private final Disk disk;
    private final Path offsetsFile;
    private final FlushPolicy policy;
    private final Map<String, Long> committed = new HashMap<>();

    protected DurableKafkaLog(
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler,
            DiskRules rules) {
        this(Disk.REAL, logDir, topic, config, policy, clock, scheduler, rules);
    }

    /** As the other constructor, with every file operation going through {@code disk}. */
    protected DurableKafkaLog(
            Disk disk,
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler,
            DiskRules rules) {
        super(config, clock, DiskLogStorage.factory(disk, logDir, topic, policy, scheduler, rules));
        this.disk = disk;
        this.policy = policy;
        this.offsetsFile = logDir.resolve(topic + ".committed-offsets");
        OffsetCheckpointFile.read(disk, offsetsFile).orElse(Map.of()).forEach((name, offset) -> {
            int slash = name.lastIndexOf('/');
            String group = name.substring(0, slash);
            groupCoordinator()
                    .commitFromTransaction(group, Map.of(Integer.parseInt(name.substring(slash + 1)), offset));
            committed.put(name, offset); // P3
        });
    }

    /** Opens (creating, or recovering) the topic {@code topic} under {@code logDir}. */
    public static DurableKafkaLog open(
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler) {
        return open(logDir, topic, config, policy, clock, scheduler, DiskRules.REFERENCE);
    }

    /** As {@link #open(Path, String, LogConfig, FlushPolicy, InstantSource, FlushScheduler)}, under other rules. */
    public static DurableKafkaLog open(
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler,
            DiskRules rules) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the log directory " + logDir, e);
        }
        return open(Disk.REAL, logDir, topic, config, policy, clock, scheduler, rules);
    }

    /**
     * As {@link #open(Path, String, LogConfig, FlushPolicy, InstantSource, FlushScheduler, DiskRules)}, with every
     * file operation going through {@code disk}: a simulated one, in the crash trials.
     */
    public static DurableKafkaLog open(
            Disk disk,
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler,
            DiskRules rules) {
        Objects.requireNonNull(policy, "policy (FlushPolicy.forceEachAppend(), groupCommit(...) or pageCache())");
        if (topic == null || !topic.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "topic " + topic + " cannot name a directory: use letters, digits, '.', '_' or '-'");
        }
        disk.createDirectories(logDir);
        return new DurableKafkaLog(disk, logDir, topic, config, policy, clock, scheduler, rules);
    }

    @Override
    public Durability durability() {
        return policy.durability();
    }

    @Override
    public CompletableFuture<AppendOutcome> send(int partition, ProducerRecord record) {
        Partition p = partition(partition);
        Object[] sent = locked(now -> {
            AppendOutcome outcome = append(partition, record);
            return new Object[] {outcome, p.storage().acknowledgement(outcome.offset())};
        });
        p.storage().flushIfDue(clock().instant()); // outside the monitor: appends go on during a force
        @SuppressWarnings("unchecked")
        CompletableFuture<Void> ack = (CompletableFuture<Void>) sent[1];
        return ack.thenApply(v -> (AppendOutcome) sent[0]);
    }

    /** Forces every partition now, completing every send that waits. */
    public void flush() {
        for (int p = 0; p < config().partitions(); p++) {
            partition(p).storage().flush();
        }
    }

    /** P2: the partition is forced before the offset is written, under every policy. */
    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        CommitOutcome outcome = super.commit(group, memberId, generation, partition, offset);
        if (outcome == CommitOutcome.COMMITTED) {
            partition(partition).storage().flush();
            synchronized (committed) {
                committed.put(group + "/" + partition, offset);
                OffsetCheckpointFile.write(disk, offsetsFile, committed);
            }
        }
        return outcome;
    }

    /** What opening each partition found and did (P3). */
    public List<RecoveryReport> recovery() {
        List<RecoveryReport> reports = new ArrayList<>();
        for (int p = 0; p < config().partitions(); p++) {
            reports.add(partition(p).storage().recovery());
        }
        return reports;
    }

    /** A clean shutdown: everything forced, each partition marked clean, files closed. */
    @Override
    public void close() {
        synchronized (monitor()) {
            for (int p = 0; p < config().partitions(); p++) {
                partition(p).storage().close();
            }
        }
    }

    /**
     * A power loss, for simulations and trials: every file keeps only what was forced, nothing is marked clean,
     * and this object is dead (open the directory again to recover). Under page cache, that is everything not
     * forced by a commit: the expected loss of that policy.
     */
    public void simulatePowerLoss() {
        synchronized (monitor()) {
            for (int p = 0; p < config().partitions(); p++) {
                partition(p).storage().powerLoss();
            }
        }
    }
}
