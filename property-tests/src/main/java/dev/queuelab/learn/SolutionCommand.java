package dev.queuelab.learn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab solution N}: the reference solution, once the exercise passes. */
@Command(name = "solution", mixinStandardHelpOptions = true,
        header = "Show the reference solution of an exercise you have passed.",
        description = {"Compare it with yours: the checks say both keep the rules; the reference says it briefly.",
                "", "Examples:", "  queuelab solution 1", "  queuelab solution 3 --force"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "1:the exercise does not pass yet (use --force)", "2:bad usage or input"})
public final class SolutionCommand extends LearnerCommand {

    @Parameters(paramLabel = "N", description = "The exercise.")
    String exercise;

    @Option(names = "--force", description = "Show it even though the exercise does not pass yet.")
    boolean force;

    @Override
    int run(PrintWriter out) {
        Exercise e = Exercises.find(exercise);
        if (!force && !progress().isDone(e)) {
            throw new LearnerException(e.label() + " does not pass yet: the solution is shown once queuelab check "
                    + e.number() + " passes (or now, with --force; queuelab hint " + e.number() + " first?)", Coach.CHECK_FAILED);
        }
        for (Path file : workspace.javaFiles(workspace.solutionDir(e))) {
            out.println(style().strong("// " + workspace.show(file)));
            try {
                out.println(Files.readString(file).stripTrailing());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        out.println();
        out.println("The same rules, production-shaped (lanes, a heap of deadlines, no scans):"
                + " reference/src/main/java/dev/queuelab/reference/workqueue/SqsWorkQueue.java");
        return Coach.OK;
    }
}
