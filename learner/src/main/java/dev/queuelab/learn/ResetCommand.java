package dev.queuelab.learn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuelab reset N | --all}: pristine stubs back, the learner's files kept in a backup. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        header = "Put an exercise's stub back as it was (your file is kept in a backup).",
        description = {
            "Your current file is copied to .queuelab/backups/<time>/ first, so nothing is lost.",
            "",
            "Examples:",
            "  queuelab reset 2",
            "  queuelab reset --all"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reset", "2:bad usage or input"})
public final class ResetCommand extends LearnerCommand {

    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Parameters(paramLabel = "N", description = "The exercise to reset.")
        String exercise;

        @Option(names = "--all", description = "Reset every exercise.")
        boolean all;
    }

    Clock clock = Clock.systemUTC();

    @Override
    int run(PrintWriter out) {
        List<Exercise> targets = which.all ? Exercises.ALL : List.of(Exercises.find(which.exercise));
        Path backup = workspace.stateDir().resolve("backups").resolve(STAMP.format(clock.instant()));
        Progress progress = progress();
        for (Exercise e : targets) {
            for (Path stub : workspace.javaFiles(workspace.stubDir(e))) {
                Path mine = workspace.learnerDir(e).resolve(stub.getFileName());
                try {
                    if (Files.exists(mine) && Files.mismatch(mine, stub) != -1) {
                        Path kept = backup.resolve(e.slug()).resolve(stub.getFileName());
                        Files.createDirectories(kept.getParent());
                        Files.copy(mine, kept, StandardCopyOption.REPLACE_EXISTING);
                        out.println("kept your " + workspace.show(mine) + " as " + workspace.show(kept));
                    }
                    Files.createDirectories(mine.getParent());
                    Files.copy(stub, mine, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
            progress.markDone(e, false);
            out.println("reset " + e.label() + ": " + workspace.show(workspace.learnerFile(e)) + " is the stub again");
        }
        return Coach.OK;
    }
}
