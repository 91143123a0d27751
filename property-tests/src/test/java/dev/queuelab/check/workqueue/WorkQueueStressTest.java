package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Settings;
import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.implementations.StressMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real threads against the implementation named by {@code -Dqueuelab.impl} (the reference unless said
 * otherwise): producers and competing consumers at once, some consumers crashing before their acks, judged
 * by the same model as the simulations. Proven on a variant that takes no lock, which the single-threaded
 * simulations cannot see.
 */
class WorkQueueStressTest {

    private static final Settings SETTINGS = Settings.fromSystemProperties();

    @Test
    void shouldKeepEveryInvariantWhenProducersAndConsumersRunOnRealThreads() {
        StressRun.Outcome outcome = new StressRun(
                        Implementations.workQueue(SETTINGS.impl()), SETTINGS.impl(), StressRun.Plan.DEFAULT)
                .run(SETTINGS.trialSeed(0));
        if (outcome.anomaly().isPresent()) {
            System.out.println(outcome.report());
        }
        assertThat(outcome.anomaly())
                .as(
                        "the same invariants as the simulations, on %d real-thread events: %s",
                        outcome.events(),
                        outcome.anomaly().map(a -> a.name() + " (story above)").orElse(""))
                .isEmpty();
        assertThat(outcome.events())
                .as("every round recorded its sends, receives and acks")
                .isGreaterThan(StressRun.Plan.DEFAULT.producers() * StressRun.Plan.DEFAULT.perProducer() * 2);
    }

    /**
     * In a JVM of its own with a small heap: a queue without a lock may corrupt a structure into a loop that
     * allocates without end, and that must cost a child JVM, never the build's.
     */
    @Test
    void shouldCatchAQueueWithoutALockWhenThreadsRace() throws Exception {
        Path out = Files.createTempFile("stress-no-lock", ".txt");
        Path err = Files.createTempFile("stress-no-lock", ".err");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StressMain.class.getName(),
                        "gallery.no-lock",
                        String.valueOf(Settings.DEFAULT_SEED),
                        "30",
                        "10")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        String report = Files.readString(out);
        String errors = Files.readString(err);
        assertThat(report.startsWith("anomaly ") || errors.contains("OutOfMemoryError"))
                .as("30 rounds of 6 threads never caught a queue that takes no lock:%n%s%n%s", report, errors)
                .isTrue();
        if (report.startsWith("anomaly ")) {
            assertThat(report).as("a story, not a bare exception").contains("Rule:", "Evidence:", "Seed ");
        }
    }

    @Test
    void shouldJudgeAnEmptyReceiveOnRealThreadsByWhatSurelyPrecededIt() {
        WorkQueueGallery.Variant oneLane = WorkQueueGallery.VARIANTS.stream()
                .filter(v -> v.name().equals("one-lane"))
                .findFirst()
                .orElseThrow();
        StressRun.Plan plan = new StressRun.Plan(3, 3, 500, 5, 3, Duration.ofSeconds(10));
        StressRun.Outcome outcome =
                new StressRun(oneLane.factory(), "gallery." + oneLane.name(), plan).run(Settings.DEFAULT_SEED);
        assertThat(outcome.anomaly())
                .as("a crashed consumer's message holds up every other: the receives after the last send came back"
                        + " empty though messages sent before them waited, and nothing beside them took those")
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo(oneLane.expected()));
    }
}
