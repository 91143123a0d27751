package dev.queuelab.learn;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the learner's commands share: {@code --no-color}, the workspace, and one way to turn a
 * {@link LearnerException} into one clear line and an exit code, never a stack trace.
 */
abstract class LearnerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--no-color",
            description = "Plain text: no colour, no Unicode (also when output is not a terminal).")
    boolean noColor;

    Workspace workspace = Workspace.current();

    @Override
    public final Integer call() {
        try {
            return run(spec.commandLine().getOut());
        } catch (LearnerException e) {
            return fail(e.getMessage(), e.exitCode());
        } catch (UncheckedIOException e) {
            return fail(
                    "cannot read or write " + e.getCause().getMessage() + ": check that the folder exists and is"
                            + " writable (run queuelab from the repository's root)",
                    Coach.BAD_INPUT);
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    abstract int run(PrintWriter out);

    private int fail(String message, int code) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("queuelab " + spec.name() + ": " + message);
        err.flush();
        return code;
    }

    Style style() {
        return noColor ? Style.PLAIN : Style.forTerminal(false);
    }

    Progress progress() {
        return Progress.load(workspace.progressFile());
    }
}
