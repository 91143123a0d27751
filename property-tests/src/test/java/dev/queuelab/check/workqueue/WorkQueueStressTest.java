package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.Settings;
import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.implementations.StressMain;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real threads against the implementation named by {@code -Dqueuelab.impl} (the reference unless said
 * otherwise): producers, competing consumers, an operator redriving and a console reading, on standard and
 * FIFO queues while the clock moves, judged by the same model as the simulations. Proven on every variant
 * that leaves the lock out of an operation, which the single-threaded simulations cannot see, each in a JVM
 * of its own: a race can corrupt a structure into a loop that allocates without end, and that must cost a
 * child JVM, never the build's. Only an anomaly with its story counts as caught; a child that ran its heap
 * out or died is not.
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
        assertThat(outcome.heapExhausted()).as(outcome.report()).isFalse();
        assertThat(outcome.events())
                .as("every round recorded its sends, receives and acks")
                .isGreaterThan(StressRun.Plan.DEFAULT.producers() * StressRun.Plan.DEFAULT.perProducer() * 2);
        assertThat(outcome.report())
                .as("the rounds reached the moving parts: leases falling due, dead letters, redrive, FIFO groups")
                .contains(
                        "redelivered after its deadline",
                        "dead letters: moved",
                        "dead letters: redriven",
                        "fifo: group held back by its message in flight");
    }

    static final int INCONCLUSIVE_RETRIES = 3;

    static Stream<WorkQueueGallery.Variant> threadVariants() {
        return WorkQueueGallery.THREAD_VARIANTS.stream();
    }

    /**
     * One run per variant on the build's seed; {@code -Dqueuelab.stressRuns=5} runs five, each on its own seed
     * (the figures in docs/work-queue.md, "Races", come from such runs). A run whose child ran out of heap (a race
     * that corrupted the queue into a loop) proves nothing either way: it is run again on the next seed, at most
     * {@link #INCONCLUSIVE_RETRIES} times, and never counted as caught.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("threadVariants")
    void shouldCatchAQueueThatLeavesTheLockOutOfAnOperationWhenThreadsRace(WorkQueueGallery.Variant variant) {
        int rounds = StressRun.Plan.DEFAULT.maxRounds();
        int runs = Integer.getInteger("queuelab.stressRuns", 1);
        int seeds = 0;
        for (int run = 0; run < runs; run++) {
            StressMain.Result result;
            long seed;
            int retries = 0;
            do {
                seed = SETTINGS.trialSeed(seeds++);
                result = StressMain.inChild("gallery." + variant.name(), seed, rounds, 20);
            } while (result.verdict() == StressMain.Verdict.INCONCLUSIVE && retries++ < INCONCLUSIVE_RETRIES);
            assertThat(result.verdict())
                    .as(
                            "%d rounds on real threads (seed %d) never caught gallery.%s:%n%s",
                            rounds, seed, variant.name(), result.report())
                    .isEqualTo(StressMain.Verdict.ANOMALY);
            assertThat(result.report()).as("a story, not a bare exception").contains("Rule:", "Evidence:", "Seed ");
        }
    }

    @Test
    void shouldJudgeAnEmptyReceiveOnRealThreadsByWhatSurelyPrecededIt() {
        WorkQueueGallery.Variant oneLane = WorkQueueGallery.VARIANTS.stream()
                .filter(v -> v.name().equals("one-lane"))
                .findFirst()
                .orElseThrow();
        StressRun.Outcome outcome = new StressRun(
                        oneLane.factory(), "gallery." + oneLane.name(), StressRun.Plan.DEFAULT)
                .run(Settings.DEFAULT_SEED);
        assertThat(outcome.anomaly())
                .as("a message in flight holds up every other of a standard queue: receives came back empty or"
                        + " short though messages sent before them waited, and nothing beside them took those")
                .hasValueSatisfying(a -> assertThat(a.name()).isEqualTo(oneLane.expected()));
    }

    @Test
    void shouldListEveryThreadVariantSoThatNoProofRunsEmpty() {
        assertThat(WorkQueueGallery.THREAD_VARIANTS).hasSizeGreaterThanOrEqualTo(6);
    }
}
