package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DS9 for the log directory itself: a log that creates its directory makes that directory's name durable, so a
 * power cut right after the first acknowledged append keeps it, whatever else the disk chooses to lose.
 */
class LogDirectoryDurableTest {

    private static final Path DIR = Path.of("/data/logs/t-0");

    private static DurableKafkaLog open(SimulatedDisk disk) {
        return DurableKafkaLog.open(
                disk,
                DIR,
                "t",
                LogConfig.of(1),
                FlushPolicy.forceEachAppend(),
                InstantSource.fixed(Instant.EPOCH),
                FlushScheduler.CALLER,
                DiskRules.REFERENCE);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldKeepAnAcknowledgedAppendWhenThePowerFailsRightAfterTheLogCreatedItsDirectory(long seed)
            throws Exception {
        SimulatedDisk disk = new SimulatedDisk(); // nothing there yet: the log creates /data/logs/t-0
        try (DurableKafkaLog log = open(disk)) {
            log.send(0, ProducerRecord.of("k", "v")).get();
        }
        disk.crash(seed);
        try (DurableKafkaLog log = open(disk)) {
            assertThat(log.highWatermark(0))
                    .as("the acknowledged append survives (seed %d)", seed)
                    .isEqualTo(1);
        }
    }
}
