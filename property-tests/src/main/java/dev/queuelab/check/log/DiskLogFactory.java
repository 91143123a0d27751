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
 * The reference log with its partitions on disk, one fresh directory per run (the previous run's is deleted
 * first, and the last one when the JVM exits), forced on every append, so that a {@code Restart} (a power
 * loss, then recovery) keeps everything that was acknowledged. Single-threaded and deterministic: its
 * flushes run in the caller, on the simulated clock.
 */
public final class DiskLogFactory implements LogFactory {

    private final FlushPolicy policy;
    private Path current;

    public DiskLogFactory(FlushPolicy policy) {
        this.policy = policy;
    }

    @Override
    public PartitionedLog create(LogConfig config, InstantSource clock) {
        delete(current);
        try {
            current = Files.createTempDirectory("queuelab-log-");
        } catch (IOException e) {
            throw new UncheckedIOException("a directory for the log on disk", e);
        }
        Path dir = current;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        return DurableKafkaLog.open(current, "t", config, policy, clock, FlushScheduler.CALLER);
    }

    @Override
    public PartitionedLog restart(PartitionedLog crashed, LogConfig config, InstantSource clock) {
        ((DurableKafkaLog) crashed).simulatePowerLoss();
        return DurableKafkaLog.open(current, "t", config, policy, clock, FlushScheduler.CALLER);
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
