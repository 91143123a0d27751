package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable log's floor variants ({@code raw-packed+api}, {@code raw-packed+force-per-MiB+api}) keep the promise
 * the log's policies keep, or their figures would flatter the floor: a send is acknowledged only once the write
 * (or the force per MiB) holding it has returned. Judged from outside: the file must hold the bytes of every
 * acknowledged send, read from the file system while the benchmark runs, never from the benchmark's own count of
 * what it wrote.
 */
class DurableLogFloorTest {

    @TempDir
    Path dir;

    @Test
    void shouldAcknowledgeAPageCacheSendOnlyOnceItsWriteHasReturned() throws Exception {
        long sends = 2_000; // three 64 KiB batches of 655 records and part of a fourth
        RawRun run = run("raw-packed+api", sends);
        assertThat(run.acked())
                .as("sends acknowledged: every full batch's, none of the last one's")
                .isEqualTo(3 * 655);
        assertThat(run.bytesInFile())
                .as("the file holds every acknowledged send")
                .isGreaterThanOrEqualTo(run.acked() * 100);
    }

    @Test
    void shouldAcknowledgeAGroupCommitSendOnlyOnceTheForceAfterItHasReturned() throws Exception {
        long perMiB = (1 << 20) / DurableLogBenchmark.RECORD; // 10,485 records a force
        RawRun run = run("raw-packed+force-per-MiB+api", 2 * perMiB + 100);
        assertThat(run.forces()).as("forces handed to the flusher thread").isEqualTo(2);
        assertThat(run.acked())
                .as("sends acknowledged once the flusher ran: those before the second force, not one after")
                .isEqualTo(2 * perMiB);
        assertThat(run.bytesInFile())
                .as("the file holds every acknowledged send")
                .isGreaterThanOrEqualTo(run.acked() * 100);
    }

    private RawRun run(String mode, long sends) throws Exception {
        return RawRun.of(dir, mode, sends);
    }
}
