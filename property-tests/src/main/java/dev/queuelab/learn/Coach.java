package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The learner's loop for one exercise: compile their code, run its checks, tell the story of a failure
 * with where to read and how to get a hint, or record the pass and point to the next exercise.
 */
public final class Coach {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** A full check: the default trials from the default seed. Only a full check changes the progress file. */
    public static final Settings FULL_CHECK = new Settings(Settings.DEFAULT_TRIALS, OptionalLong.empty(), "exercise");

    private final Workspace workspace;
    private final PrintWriter out;
    private final Style style;

    public Coach(Workspace workspace, PrintWriter out, Style style) {
        this.workspace = workspace;
        this.out = out;
        this.style = style;
    }

    /**
     * Checks one exercise and says how it went; returns {@link #OK} or {@link #CHECK_FAILED}. A run narrowed to
     * one property or fewer trials (a replay) does not change the progress file; only a full check does.
     */
    public int check(Exercise exercise, Settings settings, Optional<WorkQueueProperty> only) {
        out.println(style.strong("Checking " + exercise.label()) + ": " + workspace.show(workspace.learnerFile(exercise)));
        out.flush();
        WorkQueueFactory factory = new LearnerCode(workspace).compile(exercise, workspace.learnerDir(exercise));
        List<CheckResult> results = new ExerciseCheck(exercise, "exercise " + exercise.number(), only)
                .runWithPatience(factory, settings);
        CheckResult last = results.get(results.size() - 1);
        boolean full = only.isEmpty() && settings.trials() >= Settings.DEFAULT_TRIALS;
        Progress progress = Progress.load(workspace.progressFile());
        if (!last.passed()) {
            results.subList(0, results.size() - 1).forEach(this::passedLine);
            out.println(style.fail() + " " + style.bad(last.property() + " failed"));
            out.println();
            out.println(style.text(last.report().stripTrailing()));
            out.println();
            out.println("Read about it: " + exercise.doc());
            out.println("Your task:     " + workspace.show(workspace.readme(exercise)));
            int shown = progress.hintsShown(exercise);
            int total = Hints.read(workspace.hints(exercise)).size();
            out.println("Stuck?         queuelab hint " + exercise.number()
                    + (shown < total ? " (" + shown + " of " + total + " hints seen)" : " (all " + total + " hints seen)"));
            if (full && progress.isDone(exercise)) {
                progress.markDone(exercise, false);
                out.println(style.faint("(it passed before; it is marked pending again)"));
            }
            out.flush();
            return CHECK_FAILED;
        }
        results.forEach(this::passedLine);
        if (!full) {
            out.println("This narrowed run passed; run " + style.strong("queuelab check " + exercise.number())
                    + " for the full check that marks the exercise done.");
            out.flush();
            return OK;
        }
        progress.markDone(exercise, true);
        out.println(style.good("Exercise " + exercise.number() + " passes.") + " "
                + style.bar(progress.doneCount(), Exercises.ALL.size()));
        out.println("See the reference solution: queuelab solution " + exercise.number());
        progress.next().ifPresentOrElse(
                next -> out.println("Next: " + next.label() + ": read " + workspace.show(workspace.readme(next))
                        + ", then queuelab check " + next.number()),
                () -> out.println("Every exercise passes. The production-shaped version of all four is"
                        + " reference/src/main/java/dev/queuelab/reference/workqueue/SqsWorkQueue.java."));
        out.flush();
        return OK;
    }

    private void passedLine(CheckResult r) {
        out.println(style.pass() + " " + r.report());
    }
}
