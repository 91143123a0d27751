package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Settings;
import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.implementations.Implementations;
import java.time.Duration;
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

    @Test
    void shouldCatchAQueueWithoutALockWhenThreadsRace() {
        WorkQueueGallery.Variant noLock = WorkQueueGallery.THREAD_VARIANTS.get(0);
        StressRun.Plan plan = new StressRun.Plan(3, 3, 2_000, 97, 30, Duration.ofSeconds(10));
        StressRun.Outcome outcome =
                new StressRun(noLock.factory(), "gallery." + noLock.name(), plan).run(Settings.DEFAULT_SEED);
        assertThat(outcome.anomaly())
                .as("30 rounds of 6 threads never caught a queue that takes no lock")
                .isPresent();
        assertThat(outcome.report()).as("a story, not a bare exception").contains("Rule:", "Evidence:", "Seed ");
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
