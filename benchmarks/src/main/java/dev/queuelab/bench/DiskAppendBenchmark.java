package dev.queuelab.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical limit under every durable queue: appending 100-byte records to a file, and how often the
 * appends are forced to the device.
 *
 * <pre>
 *   record (100 B) ──► batch (64 KiB) ──write──► page cache ──force()──► device
 *                      none: written when the batch is full, never forced (the OS decides)
 *                      per-record: written and forced record by record
 *                      per-100-records, per-MiB: group commit, the durability a log buys with latency
 * </pre>
 *
 * Measures records appended per second. Baseline: {@code none}. Records are packed into a batch and
 * written together, as a log appends a producer's batch; a force writes the batch first. The file lives under
 * {@code .queuelab/bench-disk/} in the working directory (a real disk, not /tmp, which may be in memory) and
 * starts again at 256 MiB, so a long run cannot fill the disk. Counters: {@code forces} (fsyncs issued).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DiskAppendBenchmark {

    static final int RECORD = 100;
    static final long WRAP_AT = 256L << 20;

    @Param({"none", "per-record", "per-100-records", "per-MiB"})
    public String force;

    private FileChannel channel;
    private Path file;
    static final int BATCH = 64 << 10;

    private final byte[] record = new byte[RECORD];
    private final ByteBuffer batch = ByteBuffer.allocateDirect(BATCH);
    private long every;
    private long written;
    private long position;

    /** fsyncs issued: how the durability was bought. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Forces {
        public long forces;
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        every = switch (force) {
            case "none" -> Long.MAX_VALUE;
            case "per-record" -> 1;
            case "per-100-records" -> 100;
            case "per-MiB" -> (1 << 20) / RECORD;
            default -> throw new IllegalArgumentException("force " + force);
        };
        Path dir = Path.of(System.getProperty("queuelab.bench.dir", ".queuelab/bench-disk"));
        Files.createDirectories(dir);
        file = dir.resolve("append-" + force + ".log");
        channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        written = 0;
        position = 0;
        for (int i = 0; i < RECORD; i++) {
            record[i] = (byte) ('a' + i % 26);
        }
        batch.clear();
    }

    @Benchmark
    public long append(Forces counters) throws IOException {
        if (batch.remaining() < RECORD) {
            flush();
        }
        batch.put(record);
        if (++written % every == 0) {
            flush();
            channel.force(false); // data only, as a log's group commit does; metadata follows on the next force
            counters.forces++;
        }
        return written;
    }

    private void flush() throws IOException {
        batch.flip();
        while (batch.hasRemaining()) {
            position += channel.write(batch);
        }
        batch.clear();
        if (position >= WRAP_AT) { // counted here: asking the channel would be a system call per record
            channel.truncate(0);
            channel.position(0);
            position = 0;
        }
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
