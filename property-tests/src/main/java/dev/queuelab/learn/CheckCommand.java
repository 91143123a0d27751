package dev.queuelab.learn;

import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab check [N]}: compile the learner's code and judge it on the engine, in-process. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Compile your code for an exercise and run its checks.",
        description = {"Runs hundreds of generated scenarios of sends, receives, acks, crashes and clock ticks against "
                + "your class. On a failure it prints the smallest scenario that breaks a rule, as a story, with "
                + "the seed that replays it. On a pass it marks the exercise done.",
                "", "Examples:", "  queuelab check", "  queuelab check 2",
                "  queuelab check 2 --property visibility --seed 42 --trials 1"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the checks pass", "1:a check failed, or the code does not compile", "2:bad usage or input"})
public final class CheckCommand extends LearnerCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise (default: the next one not done).")
    String exercise;

    @Option(names = "--seed", paramLabel = "SEED", description = "Replay this seed (from a failure's story).")
    Long seed;

    @Option(names = "--trials", paramLabel = "N", description = "Scenarios per property (default: "
            + Settings.DEFAULT_TRIALS + ").")
    Integer trials;

    @Option(names = "--property", paramLabel = "ID", description = "Run only this property (acks, visibility, dead-letters, fifo).")
    String property;

    @Override
    int run(PrintWriter out) {
        Progress progress = progress();
        Optional<Exercise> chosen = exercise != null ? Optional.of(Exercises.find(exercise)) : progress.next();
        if (chosen.isEmpty()) {
            out.println(style().good("Every exercise passes.") + " Check one again with queuelab check N.");
            return Coach.OK;
        }
        Settings settings = Coach.FULL_CHECK;
        if (trials != null) {
            if (trials < 1) {
                throw new LearnerException("--trials is " + trials + ": use 1 or more");
            }
            settings = settings.withTrials(trials);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        Optional<WorkQueueProperty> only = Optional.empty();
        if (property != null) {
            try {
                only = Optional.of(WorkQueueProperty.byId(property));
            } catch (IllegalArgumentException e) {
                throw new LearnerException("--property: " + e.getMessage());
            }
        }
        return new Coach(workspace, out, style()).check(chosen.get(), settings, only);
    }
}
