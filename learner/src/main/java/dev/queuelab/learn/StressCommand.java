package dev.queuelab.learn;

import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.implementations.StressMain;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab stress IMPL [--seed N] [--runs N]}: a work queue on real threads, each run in a JVM of its own. */
@Command(
        name = "stress",
        mixinStandardHelpOptions = true,
        header = "Run a work queue on real threads and judge every call the threads made.",
        description = {
            "Three producers (some retrying a send), three consumers (some crashing, some too slow for their "
                    + "lease), an operator redriving the dead-letter queue and a console reading statistics, all at "
                    + "once, on standard and FIFO queues while the clock moves. The same model as the checks judges "
                    + "what they saw. A race shows only on some interleavings: a run is "
                    + StressCommand.ROUNDS
                    + " rounds, and --runs tries more seeds. Each run is a JVM of its own with a small heap.",
            "",
            "Examples:",
            "  queuelab stress reference",
            "  queuelab stress gallery.ack-unguarded --runs 5",
            "  queuelab stress gallery.no-lock --seed 42"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no run found an anomaly",
            "1:a run found an anomaly (its story and the command that replays it are printed), or ran its heap out",
            "2:bad usage or input"
        })
public final class StressCommand extends LearnerCommand {

    static final int ROUNDS = 5;
    static final int ROUND_SECONDS = 20;
    /** Seeds of successive runs are this far apart: a run's rounds use the seeds after its own. */
    static final long SEED_STEP = 1_000;

    @Parameters(paramLabel = "IMPL", description = "The work queue: reference, or gallery.<variant>.")
    String impl;

    @Option(names = "--seed", paramLabel = "SEED", description = "The first run's seed (from a failure's replay line).")
    Long seed;

    @Option(
            names = "--runs",
            paramLabel = "N",
            description = "Runs, each on its own seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int runs;

    @Override
    int run(PrintWriter out) {
        if (runs < 1) {
            throw new LearnerException("--runs is " + runs + ": use 1 or more");
        }
        if (!Implementations.isWorkQueue(impl)) {
            throw new LearnerException("'" + impl + "' is not a work queue this kit knows: use one of "
                    + String.join(", ", Implementations.WORK_QUEUES.names()));
        }
        long first = seed == null ? Settings.DEFAULT_SEED : seed;
        for (int i = 0; i < runs; i++) {
            long runSeed = first + i * SEED_STEP;
            out.printf("run %d of %d on '%s', seed %d: ", i + 1, runs, impl, runSeed);
            out.flush();
            StressMain.Result result = StressMain.inChild(impl, runSeed, ROUNDS, ROUND_SECONDS);
            switch (result.verdict()) {
                case NONE -> out.println(result.report().lines().findFirst().orElse("no anomaly"));
                case ANOMALY -> {
                    out.println("FAILED");
                    out.println(result.report());
                    out.println("Replay: queuelab stress " + impl + " --seed " + runSeed);
                    return Coach.CHECK_FAILED;
                }
                default -> {
                    out.println("inconclusive");
                    out.println(result.report());
                    out.println("The queue ran its JVM's heap out or died: no story to tell. Replay: queuelab stress "
                            + impl + " --seed " + runSeed);
                    return Coach.CHECK_FAILED;
                }
            }
        }
        out.println("No anomaly in " + runs + " run(s) of " + ROUNDS + " rounds on '" + impl + "'.");
        return Coach.OK;
    }
}
