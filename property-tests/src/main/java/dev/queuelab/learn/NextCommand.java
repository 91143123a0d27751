package dev.queuelab.learn;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code queuelab next}: what to read and what to run next, in order. */
@Command(name = "next", mixinStandardHelpOptions = true,
        header = "Say what to read and what to run next.",
        description = {"The first exercise not done yet: its concept, its task, your file, the command that checks it.",
                "", "Examples:", "  queuelab next"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:said", "2:the progress file is damaged"})
public final class NextCommand extends LearnerCommand {

    @Override
    int run(PrintWriter out) {
        Style style = style();
        Progress progress = progress();
        progress.next().ifPresentOrElse(e -> {
            out.println(style.strong("Next: " + e.label()) + "  " + style.bar(progress.doneCount(), Exercises.ALL.size()));
            out.println("  1. read the concept:  " + e.doc());
            out.println("  2. read your task:    " + workspace.show(workspace.readme(e)));
            out.println("  3. write the code in: " + workspace.show(workspace.learnerFile(e)));
            out.println("  4. check it:          queuelab check " + e.number() + "   (or queuelab watch, to check on every save)");
            int hints = progress.hintsShown(e);
            out.println("Stuck? queuelab hint " + e.number() + (hints > 0 ? " (" + hints + " seen so far)" : ""));
        }, () -> {
            out.println(style.good("Every exercise passes.") + " Next, read the production-shaped version of all four:");
            out.println("  " + Recap.REFERENCE);
            out.println("  and docs/work-queue.md#the-bug-gallery: the mistakes the checks catch, one class each.");
        });
        return Coach.OK;
    }
}
