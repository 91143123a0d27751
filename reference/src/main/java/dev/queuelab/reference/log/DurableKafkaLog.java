package dev.queuelab.reference.log;

import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 *   DK1 a completed send under force or group commit survives kill -9 and power loss (DS1, DS4, DS5);
 *   DK2 a committed offset is written only after the partition it points into has been forced, so after any
 *      crash it is at most the recovered high watermark;
 *   DK3 opening recovers every partition (DS3, DS7, DS8) and restores the committed offsets.
 * Thread-safety: as {@link KafkaLog}, whose monitor it shares; a send's force runs after the monitor is
 * released, so other appends go on during it.
 * Composition: a {@link KafkaLog} built over {@link DiskLogStorage} and a group coordinator holding the
 * restored offsets; the calls that do not touch the disk are passed to it unchanged ({@link ForwardingLog}).
 * Real world: Kafka's log layer with one replica, flush.messages / flush.ms as the policies. Kafka rebuilds
 * producer state from its batches and snapshots and aborts a transaction its coordinator timed out; here the
 * idempotent producers' sequences are not restored, and a transaction open at a crash stays open.
 */
public final class DurableKafkaLog implements ForwardingLog, AutoCloseable {

    private final Disk disk;
    private final KafkaLog log;
    private final Path offsetsFile;
    private final FlushPolicy policy;
    private final Map<String, Long> committed = new HashMap<>();

    private DurableKafkaLog(
            Disk disk,
            Path logDir,
            String topic,
            LogConfig config,
            FlushPolicy policy,
            InstantSource clock,
            FlushScheduler scheduler,
            DiskRules rules) {
        this.disk = disk;
        this.policy = policy;
        this.offsetsFile = logDir.resolve(topic + ".committed-offsets");
        committed.putAll(OffsetCheckpointFile.read(disk, offsetsFile).orElse(Map.of())); // DK3
        Map<String, Long> restored = Map.copyOf(committed);
        this.log = KafkaLog.builder(config, clock)
                .storage(DiskLogStorage.factory(disk, logDir, topic, policy, scheduler, rules))
                .groups((c, r) -> restoredGroups(c, r, restored))
                .build();
    }

    /** The log in memory over the disk; the calls the disk changes nothing in go to it unchanged. */
    @Override
    public PartitionedLog delegate() {
        return log;
    }

    private static GroupCoordinator restoredGroups(LogConfig config, LogRules rules, Map<String, Long> restored) {
        GroupCoordinator groups = new GroupCoordinator(config, rules);
        restored.forEach((name, offset) -> {
            int slash = name.lastIndexOf('/');
            groups.commitFromTransaction(
                    name.substring(0, slash), Map.of(Integer.parseInt(name.substring(slash + 1)), offset));
        });
        return groups;
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
        createDurably(disk, logDir);
        return new DurableKafkaLog(disk, logDir, topic, config, policy, clock, scheduler, rules);
    }

    /**
     * DS9: a log directory the log creates is made durable with its name, every level it created: each new
     * directory's parent is forced, so a power cut cannot take the whole log away after an acknowledgement. A
     * directory that was there already is left as it is (Kafka's log.dirs exist before the broker starts).
     */
    private static void createDurably(Disk disk, Path logDir) {
        Path first = logDir.toAbsolutePath();
        while (first.getParent() != null && !disk.exists(first.getParent())) {
            first = first.getParent();
        }
        if (disk.exists(logDir)) {
            return;
        }
        disk.createDirectories(logDir);
        for (Path created = logDir.toAbsolutePath(); created.getParent() != null; created = created.getParent()) {
            disk.forceDirectory(created.getParent());
            if (created.equals(first)) {
                break;
            }
        }
    }

    @Override
    public Durability durability() {
        return policy.durability();
    }

    /** Forces every partition now, completing every send that waits. */
    public void flush() {
        for (int p = 0; p < log.config().partitions(); p++) {
            log.partition(p).storage().flush();
        }
    }

    /** DK2: the partition is forced before the offset is written, under every policy. */
    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        CommitOutcome outcome = log.commit(group, memberId, generation, partition, offset);
        if (outcome == CommitOutcome.COMMITTED) {
            log.partition(partition).storage().flush();
            synchronized (committed) {
                committed.put(group + "/" + partition, offset);
                OffsetCheckpointFile.write(disk, offsetsFile, committed);
            }
        }
        return outcome;
    }

    /** What opening each partition found and did (DK3). */
    public List<RecoveryReport> recovery() {
        List<RecoveryReport> reports = new ArrayList<>();
        for (int p = 0; p < log.config().partitions(); p++) {
            reports.add(log.partition(p).storage().recovery());
        }
        return reports;
    }

    /** A clean shutdown: everything forced, each partition marked clean, files closed. */
    @Override
    public void close() {
        log.holding(() -> {
            for (int p = 0; p < log.config().partitions(); p++) {
                log.partition(p).storage().close();
            }
        });
    }

    /**
     * A power loss, for simulations and trials: every file keeps only what was forced, nothing is marked clean,
     * and this object is dead (open the directory again to recover). Under page cache, that is everything not
     * forced by a commit: the expected loss of that policy.
     */
    public void simulatePowerLoss() {
        log.holding(() -> {
            for (int p = 0; p < log.config().partitions(); p++) {
                log.partition(p).storage().powerLoss();
            }
        });
    }
}
