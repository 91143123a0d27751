package dev.queuelab.crash;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.check.Shrinker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The power-cut trials of a log on disk, as a seeded property: each trial's steps come from the seed
 * ({@link DiskStep#generate}), run on a {@link SimulatedDisk} ({@link PowerCutTrial}), and the first that breaks a
 * rule is shrunk by the engine's {@link Shrinker} to the fewest steps that still break it, then told as a story
 * naming the operations between the last force and the crash, and what the crash lost.
 *
 * Teaches: a crash trial is only as good as the crashes it can produce. The simulated disk cuts the power between
 * any two operations, keeps any subset of what was not forced, and the clock moves, so the trials reach what a
 * kill -9 never can (a torn write, a name never forced, a write reordered past another).
 */
public final class PowerCutTrials {

    /** What a run found: the trials, the situations they reached, and the first failure, shrunk. */
    public record Result(
            String subject,
            String policy,
            long seed,
            int trials,
            int lives,
            Map<String, Integer> situations,
            Optional<Failure> failure) {

        public boolean passed() {
            return failure.isEmpty();
        }
    }

    /**
     * A trial that broke a rule.
     *
     * @param trial    the trial's number in its run (from 0): its steps are a function of the run's seed and it
     * @param rule     the rule broken first
     * @param steps    the steps it took before shrinking
     * @param shrunk   the fewest steps that still break the rule
     * @param story    the shrunk trial, told
     */
    public record Failure(int trial, CrashRule rule, int steps, int shrunk, String story) {}

    private PowerCutTrials() {}

    /** Runs {@code trials} trials of {@code subject} under {@code policy} from {@code seed}; stops at the first failure. */
    public static Result run(DiskSubject subject, FlushPolicy policy, long seed, int trials) {
        Map<String, Integer> situations = new TreeMap<>();
        int lives = 0;
        for (int t = 0; t < trials; t++) {
            long trialSeed = trialSeed(seed, t);
            List<DiskStep> steps = DiskStep.generate(new SplittableRandom(trialSeed), 2);
            PowerCutTrial.Outcome o = PowerCutTrial.run(subject, policy, trialSeed, steps);
            lives += o.lives();
            o.situations().forEach(s -> situations.merge(s, 1, Integer::sum));
            if (o.breach().isPresent()) {
                CrashRule rule = o.breach().get().rule();
                Shrinker<DiskStep> shrinker = new Shrinker<>(
                        candidate -> PowerCutTrial.run(subject, policy, trialSeed, candidate)
                                .breach()
                                .filter(b -> b.rule() == rule)
                                .isPresent(),
                        s -> s.simpler().stream().map(DiskStep.class::cast).toList(),
                        (a, b) -> a.mergedWith(b).map(DiskStep.class::cast));
                List<DiskStep> shrunk = shrinker.shrink(steps);
                PowerCutTrial.Outcome told = PowerCutTrial.run(subject, policy, trialSeed, shrunk);
                return new Result(
                        subject.name(),
                        policy.name(),
                        seed,
                        t + 1,
                        lives,
                        situations,
                        Optional.of(new Failure(t, rule, steps.size(), shrunk.size(), told.story())));
            }
        }
        return new Result(subject.name(), policy.name(), seed, trials, lives, situations, Optional.empty());
    }

    static long trialSeed(long seed, int trial) {
        return new SplittableRandom(seed * 1_000_003L + trial).nextLong();
    }
}
