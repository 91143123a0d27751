package dev.queuelab.bench.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's chatter goes to the log; the terminal gets one line per fork, with JMH's progress, and the summary table. */
class JmhProgressTest {

    static final String JMH = """
            # JMH version: 1.37
            # Benchmark: dev.queuelab.bench.HandoffBenchmark.handoff
            # Parameters: (impl = sqs)

            # Run progress: 0.00% complete, ETA 00:00:12
            # Fork: 1 of 1
            Iteration   1: 1234.5 ops/ms
            # Benchmark: dev.queuelab.bench.HandoffBenchmark.handoff
            # Parameters: (impl = abq)

            # Run progress: 25.00% complete, ETA 00:00:09
            Iteration   1: 2345.6 ops/ms

            # Run complete. Total time: 00:00:12

            REMEMBER: The numbers below are just data.

            Benchmark                 (impl)   Mode  Cnt     Score   Error   Units
            HandoffBenchmark.handoff     sqs  thrpt    2  1234.500          ops/ms
            HandoffBenchmark.handoff     abq  thrpt    2  2345.600          ops/ms
            """;

    @TempDir
    Path tmp;

    @Test
    void shouldPrintProgressAndTheTableWhenJmhRuns() throws Exception {
        StringWriter out = new StringWriter();
        Path log = tmp.resolve("results.log");
        new JmhProgress(new PrintWriter(out, true))
                .follow(new ByteArrayInputStream(JMH.getBytes(StandardCharsets.UTF_8)), log);
        assertThat(out.toString())
                .as("progress per run, then JMH's table, and nothing else:%n%s", out)
                .contains("fork 1 (0% done, ETA 00:00:12): HandoffBenchmark.handoff (impl = sqs)\n")
                .contains("fork 2 (25% done, ETA 00:00:09): HandoffBenchmark.handoff (impl = abq)\n")
                .contains("Benchmark                 (impl)   Mode", "HandoffBenchmark.handoff     abq  thrpt")
                .doesNotContain("Iteration", "REMEMBER", "# JMH version");
        assertThat(Files.readString(log))
                .as("the log keeps all of JMH's output")
                .isEqualTo(JMH);
    }

    @Test
    void shouldLeaveTheGoalsOutWhenTheRunIsASmokeTest() {
        String md =
                "Measured on 2 cores.\n\n### Goals\n\n| goal | reached | |\n|---|---|---|\n| handoff | 1.55x | met |\n\n### Handoff\n\nrows\n";
        assertThat(BenchCommand.withoutGoals(md)).isEqualTo("Measured on 2 cores.\n\n### Handoff\n\nrows\n");
    }
}
