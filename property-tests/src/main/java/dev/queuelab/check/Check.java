package dev.queuelab.check;

import dev.queuelab.check.CheckResult.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * One property against one implementation, in any topology: generate a scenario per trial from its seed, run
 * and judge it; on the first anomaly, shrink the scenario (its steps, then its configuration) and tell the
 * story with the seed and the command that replays it. When every trial passes, demand the coverage the way
 * QuickCheck's {@code checkCoverage} does: the trials asked for are a minimum, and generation goes on until each
 * situation's share is statistically met or missed ({@link Coverage}), so that a verdict does not depend on
 * the seed's luck.
 *
 * <p>Invariants: the reported story is of a scenario that still shows the anomaly first found (by name);
 * the replay command names the failing trial's own seed; a property that does not apply is skipped, never
 * passed.
 */
public final class Check<C, S extends ScenarioStep, K> {

    /** Rounds of shrinking (steps, then configuration) before the engine settles for what it has. */
    static final int SHRINK_ROUNDS = 8;

    private final Property<C, S, K> property;
    private final String implName;
    private final K capabilities;
    private final Trial.Judge<C, S> judge;
    private final LongFunction<String> replay;

    /**
     * @param replay the command that replays the trial of a given seed exactly
     */
    public Check(
            Property<C, S, K> property,
            String implName,
            K capabilities,
            Trial.Judge<C, S> judge,
            LongFunction<String> replay) {
        this.property = property;
        this.implName = implName;
        this.capabilities = capabilities;
        this.judge = judge;
        this.replay = replay;
    }

    public CheckResult run(Settings settings) {
        String name = property.qualifiedName();
        if (!property.appliesTo(capabilities)) {
            return new CheckResult(
                    name,
                    implName,
                    Verdict.SKIPPED,
                    Optional.empty(),
                    0,
                    0,
                    name + " does not apply to '" + implName + "' (" + capabilities + ")");
        }
        Coverage coverage = new Coverage(property.coverage());
        Found<C, S> symptom = null; // a symptom is reported only if no trial shows its cause
        int cap = Math.max(settings.trials(), Settings.DEFAULT_TRIALS) * Coverage.CAP_FACTOR;
        int trial = 0;
        for (; trial < cap && (trial < settings.trials() || !coverage.decided(trial)); trial++) {
            long seed = settings.trialSeed(trial);
            Scenario<C, S> scenario = property.generate(seed, capabilities);
            Trial judged = judge.judge(scenario);
            Optional<Anomaly> anomaly = judged.anomaly();
            if (anomaly.isPresent() && !judged.symptomOnly()) {
                return failure(new Found<>(scenario, anomaly.get(), seed, trial), settings);
            }
            if (anomaly.isPresent() && symptom == null) {
                symptom = new Found<>(scenario, anomaly.get(), seed, trial);
            }
            coverage.count(judged.coverage());
        }
        return symptom != null ? failure(symptom, settings) : coverage(coverage, trial, settings);
    }

    /** Shrinks while the same anomaly (by name) still shows, then tells the story of the smallest scenario. */
    private CheckResult failure(Found<C, S> failing, Settings settings) {
        Predicate<Scenario<C, S>> fails = sc -> judge.judge(sc)
                .anomaly()
                .filter(a -> a.name().equals(failing.anomaly().name()))
                .isPresent();
        Scenario<C, S> smallest = failing.scenario();
        for (int round = 0; round < SHRINK_ROUNDS; round++) {
            Scenario<C, S> current = smallest;
            smallest = smallest.withSteps(
                    new Shrinker<S>(steps -> fails.test(current.withSteps(steps)), this::simpler, this::merged)
                            .shrink(smallest.steps()));
            for (C simpler : property.simpler(smallest.config())) {
                if (fails.test(smallest.withConfig(simpler))) {
                    smallest = smallest.withConfig(simpler);
                    break;
                }
            }
            if (smallest.equals(current)) {
                break;
            }
        }
        Trial told = judge.judge(smallest);
        Anomaly anomaly = told.anomaly().orElse(failing.anomaly());
        String header = property.qualifiedName() + " FAILED on implementation '" + implName + "'";
        String report = told.story(header, failing.scenario().steps().size())
                + "\n  Seed " + failing.seed() + " (trial " + (failing.trial() + 1) + " of " + settings.trials()
                + "). Replay exactly this story:\n    " + replay.apply(failing.seed()) + "\n";
        return new CheckResult(
                property.qualifiedName(),
                implName,
                Verdict.FAILED,
                Optional.of(anomaly),
                smallest.steps().size(),
                failing.seed(),
                report,
                told.timeline());
    }

    @SuppressWarnings("unchecked") // a step's simpler versions are steps of its own topology
    private List<S> simpler(S step) {
        return (List<S>) step.simpler();
    }

    @SuppressWarnings("unchecked") // a step merges only into a step of its own topology
    private Optional<S> merged(S step, S next) {
        return (Optional<S>) step.mergedWith(next);
    }

    private CheckResult coverage(Coverage coverage, int trials, Settings settings) {
        String name = property.qualifiedName();
        List<String> missed = coverage.missed(trials);
        if (missed.isEmpty()) {
            return new CheckResult(
                    name,
                    implName,
                    Verdict.PASSED,
                    Optional.empty(),
                    0,
                    settings.trialSeed(0),
                    name + " passed " + trials + " scenarios on '" + implName + "'"
                            + (property.coverage().isEmpty()
                                    ? ""
                                    : ", each of its " + property.coverage().size()
                                            + " situations reached as often as it demands"));
        }
        return new CheckResult(
                name,
                implName,
                Verdict.FAILED,
                Optional.empty(),
                0,
                settings.trialSeed(0),
                name + " found no anomaly on '" + implName + "' in " + trials
                        + " scenarios, but they did not reach what it is about:\n    "
                        + String.join("\n    ", missed)
                        + "\n  A check that never exercises a situation proves nothing about it;"
                        + " adjust the property's weights or add a scenario that aims at it.");
    }

    /** A failing trial before shrinking. */
    private record Found<C, S extends ScenarioStep>(Scenario<C, S> scenario, Anomaly anomaly, long seed, int trial) {}
}
