package dev.queuelab.learn;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code queuelab exercises}: the path, chapter by chapter (a topology each), what is done and what comes next. */
@Command(
        name = "exercises",
        mixinStandardHelpOptions = true,
        header = "List the exercises in order, with what is done and what comes next.",
        description = {
            "Each chapter builds one topology, each exercise one concept: complete one class until its checks pass.",
            "",
            "Examples:",
            "  queuelab exercises",
            "  queuelab check"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:the progress file is damaged"})
public final class ExercisesCommand extends LearnerCommand {

    @Override
    int run(PrintWriter out) {
        Style style = style();
        Progress progress = progress();
        out.println(style.strong("queuelab exercises") + "  " + style.bar(progress.doneCount(), Exercises.ALL.size()));
        Path folder = workspace.learnerDir(Exercises.ALL.get(0)).getParent();
        out.println("Your files, in " + workspace.show(folder) + "/:");
        int width = Exercises.ALL.stream()
                .mapToInt(e -> (e.number() + ". " + e.title()).length())
                .max()
                .orElse(0);
        for (Topology chapter : Exercises.chapters()) {
            out.println();
            out.println(style.strong("Chapter " + chapter.chapter() + ": " + chapter.title()) + "  "
                    + style.bar(progress.doneCount(chapter), chapter.exercises().size()));
            for (Exercise e : chapter.exercises()) {
                boolean next = progress.next().filter(e::equals).isPresent();
                out.printf(
                        "  %s %-" + width + "s  %s%s%n",
                        progress.isDone(e) ? style.tick() : style.pending(),
                        e.number() + ". " + e.title(),
                        folder.relativize(workspace.learnerFile(e)),
                        next ? "  " + style.strong("<- next") : "");
            }
        }
        out.println();
        progress.next()
                .ifPresentOrElse(
                        n -> out.println("Next: " + n.label()
                                + "; queuelab next says what to read, then queuelab check " + n.number() + "."),
                        () -> out.println(style.good("Every exercise passes.")));
        return Coach.OK;
    }
}
