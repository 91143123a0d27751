package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.ProducerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushPolicyTest extends DiskFixture {

    @TempDir
    Path dir;

    private static final FlushPolicy GROUP = FlushPolicy.groupCommit(1_000, Duration.ofMillis(5));

    /** Sends n records, then loses power; returns how many sends had completed before the loss. */
    private int sendThenLosePower(FlushPolicy policy, int n) {
        DurableKafkaLog log = open(dir, policy);
        List<CompletableFuture<AppendOutcome>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(log.send(0, record(i)));
        }
        int acknowledged = (int) sent.stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .count();
        log.simulatePowerLoss();
        return acknowledged;
    }

    @Test
    void shouldKeepEveryAcknowledgedSendWhenPowerFailsUnderForceEachAppend() {
        int acknowledged = sendThenLosePower(FlushPolicy.forceEachAppend(), 60);
        try (DurableKafkaLog log = open(dir, FlushPolicy.forceEachAppend())) {
            assertThat(acknowledged)
                    .as("DS1: each send is forced before it returns")
                    .isEqualTo(60);
            assertThat(log.highWatermark(0))
                    .as("DK1: all 60 acknowledged records survive")
                    .isEqualTo(60);
            assertThat(all(log))
                    .extracting(r -> r.value())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 60)
                            .mapToObj(i -> record(i).value())
                            .toList());
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedSendAndOnlyThoseMayGoWhenPowerFailsUnderGroupCommit() {
        int acknowledged = sendThenLosePower(GROUP, 95);
        try (DurableKafkaLog log = open(dir, GROUP)) {
            assertThat(acknowledged)
                    .as("DS6: batches of 1000 bytes were forced, the last one still waits")
                    .isBetween(1, 94);
            assertThat(log.highWatermark(0))
                    .as("DK1: every acknowledged send survives; the waiting tail may go")
                    .isGreaterThanOrEqualTo(acknowledged)
                    .isLessThan(95);
        }
    }

    @Test
    void shouldLoseWhatWasNeverForcedWhenPowerFailsUnderPageCache() {
        int acknowledged = sendThenLosePower(FlushPolicy.pageCache(), 50);
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            assertThat(acknowledged)
                    .as("DS5: page cache acknowledges after the write; 50 records never filled the buffer")
                    .isZero();
            assertThat(log.durability()).isEqualTo(Durability.PAGE_CACHE);
            assertThat(log.highWatermark(0))
                    .as("the expected loss of page cache: nothing was ever forced")
                    .isZero();
        }
    }

    @Test
    void shouldEndEverySendStillWaitingWithAnErrorWhenPowerFails() {
        for (FlushPolicy policy : List.of(FlushPolicy.pageCache(), GROUP)) {
            DurableKafkaLog log = open(dir.resolve(policy.durability().name()), policy);
            List<CompletableFuture<AppendOutcome>> sent = new ArrayList<>();
            for (int i = 0; i < 95; i++) {
                sent.add(log.send(0, record(i)));
            }
            List<CompletableFuture<AppendOutcome>> waiting =
                    sent.stream().filter(f -> !f.isDone()).toList();
            assertThat(waiting)
                    .as("%s: the last batch waits for its write or force", policy)
                    .isNotEmpty();
            log.simulatePowerLoss();
            assertThat(sent)
                    .as("DS10 (%s): no send is left waiting for a process that is gone", policy)
                    .allMatch(CompletableFuture::isDone);
            assertThat(waiting).allMatch(CompletableFuture::isCompletedExceptionally);
            assertThatThrownBy(() -> waiting.get(0).get(1, TimeUnit.SECONDS))
                    .as("a waiter hears of the loss at once, not at a timeout")
                    .isInstanceOf(java.util.concurrent.ExecutionException.class)
                    .hasMessageContaining("lost power before the append at offset");
        }
    }

    @Test
    void shouldAcknowledgeAPageCacheSendOnlyOnceTheWriteHoldingItHasPutItInTheFile() throws Exception {
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            CompletableFuture<AppendOutcome> first = log.send(0, record(1));
            CompletableFuture<AppendOutcome> second = log.send(0, record(2));
            CompletableFuture<String> stage = second.thenApply(AppendOutcome::toString);
            Path file = files(dir, ".log").get(0);
            assertThat(first)
                    .as("DS5: in the write buffer, not yet in the file")
                    .isNotDone();
            assertThat(java.nio.file.Files.size(file)).isZero();
            assertThat(stage.get(5, TimeUnit.SECONDS))
                    .as("AK2: waiting on a stage made from a send writes its batch")
                    .isNotNull();
            assertThat(java.nio.file.Files.size(file))
                    .as("SW2: the one write put both frames in the file before they were acknowledged")
                    .isPositive();
            assertThat(first).isCompleted();
            assertThat(second.get(5, TimeUnit.SECONDS).offset()).isEqualTo(1);
            assertThat(log.send(0, record(3)))
                    .as("AK2: each new batch waits for its own write")
                    .isNotDone();
        }
    }

    @Test
    void shouldAcknowledgeAtOnceAPageCacheSendTooLargeForTheBufferForItsOwnWriteHasReturned() throws Exception {
        try (DurableKafkaLog log = open(dir, FlushPolicy.pageCache())) {
            log.send(0, record(1));
            CompletableFuture<AppendOutcome> large =
                    log.send(0, new ProducerRecord(null, "x".repeat(70_000), Map.of()));
            assertThat(large)
                    .as("SW2: a frame above 64 KiB is written at once, after the batch before it: both are in the file")
                    .isCompleted();
            assertThat(large.get(5, TimeUnit.SECONDS).offset()).isEqualTo(1);
        }
    }

    @Test
    void shouldWriteAPageCacheBatchOnTheSchedulerWhenNoOneWaits() {
        List<Runnable> scheduled = new ArrayList<>();
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir, "t", SMALL, FlushPolicy.pageCache(), clock, (delay, task) -> scheduled.add(task))) {
            CompletableFuture<AppendOutcome> first = log.send(0, record(1));
            CompletableFuture<AppendOutcome> second = log.send(0, record(2));
            assertThat(scheduled)
                    .as("AK2: the batch's first append schedules its write, once")
                    .hasSize(1);
            assertThat(first).isNotDone();
            scheduled.get(0).run();
            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
        }
    }

    @Test
    void shouldCompleteAGroupOfSendsOnlyWhenTheForceCoveringThemReturns() {
        try (DurableKafkaLog log = open(dir, GROUP)) {
            CompletableFuture<AppendOutcome> first = log.send(0, record(1));
            CompletableFuture<AppendOutcome> second = log.send(0, record(2));
            assertThat(first)
                    .as("DS5: 2 small records are below maxBytes and the linger has not passed")
                    .isNotDone();
            log.flush();
            assertThat(first).as("DS5: the force covered both").isCompleted();
            assertThat(second.join().offset()).isEqualTo(1);
        }
    }

    @Test
    void shouldForceAWaitingBatchWhenItsLingerHasPassedOnTheClock() {
        try (DurableKafkaLog log = open(dir, GROUP)) {
            CompletableFuture<AppendOutcome> first = log.send(0, record(1));
            clock.advance(Duration.ofMillis(4));
            log.send(0, record(2));
            assertThat(first).as("DS6: 4 ms is within the 5 ms linger").isNotDone();
            clock.advance(Duration.ofMillis(1));
            CompletableFuture<AppendOutcome> third = log.send(0, record(3));
            assertThat(first)
                    .as("DS6: the oldest waited 5 ms: the next send forces the batch")
                    .isCompleted();
            assertThat(third)
                    .as("DS6: the send that found the batch due is in it")
                    .isCompleted();
        }
    }

    @Test
    void shouldRunTheForceOnTheSchedulerWhenNoFurtherSendComes() {
        List<Runnable> scheduled = new ArrayList<>();
        try (DurableKafkaLog log =
                DurableKafkaLog.open(dir, "t", SMALL, GROUP, clock, (delay, task) -> scheduled.add(task))) {
            CompletableFuture<AppendOutcome> only = log.send(0, record(1));
            assertThat(scheduled)
                    .as("DS6: the batch's first append schedules its linger")
                    .hasSize(1);
            assertThat(only).isNotDone();
            scheduled.get(0).run();
            assertThat(only).isCompleted();
        }
    }

    @Test
    void shouldHandABatchDueBySizeToTheSchedulerOnceAndGoOnAppending() {
        List<Runnable> scheduled = new ArrayList<>();
        try (DurableKafkaLog log =
                DurableKafkaLog.open(dir, "t", SMALL, GROUP, clock, (delay, task) -> scheduled.add(task))) {
            List<CompletableFuture<AppendOutcome>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) { // about 60 bytes each: 1000 bytes fill well before the 40th
                sent.add(log.send(0, record(i)));
            }
            assertThat(sent)
                    .as("DS6: the sends that found the batch due went on appending; none forced it itself")
                    .noneMatch(CompletableFuture::isDone);
            assertThat(scheduled)
                    .as("DS6: the linger, and one force queued however many sends found the batch due")
                    .hasSize(2);
            scheduled.get(1).run();
            assertThat(sent)
                    .as("DS5: the queued force covered every send before it ran")
                    .allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
            for (int i = 40; i < 80; i++) {
                log.send(0, record(i));
            }
            assertThat(scheduled)
                    .as("DS6: the next batch's linger, and its own force queued once it fell due")
                    .hasSize(4);
        }
    }

    @Test
    void shouldServeARecordNotYetForcedWhenReadUnderGroupCommit() throws java.io.IOException {
        try (DurableKafkaLog log = open(dir, GROUP)) {
            CompletableFuture<AppendOutcome> sent = log.send(0, record(7));
            long before = java.nio.file.Files.size(files(dir, ".log").get(0));
            assertThat(all(log))
                    .as("a read reaches the frames still in the write buffer")
                    .extracting(r -> r.value())
                    .containsExactly(record(7).value());
            assertThat(java.nio.file.Files.size(files(dir, ".log").get(0)))
                    .as("SF2: the read wrote them to the file first")
                    .isGreaterThan(before);
            assertThat(sent).as("DS5: written is not forced: still waiting").isNotDone();
        }
    }

    @Test
    void shouldRefuseAGroupCommitWithoutABoundWhenMaxBytesIsZero() {
        assertThatThrownBy(() -> FlushPolicy.groupCommit(0, Duration.ofMillis(5)))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("maxBytes 0")
                .hasMessageContaining("1 byte or more");
    }
}
