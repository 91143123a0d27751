package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import dev.queuelab.reference.log.RecoveryReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tiny scenarios on the simulated disk, one per held-out storage the generic trials do not catch: each shows what
 * the mistake does to the files, and what a client of the log sees of it.
 */
class HeldOutProbesTest {

    static final Path DIR = Path.of("/probe");
    static final LogConfig CONFIG = LogConfig.of(1);

    static DurableKafkaLog open(SimulatedDisk disk, DiskSubject s, FlushPolicy policy) {
        return DurableKafkaLog.open(
                s.disk(disk),
                DIR,
                "t",
                CONFIG,
                policy,
                InstantSource.fixed(Instant.EPOCH),
                FlushScheduler.CALLER,
                s.rules());
    }

    /** A disk on which the log directory already exists, durably, as an operator leaves it for a broker. */
    static SimulatedDisk fresh() {
        SimulatedDisk disk = new SimulatedDisk();
        disk.createDirectories(DIR);
        disk.forceDirectory(DIR.getParent());
        return disk;
    }

    /** Appends {@code n} records of 200 bytes, each acknowledged (forced) before the next. */
    static void append(DurableKafkaLog log, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            log.send(0, ProducerRecord.of("k" + i, "v".repeat(200))).get();
        }
    }

    @Test
    void indexBeforeRecordLeavesAnEntryForAMissingRecordThatRecoveryRepairs() throws Exception {
        DiskSubject s = HeldOutStorages.INDEX_BEFORE_RECORD.subject();
        // a first run, to find the write of the log that follows an index entry
        SimulatedDisk first = fresh();
        try (DurableKafkaLog log = open(first, s, FlushPolicy.forceEachAppend())) {
            append(log, 40);
        }
        List<SimulatedDisk.Operation> ops = first.operations();
        long logWriteAfterEntry = -1;
        for (int i = 1; i < ops.size() && logWriteAfterEntry < 0; i++) {
            if (ops.get(i - 1).text().startsWith("write")
                    && ops.get(i - 1).text().endsWith(".index")
                    && ops.get(i).text().startsWith("write")
                    && ops.get(i).text().endsWith(".log")) {
                logWriteAfterEntry = ops.get(i).number();
            }
        }
        assertThat(logWriteAfterEntry)
                .as("the index entry is written before its record")
                .isPositive();

        // the same run, the power cut just before that record is written: its entry is in the index file
        boolean repaired = false;
        for (long seed = 0; seed < 20 && !repaired; seed++) {
            SimulatedDisk disk = fresh();
            disk.cutPowerAt(logWriteAfterEntry);
            long acked = 0;
            try {
                DurableKafkaLog log = open(disk, s, FlushPolicy.forceEachAppend());
                for (int i = 0; i < 40; i++) {
                    log.send(0, ProducerRecord.of("k" + i, "v".repeat(200))).get();
                    acked++;
                }
            } catch (Exception | Error cut) {
                // the power went out
            }
            disk.crash(seed);
            try (DurableKafkaLog log = open(disk, s, FlushPolicy.forceEachAppend())) {
                RecoveryReport r = log.recovery().get(0);
                assertThat(log.highWatermark(0))
                        .as("every acknowledged append kept")
                        .isEqualTo(acked);
                repaired = r.indexesRebuilt() > 0;
            }
        }
        assertThat(repaired)
                .as("some crash left an index entry for a record the log lacks, and recovery cut it")
                .isTrue();
    }
}
