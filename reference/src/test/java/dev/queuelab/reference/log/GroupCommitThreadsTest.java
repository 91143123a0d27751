package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit with real threads: producers and a scheduler's thread that runs the forces. */
class GroupCommitThreadsTest extends DiskFixture {

    @TempDir
    Path dir;

    @Test
    void shouldAcknowledgeEverySendWhenOneProducerWaitsOnEachAndAThreadRunsTheLinger() throws Exception {
        ScheduledExecutorService linger = Executors.newSingleThreadScheduledExecutor();
        FlushScheduler scheduler = FlushScheduler.on(linger);
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

    @Test
    void shouldForceOnTheSchedulersThreadWhileTheProducerGoesOnAppending() throws Exception {
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "flusher"));
        Set<String> forcedBy = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<AppendOutcome>> sent = new ArrayList<>();
        try (DurableKafkaLog log = DurableKafkaLog.open(
                new ForcesSeen(forcedBy),
                dir,
                "t",
                SMALL,
                FlushPolicy.groupCommit(1_000, Duration.ofMillis(1)), // the last batch by its linger
                InstantSource.system(),
                FlushScheduler.on(flusher),
                DiskRules.REFERENCE)) {
            for (int i = 0; i < 2_000; i++) {
                sent.add(log.send(0, record(i))); // pipelined: none waited on until all are sent
            }
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i).get(5, TimeUnit.SECONDS).offset()).isEqualTo(i);
            }
            assertThat(forcedBy)
                    .as("DS6: every batch, due by size or by its linger, was forced on the scheduler's thread, none"
                            + " by the sender")
                    .containsExactly("flusher");
        } finally {
            flusher.shutdownNow();
            assertThat(flusher.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The real disk, noting which threads force a {@code .log} file. */
    private record ForcesSeen(Set<String> forcedBy) implements ForwardingDisk {

        @Override
        public Disk delegate() {
            return Disk.REAL;
        }

        @Override
        public Disk.Handle open(Path file) {
            Disk.Handle real = Disk.REAL.open(file);
            boolean log = file.getFileName().toString().endsWith(".log");
            return new ForwardingDisk.ForwardingHandle() {
                @Override
                public Disk.Handle delegate() {
                    return real;
                }

                @Override
                public void force() {
                    if (log) {
                        forcedBy.add(Thread.currentThread().getName());
                    }
                    real.force();
                }
            };
        }
    }
}
