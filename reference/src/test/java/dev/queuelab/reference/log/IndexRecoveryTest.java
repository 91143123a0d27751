package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group commit forces the .log only (SF4), so a power cut leaves the index of the active segment behind its log;
 * a torn write can leave it torn. Recovery must rewrite it (OI4), judged here from the files themselves.
 */
class IndexRecoveryTest extends DiskFixture {

    private static final int INTERVAL = 150; // several index entries in a segment of 2000 bytes

    private static final DiskRules DENSE_INDEX = new DiskRules() {
        @Override
        protected int indexIntervalBytes() {
            return INTERVAL;
        }
    };

    private static final FlushPolicy GROUP = FlushPolicy.groupCommit(1_000, Duration.ofMillis(5));

    @TempDir
    Path dir;

    /** Sends n records under group commit, then loses power; returns the offsets acknowledged before the loss. */
    private List<Long> sendThenLosePower(int n) {
        DurableKafkaLog log = open(dir, GROUP, DENSE_INDEX);
        List<CompletableFuture<AppendOutcome>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(log.send(0, record(i)));
        }
        List<Long> acknowledged = sent.stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(f -> f.join().offset())
                .toList();
        log.simulatePowerLoss();
        return acknowledged;
    }

    @Test
    void shouldRebuildAnIndexThePowerCutLeftBehindItsLogAndReadEveryForcedRecordAtItsOffset() throws IOException {
        List<Long> acknowledged = sendThenLosePower(95);
        Path activeLog = last(files(dir, ".log"));
        Path activeIndex = last(files(dir, ".index"));
        assertThat(onDisk(activeIndex).size())
                .as("SF4: the group commit forced the .log, not the .index: the power cut left it behind its log")
                .isLessThan(fromLog(activeLog).size());
        try (DurableKafkaLog log = open(dir, GROUP, DENSE_INDEX)) {
            assertThat(log.recovery().get(0).indexesRebuilt())
                    .as("OI4: the index behind its log is rewritten")
                    .isPositive();
            assertIndexesMatchTheirLogs();
            assertEveryRecordReadAtItsOffset(log, acknowledged);
        }
    }

    @Test
    void shouldRebuildATornIndexAndReadEveryForcedRecordAtItsOffset() throws IOException {
        List<Long> acknowledged = sendThenLosePower(95);
        Path activeLog = last(files(dir, ".log"));
        Path activeIndex = last(files(dir, ".index"));
        List<long[]> truth = fromLog(activeLog);
        assertThat(truth).as("the active segment has index entries to tear").hasSizeGreaterThan(1);
        long base = Long.parseLong(activeIndex.getFileName().toString().substring(0, 20));
        ByteBuffer torn = ByteBuffer.allocate(8 * truth.size() + 5);
        for (int i = 0; i < truth.size(); i++) {
            long[] e = truth.get(i);
            // a sector torn in the last whole entry: its position points 3 bytes into its frame
            long position = i == truth.size() - 1 ? e[1] + 3 : e[1];
            torn.putInt((int) (e[0] - base)).putInt((int) position);
        }
        torn.put(new byte[] {1, 2, 3, 4, 5}); // and the first 5 bytes of an entry that never finished
        Files.write(activeIndex, torn.array(), StandardOpenOption.TRUNCATE_EXISTING);
        try (DurableKafkaLog log = open(dir, GROUP, DENSE_INDEX)) {
            assertThat(log.recovery().get(0).indexesRebuilt())
                    .as("OI4: the torn index is rewritten")
                    .isPositive();
            assertIndexesMatchTheirLogs();
            assertEveryRecordReadAtItsOffset(log, acknowledged);
        }
    }

    @Test
    void shouldCutAStrayPartialEntryOffAnIndexWhoseWholeEntriesAreRight() throws IOException {
        sendThenLosePower(95);
        Path activeIndex = last(files(dir, ".index"));
        List<long[]> truth = fromLog(last(files(dir, ".log")));
        long base = Long.parseLong(activeIndex.getFileName().toString().substring(0, 20));
        ByteBuffer b = ByteBuffer.allocate(8 * truth.size() + 3);
        truth.forEach(e -> b.putInt((int) (e[0] - base)).putInt((int) e[1]));
        Files.write(activeIndex, b.put(new byte[] {7, 7, 7}).array(), StandardOpenOption.TRUNCATE_EXISTING);
        try (DurableKafkaLog log = open(dir, GROUP, DENSE_INDEX)) {
            assertThat(log.recovery().get(0).indexesRebuilt()).isPositive();
            assertThat(Files.size(activeIndex))
                    .as("OI4: a torn last entry is a mismatch: the file holds whole entries only")
                    .isEqualTo(8L * truth.size());
            assertIndexesMatchTheirLogs();
        }
    }

    /** From the files alone: each .index holds exactly the entries its .log's frames give (OI1, SF2). */
    private void assertIndexesMatchTheirLogs() throws IOException {
        List<Path> logs = files(dir, ".log");
        List<Path> indexes = files(dir, ".index");
        assertThat(indexes).hasSameSizeAs(logs);
        for (int i = 0; i < logs.size(); i++) {
            assertThat(text(onDisk(indexes.get(i))))
                    .as(
                            "OI4: %s is the index %s gives",
                            indexes.get(i).getFileName(), logs.get(i).getFileName())
                    .isEqualTo(text(fromLog(logs.get(i))));
            assertThat(Files.size(indexes.get(i)) % 8).as("whole entries only").isZero();
        }
    }

    /** Every acknowledged record, read alone at its offset, newest first, so that each read looks up the index. */
    private static void assertEveryRecordReadAtItsOffset(DurableKafkaLog log, List<Long> acknowledged) {
        assertThat(acknowledged)
                .as("some sends were forced before the power cut")
                .hasSizeGreaterThan(20);
        for (int i = acknowledged.size() - 1; i >= 0; i--) {
            long offset = acknowledged.get(i);
            List<ConsumerRecord> got = log.read(0, offset, 1).records();
            assertThat(got)
                    .as("DK1: acknowledged offset %d is readable", offset)
                    .hasSize(1);
            assertThat(got.get(0).offset()).isEqualTo(offset);
            assertThat(got.get(0).value()).isEqualTo(record(offset).value());
        }
    }

    /** The entries ({offset, position}) the .log's frames give: one per INTERVAL bytes of records. */
    private static List<long[]> fromLog(Path logFile) throws IOException {
        List<long[]> entries = new ArrayList<>();
        long since = 0;
        for (RecordFrame.Frame f : DiskRecoveryTest.frames(logFile)) {
            if (since >= INTERVAL) {
                entries.add(new long[] {f.offset(), f.position()});
                since = 0;
            }
            since += f.size();
        }
        return entries;
    }

    /** The whole entries of an .index file, as {offset, position}. */
    private static List<long[]> onDisk(Path indexFile) throws IOException {
        long base = Long.parseLong(indexFile.getFileName().toString().substring(0, 20));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(indexFile));
        List<long[]> entries = new ArrayList<>();
        while (b.remaining() >= 8) {
            entries.add(new long[] {base + b.getInt(), b.getInt()});
        }
        return entries;
    }

    private static List<String> text(List<long[]> entries) {
        return entries.stream().map(e -> e[0] + "@" + e[1]).toList();
    }

    private static Path last(List<Path> files) {
        return files.get(files.size() - 1);
    }
}
