package dev.queuelab.learn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queuelab watch}: checks the current exercise, then again each time one of its files is saved; on a
 * pass it moves to the next exercise. Ends with Ctrl-C, or when every exercise passes.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        header = "Re-check the current exercise whenever you save one of its files.",
        description = {"Keep it running in a terminal beside your editor. Ctrl-C stops it.",
                "", "Examples:", "  queuelab watch"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every exercise passes, or stopped", "2:bad usage or input"})
public final class WatchCommand extends LearnerCommand {

    /** Saves from editors come as bursts of events; one check after the burst is enough. */
    private static final long QUIET_MILLIS = 150;

    @Option(names = "--max-checks", hidden = true, description = "Stop after this many checks (for tests).")
    int maxChecks = Integer.MAX_VALUE;

    @Override
    int run(PrintWriter out) {
        Style style = style();
        Coach coach = new Coach(workspace, out, style);
        int checks = 0;
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Optional<Exercise> current = progress().next();
            while (current.isPresent() && checks < maxChecks) {
                Exercise e = current.get();
                Path dir = workspace.learnerDir(e);
                WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
                int verdict = checkQuietly(coach, e, out);
                checks++;
                if (verdict == Coach.OK) {
                    key.cancel();
                    current = progress().next();
                    continue;
                }
                out.println(style.faint("Watching " + workspace.show(dir) + ": save a file to check again (Ctrl-C stops)."));
                out.flush();
                if (checks < maxChecks) {
                    awaitSave(watcher);
                }
                key.cancel();
                current = progress().next();
            }
            if (current.isEmpty()) {
                out.println(style.good("Every exercise passes."));
            }
            return Coach.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return Coach.OK;
        }
    }

    /** A compile error or a damaged file is said, and the watch goes on: the next save may fix it. */
    private int checkQuietly(Coach coach, Exercise e, PrintWriter out) {
        try {
            return coach.check(e, Coach.FULL_CHECK, Optional.empty());
        } catch (LearnerException ex) {
            out.println(style().bad("queuelab watch: ") + ex.getMessage());
            return Coach.CHECK_FAILED;
        }
    }

    /** Blocks until a Java file is saved, then lets the burst of events settle. */
    private static void awaitSave(WatchService watcher) throws InterruptedException {
        while (true) {
            WatchKey key = watcher.take();
            boolean javaFile = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                javaFile |= event.context() instanceof Path p && p.toString().endsWith(".java");
            }
            key.reset();
            if (javaFile) {
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                return;
            }
        }
    }
}
