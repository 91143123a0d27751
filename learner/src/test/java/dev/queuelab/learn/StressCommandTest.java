package dev.queuelab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code queuelab stress}: its exit codes, and a failure that prints its story and the command that replays it. */
class StressCommandTest {

    @Test
    void shouldExitOneWithTheStoryAndTheReplayWhenARunFindsAnAnomaly() {
        Run run = run("gallery.no-lock", "--seed", "7");
        assertThat(run.code).as(run.out + run.err).isEqualTo(Coach.CHECK_FAILED);
        assertThat(run.out)
                .contains("run 1 of 1 on 'gallery.no-lock', seed 7: FAILED", "Rule:", "Evidence:")
                .contains("Replay: queuelab stress gallery.no-lock --seed 7");
    }

    @Test
    void shouldExitZeroWhenNoRunFindsAnAnomaly() {
        Run run = run("reference", "--seed", "3");
        assertThat(run.code).as(run.out + run.err).isEqualTo(Coach.OK);
        assertThat(run.out).contains("no anomaly", "No anomaly in 1 run(s) of 5 rounds on 'reference'.");
    }

    @Test
    void shouldExitTwoWithOneLineWhenTheUsageIsBad() {
        Run unknown = run("gallery.nope");
        assertThat(unknown.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(unknown.err)
                .startsWith("queuelab stress: 'gallery.nope' is not a work queue")
                .contains("reference");
        Run noRuns = run("reference", "--runs", "0");
        assertThat(noRuns.code).isEqualTo(Coach.BAD_INPUT);
        assertThat(noRuns.err).contains("--runs is 0: use 1 or more");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new StressCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
