package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab check [N | --all]}: compile the learner's code and judge it on the engine, in a worker JVM. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Compile your code for an exercise and run its checks.",
        description = {
            "Runs hundreds of generated scenarios against your class: sends, receives, acks, crashes and "
                    + "clock ticks for a queue; appends, reads, group members, commits and retries for a log; crashes, "
                    + "damaged files and SIGKILLs for a recovery. On a failure it prints the smallest scenario that "
                    + "breaks a rule, as a story, with "
                    + "the seed that replays it. On a pass it marks the exercise done.",
            "",
            "Examples:",
            "  queuelab check",
            "  queuelab check 2",
            "  queuelab check --all",
            "  queuelab check 2 --property visibility --seed 42 --trials 1",
            "  queuelab check 2 --diagram story.svg"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the checks pass",
            "1:a check failed, the code does not compile, or it did not return in time",
            "2:bad usage or input"
        })
public final class CheckCommand extends LearnerCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise (default: the next one not done).")
    String exercise;

    @Option(names = "--all", description = "Check every exercise, one line each.")
    boolean all;

    @Option(names = "--seed", paramLabel = "SEED", description = "Replay this seed (from a failure's story).")
    Long seed;

    @Option(
            names = "--trials",
            paramLabel = "N",
            description = "Scenarios per property (default: " + Settings.DEFAULT_TRIALS + ").")
    Integer trials;

    @Option(
            names = "--property",
            paramLabel = "ID",
            description =
                    "Run only this property (acks, visibility, dead-letters, fifo; partitioning, groups, stale, idempotence;"
                            + " damage, kill).")
    String property;

    @Option(
            names = "--limit",
            paramLabel = "SECONDS",
            description = "Stop your code if a check runs longer (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int limitSeconds;

    @Option(
            names = "--diagram",
            paramLabel = "FILE",
            description = "Draw a failure's story to FILE as a timeline: .svg, .mmd (Mermaid) or .txt.")
    Path diagram;

    @Override
    int run(PrintWriter out) {
        Settings settings = settings();
        Optional<Diagram> drawing = Optional.ofNullable(diagram).map(Diagram::of);
        if (all && drawing.isPresent()) {
            throw new LearnerException("--diagram draws one exercise's story: leave out --all, give N");
        }
        if (all && (exercise != null || property != null)) {
            throw new LearnerException("--all checks every exercise: leave out N and --property");
        }
        try (CheckProcess checks = new CheckProcess().warm()) {
            Coach coach = new Coach(workspace, out, style(), checks, limit(limitSeconds));
            if (all) {
                return checkAll(coach, settings, out);
            }
            Optional<Exercise> chosen = exercise != null
                    ? Optional.of(Exercises.find(exercise))
                    : progress().next();
            if (chosen.isEmpty()) {
                out.println(style().good("Every exercise passes.")
                        + " Check one again with queuelab check N, or all with --all.");
                return Coach.OK;
            }
            return coach.check(chosen.get(), settings, only(chosen.get()), drawing);
        }
    }

    /** One line per exercise, as {@code rustlings verify} does; the story is one {@code queuelab check N} away. */
    private int checkAll(Coach coach, Settings settings, PrintWriter out) {
        Style style = style();
        int failed = 0;
        for (Exercise e : Exercises.ALL) {
            String problem;
            try {
                List<CheckResult> results = coach.results(e, settings, Optional.empty());
                CheckResult last = results.get(results.size() - 1);
                problem = last.passed()
                        ? null
                        : last.property() + " failed"
                                + last.anomaly()
                                        .map(a -> ": " + a.name() + " at step " + a.step())
                                        .orElse("");
                if (settings.trials() >= Settings.DEFAULT_TRIALS) {
                    progress().markDone(e, last.passed());
                }
            } catch (LearnerException ex) {
                problem = ex.getMessage().lines().findFirst().orElse("");
            }
            if (problem == null) {
                out.printf("%s %d. %s%n", style.pass(), e.number(), e.title());
            } else {
                failed++;
                out.printf(
                        "%s %d. %s%n       %s (queuelab check %d tells the story)%n",
                        style.fail(), e.number(), e.title(), problem, e.number());
            }
            out.flush();
        }
        out.println(
                failed == 0
                        ? style.good("Every exercise passes.")
                        : failed + " of " + Exercises.ALL.size() + " exercises do not pass yet.");
        return failed == 0 ? Coach.OK : Coach.CHECK_FAILED;
    }

    private Settings settings() {
        Settings settings = Coach.FULL_CHECK;
        if (trials != null) {
            if (trials < 1) {
                throw new LearnerException("--trials is " + trials + ": use 1 or more");
            }
            settings = settings.withTrials(trials);
        }
        return seed == null ? settings : settings.withSeed(seed);
    }

    /** The {@code --property} asked for, one of the exercise's topology's. */
    private Optional<Property<?, ?, ?>> only(Exercise chosen) {
        try {
            return property == null
                    ? Optional.empty()
                    : Optional.of(chosen.topology().property(property));
        } catch (IllegalArgumentException e) {
            throw new LearnerException("--property: " + e.getMessage());
        }
    }

    /** The {@code --limit} of check and watch, refused when it is not a positive number of seconds. */
    static Duration limit(int seconds) {
        if (seconds < 1) {
            throw new LearnerException(
                    "--limit is " + seconds + ": give the seconds a check may run, 1 or more (default 20)");
        }
        return Duration.ofSeconds(seconds);
    }
}
