package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code raw-frames+force-per-MiB} writes as many bytes a record as the log does for the benchmark's records, so
 * that against the 100-byte loop it shows what the frame's size alone costs: read from the files, the log's and the
 * raw loop's, never from either's own count.
 */
class DurableLogFramesTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteAsManyBytesARecordAsTheLogsFrames() throws Exception {
        int records = 1_000;
        String value = "abcdefghijklmnopqrstuvwxyz".repeat(4).substring(0, DurableLogBenchmark.RECORD);
        Path logDir = dir.resolve("log");
        try (DurableKafkaLog log = DurableKafkaLog.open(
                logDir, "t", LogConfig.of(1), FlushPolicy.pageCache(), InstantSource.system(), FlushScheduler.CALLER)) {
            for (int i = 0; i < records; i++) {
                log.send(0, new ProducerRecord(null, value, Map.of()));
            }
        }
        long logBytes;
        try (Stream<Path> files = Files.walk(logDir)) {
            logBytes = files.filter(f -> f.toString().endsWith(".log"))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
        assertThat(logBytes / records).as("the log's bytes a record").isEqualTo(DurableLogBenchmark.FRAME);

        RawRun raw = RawRun.of(dir.resolve("raw"), "raw-frames+force-per-MiB", 7_038); // a force's worth, and one
        assertThat(raw.forces()).as("a force per MiB of its own bytes").isEqualTo(1);
        assertThat(raw.bytesInFile())
                .as("the raw loop's bytes when it forced: 7,037 records of the log's size, in 64 KiB writes")
                .isEqualTo(7_037L * DurableLogBenchmark.FRAME);
    }
}
