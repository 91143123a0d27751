package dev.queuelab.learn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab solution N}: how the reference solution differs from the learner's file, once the exercise passes. */
@Command(
        name = "solution",
        mixinStandardHelpOptions = true,
        header = "Compare your file with the reference solution of an exercise you have passed.",
        description = {
            "Prints a diff from your file to the solution (lines starting - are yours, + the solution's), then "
                    + "what the exercise proves and where the reference keeps the same rules. --full prints the whole file.",
            "",
            "Examples:",
            "  queuelab solution 1",
            "  queuelab solution 1 --full",
            "  queuelab solution 3 --force"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the exercise does not pass yet (use --force)", "2:bad usage or input"})
public final class SolutionCommand extends LearnerCommand {

    @Parameters(paramLabel = "N", description = "The exercise.")
    String exercise;

    @Option(names = "--force", description = "Show it even though the exercise does not pass yet.")
    boolean force;

    @Option(names = "--full", description = "The whole solution file instead of the diff from yours.")
    boolean full;

    @Override
    int run(PrintWriter out) {
        Exercise e = Exercises.find(exercise);
        if (!force && !progress().isDone(e)) {
            throw new LearnerException(
                    e.label() + " does not pass yet: the solution is shown once queuelab check " + e.number()
                            + " passes (or now, with --force; queuelab hint " + e.number() + " first?)",
                    Coach.CHECK_FAILED);
        }
        Style style = style();
        for (Path file : workspace.javaFiles(workspace.solutionDir(e))) {
            String solution = Course.shown(read(file));
            Path mine = workspace.learnerDir(e).resolve(file.getFileName());
            if (full) {
                out.println(style.strong("// " + workspace.show(file)));
                out.println(solution.stripTrailing());
                continue;
            }
            List<String> diff = LineDiff.unified(
                    workspace.show(mine) + " (yours)",
                    Files.exists(mine) ? read(mine) : "",
                    workspace.show(file) + " (the solution)",
                    solution);
            if (diff.isEmpty()) {
                out.println("Your " + workspace.show(mine) + " is the solution, line for line.");
            }
            for (String line : diff) {
                out.println(
                        line.startsWith("+") && !line.startsWith("+++")
                                ? style.good(line)
                                : line.startsWith("-") && !line.startsWith("---") ? style.bad(line) : line);
            }
        }
        out.println();
        new Recap(workspace, e).lines().forEach(out::println);
        out.println("The same rules, production-shaped (" + e.topology().shape() + "): "
                + e.topology().reference());
        return Coach.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
