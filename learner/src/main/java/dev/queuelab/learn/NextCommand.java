package dev.queuelab.learn;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code queuelab next}: what to read and what to run next, in order, from one chapter to the next. */
@Command(
        name = "next",
        mixinStandardHelpOptions = true,
        header = "Say what to read and what to run next.",
        description = {
            "The first exercise not done yet: its concept, its task, your file, the command that checks it.",
            "",
            "Examples:",
            "  queuelab next"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:said", "2:the progress file is damaged"})
public final class NextCommand extends LearnerCommand {

    @Override
    int run(PrintWriter out) {
        Style style = style();
        Progress progress = progress();
        progress.next()
                .ifPresentOrElse(
                        e -> {
                            Topology chapter = e.topology().chapterHead();
                            out.println(style.strong("Next: " + e.label()) + "  "
                                    + style.bar(progress.doneCount(), Exercises.ALL.size()));
                            out.println("  chapter " + chapter.chapter() + ", " + chapter.title() + ": "
                                    + progress.doneCount(chapter) + " of "
                                    + chapter.exercises().size() + " done");
                            out.println("  1. read the concept:  " + e.doc());
                            out.println("  2. read your task:    " + workspace.show(workspace.readme(e)));
                            out.println("  3. write the code in: " + workspace.show(workspace.learnerFile(e)));
                            out.println("  4. check it:          queuelab check " + e.number()
                                    + "   (or queuelab watch, to check on every save)");
                            int hints = progress.hintsShown(e);
                            out.println("Stuck? queuelab hint " + e.number()
                                    + (hints > 0 ? " (" + hints + " seen so far)" : ""));
                        },
                        () -> {
                            out.println(style.good("Every exercise passes.")
                                    + " Next, read the production-shaped version of each chapter:");
                            for (Topology chapter : Exercises.chapters()) {
                                out.println("  " + chapter.reference());
                                out.println("  and " + chapter.gallery()
                                        + ": the mistakes the checks catch, one class each.");
                            }
                        });
        return Coach.OK;
    }
}
