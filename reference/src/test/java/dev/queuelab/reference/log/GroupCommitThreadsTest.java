package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit with real threads: a producer that waits on every send, and a scheduler thread for the linger. */
class GroupCommitThreadsTest extends DiskFixture {

    @TempDir
    Path dir;

    @Test
    void shouldAcknowledgeEverySendWhenOneProducerWaitsOnEachAndAThreadRunsTheLinger() throws Exception {
        ScheduledExecutorService linger = Executors.newSingleThreadScheduledExecutor();
        FlushScheduler scheduler = (delay, task) -> linger.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        int acknowledged = 0;
        int inOrder = 0;
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir,
                "t",
                SMALL,
                FlushPolicy.groupCommit(1 << 20, Duration.ofNanos(1)),
                InstantSource.system(),
                scheduler)) {
            for (int i = 0; i < 3_000; i++) {
                // bounded: a lost wake-up fails here, not hangs
                AppendOutcome answer = log.send(0, record(i)).get(5, TimeUnit.SECONDS);
                acknowledged++;
                inOrder += answer.written() && answer.offset() == i ? 1 : 0;
            }
        } finally {
            linger.shutdownNow();
            assertThat(linger.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged)
                .as("DS5, DS6: a force that ran while a send registered still completes it")
                .isEqualTo(3_000);
        assertThat(inOrder)
                .as("each acknowledgement answers its own record's offset")
                .isEqualTo(3_000);
        try (DurableKafkaLog reopened = DurableKafkaLog.open(
                dir, "t", SMALL, FlushPolicy.forceEachAppend(), InstantSource.system(), FlushScheduler.CALLER)) {
            assertThat(reopened.highWatermark(0))
                    .as("every acknowledged record is on disk after a clean close")
                    .isEqualTo(3_000L);
        }
    }
}
