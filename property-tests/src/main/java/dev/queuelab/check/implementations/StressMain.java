package dev.queuelab.check.implementations;

import dev.queuelab.check.workqueue.StressRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stress run in a JVM of its own, for a queue that may do worse than answer wrongly: a structure a race
 * corrupts can loop as it allocates and run the heap out, which would take down whatever else shares the JVM.
 * Prints {@code anomaly <name>} and the story, {@code none}, or {@code inconclusive} (the heap ran out: no
 * story, and not a catch), and exits 0.
 *
 * <p>Arguments: the implementation's registry name, the seed, the rounds, the seconds a round may take.
 */
public final class StressMain {

    /** The heap of the child: small, so that a queue that allocates without end is stopped soon. */
    static final String HEAP = "-Xmx256m";

    /** What a child run printed: its verdict line's first word, and the rest of its report. */
    public record Result(Verdict verdict, String report) {}

    /** A child run's verdict. Only {@code ANOMALY} is a catch: a child that died or ran its heap out is not. */
    public enum Verdict {
        NONE,
        ANOMALY,
        INCONCLUSIVE
    }

    private StressMain() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: StressMain <implementation> <seed> <rounds> <round-seconds>");
            System.exit(2);
        }
        StressRun.Plan d = StressRun.Plan.DEFAULT;
        StressRun.Plan plan = new StressRun.Plan(
                d.producers(),
                d.consumers(),
                d.perProducer(),
                d.crashOneIn(),
                Integer.parseInt(args[2]),
                Duration.ofSeconds(Long.parseLong(args[3])));
        StressRun.Outcome outcome =
                new StressRun(Implementations.workQueue(args[0]), args[0], plan).run(Long.parseLong(args[1]));
        System.out.println(outcome.anomaly()
                .map(a -> "anomaly " + a.name())
                .orElse(outcome.heapExhausted() ? "inconclusive" : "none"));
        System.out.println(outcome.report());
        System.exit(0); // threads stuck inside a broken queue are daemons, but say it plainly
    }

    /**
     * Runs the stress on {@code impl} in a child JVM of this one's class path, with a small heap, and waits up
     * to {@code rounds} round limits and a minute more. A child that prints no verdict (it died, its heap ran
     * out before it could say so, it was stopped) is {@code INCONCLUSIVE}, with what it wrote to its error stream.
     */
    public static Result inChild(String impl, long seed, int rounds, int roundSeconds) {
        try {
            Path out = Files.createTempFile("queuelab-stress", ".out");
            Path err = Files.createTempFile("queuelab-stress", ".err");
            try {
                Process child = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                HEAP,
                                "-cp",
                                System.getProperty("java.class.path"),
                                StressMain.class.getName(),
                                impl,
                                String.valueOf(seed),
                                String.valueOf(rounds),
                                String.valueOf(roundSeconds))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!child.waitFor((long) rounds * roundSeconds + 60, TimeUnit.SECONDS)) {
                    child.destroyForcibly().waitFor();
                }
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                String first = lines.isEmpty() ? "" : lines.get(0);
                String report = String.join("\n", lines.subList(Math.min(1, lines.size()), lines.size()));
                if (first.startsWith("anomaly ")) {
                    return new Result(Verdict.ANOMALY, first + "\n" + report);
                }
                if (first.equals("none")) {
                    return new Result(Verdict.NONE, report);
                }
                return new Result(
                        Verdict.INCONCLUSIVE, (report + "\n" + Files.readString(err, StandardCharsets.UTF_8)).strip());
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a stress run's JVM was running", e);
        }
    }
}
