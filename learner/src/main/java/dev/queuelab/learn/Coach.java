package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The learner's loop for one exercise: compile their code, run its checks in the worker JVM, tell the story
 * of a failure with where to read and how to get a hint, or record the pass, recap it and point to the next.
 */
public final class Coach {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** A full check: the default trials from the default seed. Only a full check changes the progress file. */
    public static final Settings FULL_CHECK = new Settings(Settings.DEFAULT_TRIALS, OptionalLong.empty(), "exercise");

    /** Far beyond an honest run (well under a second once warm, a few seconds cold on a busy machine). */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(20);

    private final Workspace workspace;
    private final PrintWriter out;
    private final Style style;
    private final CheckProcess checks;
    private final Duration limit;

    public Coach(Workspace workspace, PrintWriter out, Style style, CheckProcess checks, Duration limit) {
        this.workspace = workspace;
        this.out = out;
        this.style = style;
        this.checks = checks;
        this.limit = limit;
    }

    /** Compiles the learner's code and runs its checks in the worker: the results in order, ending at the first failure. */
    public List<CheckResult> results(Exercise exercise, Settings settings, Optional<Property<?, ?, ?>> only) {
        checks.warm();
        new ExerciseCheck(exercise, "exercise " + exercise.number(), only); // refuses a property the exercise lacks
        CheckRequest request = new CheckRequest(
                exercise,
                new LearnerCode(workspace).compileTo(exercise, workspace.learnerDir(exercise)),
                settings,
                only,
                limit);
        return checks.run(request);
    }

    /**
     * Checks one exercise and says how it went; returns {@link #OK} or {@link #CHECK_FAILED}. A run narrowed to
     * one property or fewer trials (a replay) does not change the progress file; only a full check does.
     */
    public int check(Exercise exercise, Settings settings, Optional<Property<?, ?, ?>> only) {
        return check(exercise, settings, only, Optional.empty());
    }

    /** As {@link #check(Exercise, Settings, Optional)}, drawing a failure's story to {@code diagram} as well. */
    public int check(
            Exercise exercise, Settings settings, Optional<Property<?, ?, ?>> only, Optional<Diagram> diagram) {
        out.println(style.strong("Checking " + exercise.label()));
        out.println("  your file: " + workspace.show(workspace.learnerFile(exercise)));
        out.flush();
        List<CheckResult> results = results(exercise, settings, only);
        CheckResult last = results.get(results.size() - 1);
        boolean full = only.isEmpty() && settings.trials() >= Settings.DEFAULT_TRIALS;
        Progress progress = Progress.load(workspace.progressFile());
        if (!last.passed()) {
            results.subList(0, results.size() - 1).forEach(this::passedLine);
            out.println(style.fail() + " " + style.bad(last.property() + " failed"));
            out.println();
            out.println(style.text(last.report().stripTrailing()));
            out.println();
            diagram.ifPresent(d -> out.println(d.draw(exercise, last)));
            out.println("Read about it: " + exercise.doc());
            out.println("Your task:     " + workspace.show(workspace.readme(exercise)));
            int shown = progress.hintsShown(exercise);
            int total = Hints.read(workspace.hints(exercise)).size();
            out.println("Stuck?         queuelab hint " + exercise.number()
                    + (shown < total
                            ? " (" + shown + " of " + total + " hints seen)"
                            : " (all " + total + " hints seen)"));
            if (full && progress.isDone(exercise)) {
                progress.markDone(exercise, false);
                out.println(style.faint("(it passed before; it is marked pending again)"));
            }
            out.flush();
            return CHECK_FAILED;
        }
        results.forEach(this::passedLine);
        diagram.ifPresent(d -> out.println(d.draw(exercise, last)));
        if (!full) {
            out.println("This narrowed run passed; run " + style.strong("queuelab check " + exercise.number())
                    + " for the full check that marks the exercise done.");
            out.flush();
            return OK;
        }
        progress.markDone(exercise, true);
        Topology chapter = exercise.topology();
        out.println(style.good("Exercise " + exercise.number() + " passes.") + " "
                + style.bar(progress.doneCount(chapter), chapter.exercises().size()));
        new Recap(workspace, exercise).lines().forEach(out::println);
        out.println("Compare with the reference solution: queuelab solution " + exercise.number());
        if (progress.doneCount(chapter) == chapter.exercises().size()) {
            int size = chapter.exercises().size();
            out.println("Chapter " + chapter.chapter() + " passes. The production-shaped version of "
                    + (size == 1 ? "it" : "all " + size) + " is " + chapter.reference() + ".");
        }
        progress.next()
                .ifPresentOrElse(
                        next -> out.println("Next: " + next.label()
                                + (next.topology().chapter() == chapter.chapter()
                                        ? ""
                                        : ", in chapter " + next.topology().chapter() + ", "
                                                + next.topology().chapterHead().title())
                                + ": queuelab next says what to read"),
                        () -> out.println("Every exercise passes."));
        out.flush();
        return OK;
    }

    private void passedLine(CheckResult r) {
        out.println(style.pass() + " " + r.report());
    }
}
