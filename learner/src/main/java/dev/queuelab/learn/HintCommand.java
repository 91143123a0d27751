package dev.queuelab.learn;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code queuelab hint N}: one more hint each time, from a nudge to nearly the answer. */
@Command(
        name = "hint",
        mixinStandardHelpOptions = true,
        header = "Show the next hint for an exercise.",
        description = {
            "Each call shows one more hint, with the earlier ones above it.",
            "",
            "Examples:",
            "  queuelab hint 1"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a hint was shown", "2:bad usage or input"})
public final class HintCommand extends LearnerCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "The exercise (default: the next one not done).")
    String exercise;

    @Override
    int run(PrintWriter out) {
        Progress progress = progress();
        Exercise e = exercise != null
                ? Exercises.find(exercise)
                : progress.next()
                        .orElseThrow(() -> new LearnerException("every exercise passes: name one, queuelab hint N"));
        List<String> hints = Hints.read(workspace.hints(e));
        int shown = Math.min(progress.hintsShown(e) + 1, hints.size());
        Style style = style();
        out.println(style.strong("Hints for " + e.label()));
        for (int i = 0; i < shown; i++) {
            out.println();
            out.println((i == shown - 1
                            ? style.strong("Hint " + (i + 1) + " of " + hints.size())
                            : style.faint("Hint " + (i + 1)))
                    + "\n" + hints.get(i));
        }
        out.println();
        out.println(
                shown < hints.size()
                        ? "Run queuelab hint " + e.number() + " again for the next one."
                        : "That was the last hint. Once the check passes, queuelab solution " + e.number()
                                + " shows the reference.");
        progress.hintShown(e, shown);
        return Coach.OK;
    }
}
