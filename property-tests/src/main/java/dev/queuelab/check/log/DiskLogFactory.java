package dev.queuelab.check.log;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The reference log with its partitions on disk, one fresh directory per run (the previous run's log is let go
 * of, its files closed, and its directory deleted first; the last one when the JVM exits), forced on every append,
 * so that a {@code Restart} (a power loss, then recovery) keeps everything that was acknowledged. Single-threaded
 * and deterministic: its flushes run in the caller, on the simulated clock. Every file it opens is closed by the
 * next {@link #create}, or by the restart that replaces it: a run of thousands of trials holds the descriptors of
 * one log at a time.
 */
public final class DiskLogFactory implements LogFactory {

    private final FlushPolicy policy;
    private Path current;
    private DurableKafkaLog open;

    public DiskLogFactory(FlushPolicy policy) {
        this.policy = policy;
    }

    @Override
    public PartitionedLog create(LogConfig config, InstantSource clock) {
        letGo();
        delete(current);
        try {
            current = Files.createTempDirectory("queuelab-log-");
        } catch (IOException e) {
            throw new UncheckedIOException("a directory for the log on disk", e);
        }
        if (open == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "disk-log-cleanup"));
        }
        open = DurableKafkaLog.open(current, "t", config, policy, clock, FlushScheduler.CALLER);
        return open;
    }

    @Override
    public PartitionedLog restart(PartitionedLog crashed, LogConfig config, InstantSource clock) {
        ((DurableKafkaLog) crashed).simulatePowerLoss(); // closes its files, keeping what was forced
        open = DurableKafkaLog.open(current, "t", config, policy, clock, FlushScheduler.CALLER);
        return open;
    }

    /** Closes the last log's files as a power loss leaves them: its directory is deleted next, unread. */
    private synchronized void letGo() {
        if (open != null) {
            open.simulatePowerLoss();
        }
    }

    private synchronized void cleanUp() {
        letGo();
        delete(current);
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}
