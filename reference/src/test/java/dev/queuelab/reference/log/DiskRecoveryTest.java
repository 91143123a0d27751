package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskRecoveryTest extends DiskFixture {

    @TempDir
    Path dir;

    private List<ConsumerRecord> writeAndClose(int n) {
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            for (int i = 0; i < n; i++) {
                log.append(0, record(i));
                clock.advance(Duration.ofMillis(1));
            }
            return all(log);
        }
    }

    @Test
    void shouldReadEveryRecordBackWhenReopenedAfterACleanShutdown() throws IOException {
        List<ConsumerRecord> before = writeAndClose(300);
        assertThat(files(dir, ".log"))
                .as("SG3/L4: 300 records of ~100 B roll 2000-byte segments")
                .hasSizeGreaterThan(5);
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            assertThat(all(log))
                    .as("SF1: the same records, offsets, timestamps and headers after a restart")
                    .isEqualTo(before);
            RecoveryReport r = log.recovery().get(0);
            assertThat(r.cleanShutdown())
                    .as("DS8: the clean-shutdown mark was found")
                    .isTrue();
            assertThat(r.truncatedBytes()).isZero();
            assertThat(r.records()).isEqualTo(300);
        }
    }

    @Test
    void shouldCutATornTailAndKeepEveryWholeRecordWhenACrashLeftHalfARecord() throws IOException {
        List<ConsumerRecord> before = writeAndClose(50);
        Files.delete(dir.resolve("t-0").resolve(DiskLogStorage.CLEAN_SHUTDOWN));
        Path last = files(dir, ".log").get(files(dir, ".log").size() - 1);
        long whole = Files.size(last);
        Files.write(last, new byte[] {0, 0, 0, 90, 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            RecoveryReport r = log.recovery().get(0);
            assertThat(r.cleanShutdown()).isFalse();
            assertThat(r.truncatedBytes())
                    .as("DS3: the 7 bytes of a torn record are cut")
                    .isEqualTo(7);
            assertThat(Files.size(last)).isEqualTo(whole);
            assertThat(all(log)).as("DS3: every whole record stays").isEqualTo(before);
        }
    }

    @Test
    void shouldKeepOnlyTheRecordsBeforeAFlippedByteWhenItsChecksumFails() throws IOException {
        List<ConsumerRecord> before = writeAndClose(200);
        Files.delete(dir.resolve("t-0").resolve(DiskLogStorage.CLEAN_SHUTDOWN));
        Path first = files(dir, ".log").get(0);
        List<RecordFrame.Frame> frames = frames(first);
        RecordFrame.Frame victim = frames.get(7);
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            long at = victim.position() + 48; // a letter of the value (after 47 bytes of framing and key): it decodes
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x20);
        }
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            assertThat(all(log))
                    .as("DS3, DS7: offsets 0-6 stay; 7 fails its CRC; everything after it goes")
                    .isEqualTo(before.subList(0, 7));
            RecoveryReport r = log.recovery().get(0);
            assertThat(r.problem()).contains("corrupt record");
            assertThat(r.segmentsDeleted())
                    .as("DS7: the later segments are deleted whole")
                    .isPositive();
        }
    }

    @Test
    void shouldRebuildTheIndexWhenItDoesNotMatchItsLog() throws IOException {
        List<ConsumerRecord> before = writeAndClose(300);
        Path index = files(dir, ".index").get(0);
        assertThat(Files.size(index))
                .as("a segment of more than 4096 bytes has an index entry")
                .isPositive();
        byte[] written = Files.readAllBytes(index);
        Files.write(index, java.nio.ByteBuffer.allocate(8).putInt(1).putInt(5).array()); // offset 1 at byte 5: wrong
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            assertThat(all(log))
                    .as("reads through the rebuilt index find every record")
                    .isEqualTo(before);
        }
        // judged from the files, not from what the log reports: the index is whole again, and each of its entries
        // points at the first byte of the frame of its offset (OI1), as the log's own frames say
        byte[] rebuilt = Files.readAllBytes(index);
        assertThat(rebuilt)
                .as("OI1: the altered index is rebuilt from its log, even below the recovery point")
                .isEqualTo(written);
        java.util.Map<Long, Long> frameAt = new java.util.HashMap<>();
        for (RecordFrame.Frame f : frames(files(dir, ".log").get(0))) {
            frameAt.put(f.offset(), f.position());
        }
        java.nio.ByteBuffer entries = java.nio.ByteBuffer.wrap(rebuilt);
        while (entries.remaining() >= 8) {
            long offset = entries.getInt(); // the first segment's base offset is 0
            assertThat(frameAt.get(offset)).as("entry for offset %d", offset).isEqualTo((long) entries.getInt());
        }
    }

    @Test
    void shouldDeleteWholeSegmentFilesWhenRetentionExpiresThem() throws IOException {
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir,
                "t",
                SMALL.withRetentionTime(Duration.ofMinutes(1)),
                FlushPolicy.pageCache(),
                clock,
                FlushScheduler.CALLER)) {
            for (int i = 0; i < 100; i++) {
                log.append(0, record(i));
            }
            int segments = files(dir, ".log").size();
            clock.advance(Duration.ofMinutes(2));
            log.append(0, record(100));
            assertThat(log.logStartOffset(0))
                    .as("L5: every full segment expired")
                    .isEqualTo(100);
            assertThat(files(dir, ".log")).as("L5: their files are gone, whole").hasSize(1);
            assertThat(segments).isGreaterThan(1);
        }
    }

    @Test
    void shouldHideAnAbortedTransactionAndRestoreCommittedOffsetsWhenReopened() {
        try (DurableKafkaLog log = open(dir, FlushPolicy.forceEachAppend())) {
            var producer = log.initTransactions("tx");
            log.beginTransaction(producer);
            log.append(producer, 0, 0, record(1));
            log.abortTransaction(producer);
            log.append(0, record(2));
            var a = log.join("g", "m");
            log.commit("g", "m", a.generation(), 0, 2);
        }
        try (DurableKafkaLog log = open(dir, FlushPolicy.forceEachAppend())) {
            var committed = log.read(0, 0, 10, dev.queuelab.api.log.IsolationLevel.READ_COMMITTED);
            assertThat(committed.records())
                    .as("L11: the aborted record stays hidden after a restart")
                    .extracting(ConsumerRecord::value)
                    .containsExactly(record(2).value());
            assertThat(log.committed("g", 0))
                    .as("DK3: the committed offset is read back")
                    .hasValue(2);
        }
    }

    static List<RecordFrame.Frame> frames(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            List<RecordFrame.Frame> out = new java.util.ArrayList<>();
            long pos = 0;
            while (pos < ch.size()) {
                RecordFrame.Frame f = RecordFrame.read(ch, pos, ch.size(), 0);
                out.add(f);
                pos += f.size();
            }
            return out;
        }
    }
}
