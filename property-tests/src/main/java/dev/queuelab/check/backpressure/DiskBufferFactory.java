package dev.queuelab.check.backpressure;

import dev.queuelab.api.backpressure.AlarmListener;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.reference.backpressure.BoundedBuffer;
import dev.queuelab.reference.backpressure.LogStore;
import dev.queuelab.reference.backpressure.OverflowPolicy;
import dev.queuelab.reference.log.Disk;
import dev.queuelab.reference.log.ForwardingDisk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The buffer to disk, one fresh directory per run: the previous run's log is closed and its directory deleted
 * first (the last one when the JVM exits), so a run of thousands of trials holds one log's files at a time.
 */
public final class DiskBufferFactory implements BufferFactory {

    /**
     * The real file system without its forces: a restart here is a process crash (kill -9), after which the kernel
     * still holds every write, forced or not. A force costs milliseconds, and thousands of trials would wait on
     * them for nothing; a power loss, where forcing matters, is the crash trials' business.
     */
    static final Disk UNFORCED = new ForwardingDisk() {
        @Override
        public Disk delegate() {
            return Disk.REAL;
        }

        @Override
        public Handle open(Path file) {
            Handle real = Disk.REAL.open(file);
            return new ForwardingHandle() {
                @Override
                public Handle delegate() {
                    return real;
                }

                @Override
                public void force() {}
            };
        }

        @Override
        public void forceDirectory(Path dir) {}
    };

    private Path current;
    private LogStore open;

    @Override
    public synchronized Buffer make(BufferConfig config, InstantSource clock, AlarmListener alarm) {
        letGo();
        delete(current);
        try {
            current = Files.createTempDirectory("queuelab-buffer-");
        } catch (IOException e) {
            throw new UncheckedIOException("a directory for the buffer on disk", e);
        }
        if (open == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "disk-buffer-cleanup"));
        }
        open = new LogStore(UNFORCED, current, clock);
        return BoundedBuffer.of(config, OverflowPolicy.buffer(), open, clock, alarm);
    }

    private synchronized void letGo() {
        if (open != null) {
            open.close();
        }
    }

    private synchronized void cleanUp() {
        letGo();
        delete(current);
    }

    static void delete(Path dir) {
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
