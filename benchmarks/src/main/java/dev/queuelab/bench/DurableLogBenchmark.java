package dev.queuelab.bench;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The log on disk against the raw file beneath it, 100-byte records, in the same run.
 *
 * <pre>
 *   raw-write+force           record ──write──► file ──force──►            (one fsync per record)
 *   log-force                 send ──frame+CRC──► .log ──force──► ack     (flush policy: force each append)
 *   raw-packed+force-per-MiB  record ──► 64 KiB batch ──write──► file ──force every MiB──►
 *   log-group-commit          send, send, send... (20k in flight) ──► .log ──one force per MiB──► acks
 *                             (the force on the log's flusher thread: the sender appends during it)
 *   raw-packed                record ──► 64 KiB batch ──write──► page cache
 *   log-page-cache            send, send... ──frame+CRC──► 64 KiB buffer ──one write──► .log ──► acks
 *   raw-packed+api            value's UTF-8 + a future each ──► 64 KiB batch ──write──► acks   (by name only)
 *   raw-packed+force-per-MiB+api   the same ──► ... ──force every MiB, on a flusher thread──► acks (by name only)
 *   raw-frames+force-per-MiB  149-byte record ──► 64 KiB batch ──write──► file ──force every MiB──►   (by name only)
 * </pre>
 *
 * The two {@code +api} variants are not in the default list: run them by name ({@code -p mode=raw-packed+api}).
 * They are the floor of any log behind this api: what the bytes and a future per append cost without the log.
 * Like the log's group commit, the forced one forces on a second thread while its sender goes on packing.
 * {@code raw-frames+force-per-MiB} (by name only too) is the raw loop writing as many bytes a record as the log
 * does, {@value #FRAME}: a frame's 49 bytes of header and fields around the 100-byte value, the layout the api
 * fixes ({@code SegmentRecovery}); against the 100-byte loop it shows what those bytes alone cost.
 *
 * Measures appends per second. The log frames each 100-byte value with 49 bytes (length, CRC32C, offset,
 * timestamp, attributes, producer id, lengths), gathers the frames in a 64 KiB buffer written in one system call
 * (page cache: the sends it holds are acknowledged after that write; group commit: after the force), and checks
 * sessions and retention under its lock on every call; the raw variants write bare bytes. Files live under
 * {@code .queuelab/bench-durable/} (a real disk); the log keeps 128 MiB by size retention and the raw file
 * starts again at 256 MiB, so a run cannot fill the disk. Counters: {@code forces} (fsyncs by the raw variants),
 * {@code acked} (sends whose acknowledgement completed: every send, by the end of the iteration).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class DurableLogBenchmark {

    static final int RECORD = 100;
    /** The bytes of the log's frame for one RECORD-byte value with no key and no headers. */
    static final int FRAME = SegmentRecovery.FRAME_HEADER + SegmentRecovery.MIN_BODY + RECORD;

    static final int IN_FLIGHT = 20_000;

    @Param({
        "raw-write+force",
        "log-force",
        "raw-packed+force-per-MiB",
        "log-group-commit",
        "raw-packed",
        "log-page-cache"
    })
    public String mode;

    private Path dir;
    private FileChannel channel;
    private DurableKafkaLog log;
    private ScheduledExecutorService flusher; // log-group-commit's, and raw-packed+force-per-MiB+api's
    private final ByteBuffer batch = ByteBuffer.allocateDirect(64 << 10);
    private final byte[] bytes = new byte[RECORD];
    private final byte[] frame = new byte[FRAME]; // raw-frames: the raw loop's record at a frame's size
    private byte[] rawRecord; // what a forced-per-MiB raw loop packs: bytes, or frame; chosen once, not per append
    private ProducerRecord record;
    private final ArrayDeque<CompletableFuture<AppendOutcome>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<AppendOutcome>> unwritten = new ArrayDeque<>(); // raw-packed+api
    private final ArrayDeque<AppendOutcome> outcomes = new ArrayDeque<>();
    private long written;
    private long position;

    /** What the durability was bought with, and proof that every send was acknowledged. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long forces;
        public long acked;
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Path.of(System.getProperty("queuelab.bench.dir", ".queuelab/bench-durable"))
                .resolve(mode.replace('+', '_'));
        delete(dir);
        Files.createDirectories(dir);
        for (int i = 0; i < RECORD; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        for (int i = 0; i < FRAME; i++) {
            frame[i] = (byte) ('a' + i % 26);
        }
        rawRecord = mode.startsWith("raw-frames") ? frame : bytes;
        record = new ProducerRecord(null, new String(bytes, StandardCharsets.US_ASCII), Map.of());
        written = 0;
        position = 0;
        batch.clear();
        if (mode.equals("log-group-commit") || mode.equals("raw-packed+force-per-MiB+api")) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "log-flusher");
                t.setDaemon(true);
                return t;
            });
        }
        if (mode.startsWith("raw")) {
            channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } else {
            FlushPolicy policy = switch (mode) {
                case "log-force" -> FlushPolicy.forceEachAppend();
                case "log-group-commit" -> FlushPolicy.groupCommit(1 << 20, Duration.ofMillis(5));
                case "log-page-cache" -> FlushPolicy.pageCache();
                default -> throw new IllegalArgumentException("mode " + mode);
            };
            LogConfig config = LogConfig.of(1).withSegmentBytes(32L << 20).withRetentionBytes(96L << 20);
            FlushScheduler scheduler = flusher == null ? FlushScheduler.CALLER : FlushScheduler.on(flusher);
            log = DurableKafkaLog.open(dir, "bench", config, policy, TickingClock.shared(), scheduler);
        }
    }

    @Benchmark
    public long append(Counters counters) throws Exception {
        switch (mode) {
            case "raw-write+force" -> {
                batch.put(bytes);
                flush();
                channel.force(false);
                counters.forces++;
            }
            case "raw-packed+force-per-MiB", "raw-frames+force-per-MiB" -> {
                packed(rawRecord);
                if (++written % ((1 << 20) / rawRecord.length) == 0) {
                    flush();
                    channel.force(false);
                    counters.forces++;
                }
            }
            case "raw-packed" -> packed(bytes);
            case "raw-packed+api" -> awaitAcks(counters, packedWithFuture(false, counters));
            case "raw-packed+force-per-MiB+api" -> awaitAcks(counters, packedWithFuture(true, counters));
            default -> awaitAcks(counters, log.send(0, record));
        }
        return written;
    }

    /** What a producer of the log does with each send's future: keeps a window, takes the acknowledged ones. */
    private void awaitAcks(Counters counters, CompletableFuture<AppendOutcome> sent) throws Exception {
        inFlight.add(sent);
        while (inFlight.size() > IN_FLIGHT || inFlight.peek().isDone()) {
            inFlight.poll().get(30, TimeUnit.SECONDS);
            counters.acked++;
            if (inFlight.isEmpty()) {
                break;
            }
        }
    }

    /**
     * The floor of any log behind this api, without a log: the value's UTF-8 bytes packed as the raw variants pack
     * them, and a future per append holding its outcome, completed once the write that holds it has returned (the
     * page-cache promise) or, with {@code force}, once the force per MiB after it has (group commit's), run on the
     * flusher thread as the log's is. No frame, CRC, lock, index, segment or retention.
     */
    private CompletableFuture<AppendOutcome> packedWithFuture(boolean force, Counters counters) throws IOException {
        byte[] value = record.value().getBytes(StandardCharsets.UTF_8);
        if (batch.remaining() < value.length) {
            flush();
            if (!force) {
                completeWritten();
            }
        }
        batch.put(value);
        CompletableFuture<AppendOutcome> sent = new CompletableFuture<>();
        unwritten.add(sent);
        outcomes.add(AppendOutcome.appended(0, written++));
        if (force && written % ((1 << 20) / RECORD) == 0) {
            flush();
            counters.forces++;
            ArrayDeque<CompletableFuture<AppendOutcome>> covered = new ArrayDeque<>(unwritten);
            ArrayDeque<AppendOutcome> theirs = new ArrayDeque<>(outcomes);
            unwritten.clear();
            outcomes.clear();
            flusher.execute(() -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    covered.forEach(f -> f.completeExceptionally(e));
                    return;
                }
                covered.forEach(f -> f.complete(theirs.poll()));
            });
        }
        return sent;
    }

    /** For the tests: waits until the flusher thread, if the variant has one, has run every force handed to it so far. */
    void awaitFlusher() throws Exception {
        if (flusher != null) {
            flusher.submit(() -> {}).get(30, TimeUnit.SECONDS);
        }
    }

    /** For the floor's test: the sends acknowledged so far, counted or still in the window. */
    long acknowledged(Counters counters) {
        return counters.acked
                + inFlight.stream().filter(CompletableFuture::isDone).count();
    }

    private void completeWritten() {
        while (!unwritten.isEmpty()) {
            unwritten.poll().complete(outcomes.poll());
        }
    }

    private void packed(byte[] one) throws IOException {
        if (batch.remaining() < one.length) {
            flush();
        }
        batch.put(one);
    }

    private void flush() throws IOException {
        batch.flip();
        while (batch.hasRemaining()) {
            position += channel.write(batch, position);
        }
        batch.clear();
        if (position >= 256L << 20) {
            channel.truncate(0);
            position = 0;
        }
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        if (flusher != null) {
            flusher.submit(() -> {}).get(30, TimeUnit.SECONDS); // the forces handed over are done
        }
        if (log != null) {
            log.flush();
            for (CompletableFuture<AppendOutcome> f : inFlight) {
                f.get(30, TimeUnit.SECONDS);
            }
            inFlight.clear();
            log.close();
            log = null;
        } else {
            if (!unwritten.isEmpty()) {
                flush();
                channel.force(false);
                completeWritten();
            }
            inFlight.clear();
            channel.close();
        }
        if (flusher != null) {
            flusher.shutdownNow();
            flusher.awaitTermination(30, TimeUnit.SECONDS);
            flusher = null;
        }
        delete(dir);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
