package dev.queuelab.crash;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import dev.queuelab.reference.log.RecordFrame;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The trials that need no second process: a power loss at a chosen acknowledgement, a crash between the two
 * writes of an append, and a byte flipped in a record before recovery. Each runs on a simulated clock.
 */
final class InProcessTrials {

    /** What a power-loss trial saw. */
    record PowerLoss(
            String policy, long sent, long acknowledged, boolean durable, long recovered, Judge.Verdict verdict) {
        long lost() {
            return sent - recovered;
        }
    }

    private InProcessTrials() {}

    /**
     * Sends {@code n} records over the partitions in turn (all in flight: pipelined), and cuts the power at the
     * {@code strikeAt}-th acknowledgement (or after the last send); then recovers and judges (R1 to R4).
     */
    static PowerLoss powerLoss(Path dir, FlushPolicy policy, DiskRules rules, long seed, int n, int strikeAt) {
        SimClock clock = new SimClock();
        DurableKafkaLog log = DurableKafkaLog.open(
                dir, CrashChild.TOPIC, CrashTrials.config(), policy, clock, FlushScheduler.CALLER, rules);
        Map<Integer, List<Long>> acked = new HashMap<>();
        boolean[] dead = {false};
        long[] next = new long[CrashChild.PARTITIONS];
        long sent = 0;
        long[] acks = {0};
        for (int i = 0; i < n && !dead[0]; i++) {
            int p = i % CrashChild.PARTITIONS;
            CompletableFuture<AppendOutcome> f;
            try {
                f = log.send(p, TrialRecords.expected(seed, p, next[p]++));
            } catch (RuntimeException afterThePowerWentOut) {
                break;
            }
            sent++;
            f.thenAccept(a -> {
                if (dead[0]) {
                    return;
                }
                acked.computeIfAbsent(a.partition(), k -> new ArrayList<>()).add(a.offset());
                if (++acks[0] == strikeAt) {
                    dead[0] = true;
                    log.simulatePowerLoss(); // in the middle of the flush that acknowledged it
                }
            });
        }
        if (!dead[0]) {
            dead[0] = true;
            log.simulatePowerLoss();
        }
        try (DurableKafkaLog reopened = DurableKafkaLog.open(
                dir, CrashChild.TOPIC, CrashTrials.config(), policy, clock, FlushScheduler.CALLER, rules)) {
            boolean durable = policy.durability().survivesPowerLoss();
            long[] none = {Long.MAX_VALUE, Long.MAX_VALUE};
            Judge.Verdict v = Judge.judge(reopened, seed, durable ? acked : Map.of(), none, "trial-group");
            long recovered = 0;
            for (int p = 0; p < CrashChild.PARTITIONS; p++) {
                recovered += reopened.highWatermark(p);
            }
            return new PowerLoss(policy.name(), sent, acks[0], durable, recovered, v);
        }
    }

    /**
     * Appends, then dies at the next record write; before any recovery, every index entry must name a record
     * the log holds (G2). Returns the evidence of a broken G2, or null.
     */
    static String crashBetweenWrites(Path dir, CrashableRules rules, long seed) throws IOException {
        rules.indexInterval = 1;
        DurableKafkaLog log = DurableKafkaLog.open(
                dir,
                CrashChild.TOPIC,
                CrashTrials.config(),
                FlushPolicy.pageCache(),
                new SimClock(),
                FlushScheduler.CALLER,
                rules);
        for (long o = 0; o < 10; o++) {
            log.append(0, TrialRecords.expected(seed, 0, o));
        }
        rules.crashAtNextRecord = true;
        try {
            log.append(0, TrialRecords.expected(seed, 0, 10));
        } catch (CrashableRules.SimulatedCrash died) {
            // the process is gone: what it left on disk is judged below
        }
        String evidence = danglingIndexEntry(dir.resolve(CrashChild.TOPIC + "-0"));
        log.simulatePowerLoss(); // only to let go of the files
        return evidence;
    }

    private static String danglingIndexEntry(Path partitionDir) throws IOException {
        List<Path> indexes;
        try (Stream<Path> files = Files.list(partitionDir)) {
            indexes =
                    files.filter(f -> f.toString().endsWith(".index")).sorted().toList();
        }
        for (Path index : indexes) {
            long base = Long.parseLong(index.getFileName().toString().substring(0, 20));
            Path logFile = index.resolveSibling(index.getFileName().toString().replace(".index", ".log"));
            ByteBuffer entries = ByteBuffer.wrap(Files.readAllBytes(index));
            try (FileChannel ch = FileChannel.open(logFile)) {
                while (entries.remaining() >= 8) {
                    long offset = base + entries.getInt();
                    long position = entries.getInt();
                    RecordFrame.Frame f = RecordFrame.read(ch, position, ch.size(), 0);
                    if (f.status() != RecordFrame.Status.OK || f.offset() != offset) {
                        return "G2: " + index.getFileName() + " names offset " + offset + " at byte " + position
                                + ", but " + logFile.getFileName() + " holds " + ch.size()
                                + " bytes and no such record";
                    }
                }
            }
        }
        return null;
    }

    /**
     * Writes 200 records, shuts down cleanly, flips one byte inside the value of offset 100 of partition 0 and
     * removes the clean-shutdown mark (as a crash would); then recovers and judges: offsets 0 to 99 must stay
     * (the good prefix), and no corrupt record may be served.
     */
    static Judge.Verdict flippedValue(Path dir, DiskRules rules, long seed) throws IOException {
        SimClock clock = new SimClock();
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir, CrashChild.TOPIC, CrashTrials.config(), FlushPolicy.pageCache(), clock, FlushScheduler.CALLER)) {
            for (long o = 0; o < 200; o++) {
                log.append(0, TrialRecords.expected(seed, 0, o));
            }
        }
        Path partition = dir.resolve(CrashChild.TOPIC + "-0");
        Files.delete(partition.resolve(".clean-shutdown"));
        Path first = null;
        long at = -1;
        List<Path> segments;
        try (Stream<Path> files = Files.list(partition)) {
            segments = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
        for (Path segment : segments) {
            try (FileChannel ch = FileChannel.open(segment)) {
                long position = 0;
                while (position < ch.size()) {
                    RecordFrame.Frame f = RecordFrame.read(ch, position, ch.size(), 0);
                    if (f.offset() == 100) {
                        first = segment;
                        at = position + f.size() - 40; // inside the value: it still decodes
                    }
                    position += f.size();
                }
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir,
                CrashChild.TOPIC,
                CrashTrials.config(),
                FlushPolicy.pageCache(),
                clock,
                FlushScheduler.CALLER,
                rules)) {
            List<Long> prefix = new ArrayList<>();
            for (long o = 0; o < 100; o++) {
                prefix.add(o);
            }
            return Judge.judge(log, seed, Map.of(0, prefix), new long[] {100, Long.MAX_VALUE}, "trial-group");
        }
    }
}
