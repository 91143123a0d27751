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
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code queuelab watch [N]}: checks an exercise, then again each time one of its files is saved; on a pass it
 * moves to the next exercise. Ends with Ctrl-C, or when every exercise passes. One worker JVM serves every
 * check, so a check after a save is warm; a learner's endless loop costs that worker, and the next save starts
 * another.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        header = "Re-check an exercise whenever you save one of its files.",
        description = {
            "Keep it running in a terminal beside your editor. Ctrl-C stops it.",
            "",
            "Examples:",
            "  queuelab watch",
            "  queuelab watch 2"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every exercise passes", "2:bad usage or input", "130:stopped with Ctrl-C"})
public final class WatchCommand extends LearnerCommand {

    /** What a shell reports for a program stopped by Ctrl-C (128 + SIGINT), whether the JVM or this code ends it. */
    static final int STOPPED = 130;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Parameters(
            arity = "0..1",
            paramLabel = "N",
            description = "The exercise to start with (default: the next one not done).")
    String exercise;

    @Option(
            names = "--limit",
            paramLabel = "SECONDS",
            description = "Stop your code if a check runs longer (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int limitSeconds;

    /** The separator's time of day: the learner's own clock, so that a run can be matched with a save. */
    Clock clock = Clock.systemDefaultZone();

    /** Saves from editors come as bursts of events; one check after the burst is enough. */
    private static final long QUIET_MILLIS = 150;

    @Option(names = "--max-checks", hidden = true, description = "Stop after this many checks (for tests).")
    int maxChecks = Integer.MAX_VALUE;

    @Override
    int run(PrintWriter out) {
        Style style = style();
        Duration limit = CheckCommand.limit(limitSeconds);
        int checks = 0;
        try (WatchService watcher = FileSystems.getDefault().newWatchService();
                CheckProcess worker = new CheckProcess().warm()) {
            Coach coach = new Coach(workspace, out, style, worker, limit);
            Optional<Exercise> current = exercise != null
                    ? Optional.of(Exercises.find(exercise))
                    : progress().next();
            while (current.isPresent() && checks < maxChecks) {
                Exercise e = current.get();
                Path dir = workspace.learnerDir(e);
                WatchKey key = dir.register(
                        watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
                if (checks > 0) {
                    separate(out, style);
                }
                int verdict = checkQuietly(coach, e, out);
                checks++;
                if (verdict == Coach.OK) {
                    key.cancel();
                    current = progress().next();
                    continue;
                }
                out.println(style.faint(
                        "Watching " + workspace.show(dir) + ": save a file to check again (Ctrl-C stops)."));
                out.flush();
                if (checks < maxChecks) {
                    awaitSave(watcher);
                }
                key.cancel(); // and the same exercise again, after the save
            }
            if (current.isEmpty()) {
                out.println(style.good("Every exercise passes."));
            }
            return Coach.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return STOPPED;
        }
    }

    /** A clear line between runs, with the time, so the latest run is easy to find when scrolling back. */
    private void separate(PrintWriter out, Style style) {
        String mark = style.unicode() ? "─" : "-";
        out.println();
        out.println(style.faint(
                mark.repeat(10) + " " + TIME.format(clock.instant().atZone(clock.getZone())) + " " + mark.repeat(60)));
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
