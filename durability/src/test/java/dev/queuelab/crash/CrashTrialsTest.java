package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashTrialsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoseNoAcknowledgedAppendAndServeNoCorruptRecordWhenChildJvmsAreKilled() throws Exception {
        StringWriter text = new StringWriter();
        CrashTrials.Counts c = CrashTrials.run(
                new CrashTrials.Options(20, 11, dir, Duration.ofSeconds(30), DiskSubject.REFERENCE, List.of(), 0),
                new PrintWriter(text));
        CrashReport.print(c, 11, new PrintWriter(text));
        System.out.println(text);
        assertThat(c.kills()).as("the trials killed children mid-run").isGreaterThan(10);
        assertThat(c.killsDuringRecovery())
                .as("some kills land while a child opens the log")
                .isPositive();
        assertThat(c.acknowledged())
                .as("children acknowledged appends before they died")
                .isPositive();
        assertThat(c.commits()).as("children committed before they died").isPositive();
        assertThat(c.breaches()).as("R1 to R6: %s", c.evidence()).isEmpty();
        assertThat(c.passed()).as(text.toString()).isTrue();
    }
}
