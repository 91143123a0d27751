package dev.queuelab.check.workqueue;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.WorkQueueCapabilities;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.CheckResult.Verdict;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Shrinker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One property against one implementation: generate a scenario per trial from its seed, run it, check the
 * history; on the first anomaly, shrink the scenario (steps, then the queue's configuration) and report
 * the story. When every trial passes, demand the property's coverage.
 */
public final class WorkQueueCheck {

    private final WorkQueueProperty property;
    private final String implName;
    private final WorkQueueFactory factory;
    private final Runner runner;
    private final ReplayCommand replay;

    public WorkQueueCheck(WorkQueueProperty property, String implName, WorkQueueFactory factory, ReplayCommand replay) {
        this.property = property;
        this.implName = implName;
        this.factory = factory;
        this.runner = new Runner(factory);
        this.replay = replay;
    }

    public CheckResult run(Settings settings) {
        String name = "work-queue/" + property.id();
        WorkQueueCapabilities capabilities = factory.create(WorkQueueConfig.standardQueue(), new SimClock()).capabilities();
        if (!property.appliesTo(capabilities)) {
            return new CheckResult(name, implName, Verdict.SKIPPED, Optional.empty(), 0, 0,
                    name + " does not apply to '" + implName + "' (" + capabilities + ")");
        }
        Map<String, Integer> reached = new HashMap<>();
        Found statsOnly = null;               // wrong statistics are a symptom: look on for their cause first
        for (int trial = 0; trial < settings.trials(); trial++) {
            long seed = settings.trialSeed(trial);
            WorkQueueScenario scenario = property.generate(seed, capabilities);
            WorkQueueModel model = WorkQueueInvariants.fold(runner.run(scenario));
            Optional<Anomaly> anomaly = model.primary();
            if (anomaly.isPresent() && !anomaly.get().name().equals(WorkQueueRule.WRONG_STATS.anomaly())) {
                return failure(name, new Found(scenario, anomaly.get(), seed, trial), settings);
            }
            if (anomaly.isPresent() && statsOnly == null) {
                statsOnly = new Found(scenario, anomaly.get(), seed, trial);
            }
            model.coverage().forEach(label -> reached.merge(label, 1, Integer::sum));
        }
        if (statsOnly != null) {
            return failure(name, statsOnly, settings);
        }
        return coverage(name, reached, settings);
    }

    /** Shrinks while the same anomaly (by name) still shows, then tells the story of the smallest scenario. */
    private CheckResult failure(String name, Found failing, Settings settings) {
        WorkQueueScenario found = failing.scenario();
        Anomaly first = failing.anomaly();
        Predicate<WorkQueueScenario> fails = sc -> WorkQueueInvariants.fold(runner.run(sc)).primary()
                .filter(a -> a.name().equals(first.name())).isPresent();
        WorkQueueScenario smallest = found;
        for (int round = 0; round < 8; round++) {
            WorkQueueScenario current = smallest;
            smallest = smallest.withSteps(new Shrinker<Step>(steps -> fails.test(current.withSteps(steps)), Step::simpler)
                    .shrink(smallest.steps()));
            for (WorkQueueConfig simpler : simpler(smallest.config())) {
                if (fails.test(smallest.withConfig(simpler))) {
                    smallest = smallest.withConfig(simpler);
                    break;
                }
            }
            if (smallest.equals(current)) {
                break;
            }
        }
        History history = runner.run(smallest);
        WorkQueueModel model = WorkQueueInvariants.fold(history);
        Anomaly anomaly = model.primary().orElse(first);
        String header = name + " FAILED on implementation '" + implName + "'";
        String report = Story.tell(header, history, anomaly, found.steps().size(), model)
                + "\n  Seed " + failing.seed() + " (trial " + (failing.trial() + 1) + " of " + settings.trials() + "). Replay exactly this story:\n    "
                + replay.command(property, implName, failing.seed()) + "\n";
        return new CheckResult(name, implName, Verdict.FAILED, Optional.of(anomaly), smallest.steps().size(),
                failing.seed(), report);
    }

    private CheckResult coverage(String name, Map<String, Integer> reached, Settings settings) {
        List<String> missed = new ArrayList<>();
        property.coverage().forEach((label, share) -> {
            int got = reached.getOrDefault(label, 0);
            if (got < share * settings.trials()) {
                missed.add(String.format("'%s' in %d of %d scenarios (needs %.0f%%)", label, got, settings.trials(), share * 100));
            }
        });
        if (missed.isEmpty() || settings.trials() < 50) {     // too few trials to judge coverage
            return new CheckResult(name, implName, Verdict.PASSED, Optional.empty(), 0, settings.trialSeed(0),
                    name + " passed " + settings.trials() + " scenarios on '" + implName + "'");
        }
        return new CheckResult(name, implName, Verdict.FAILED, Optional.empty(), 0, settings.trialSeed(0),
                name + " found no anomaly on '" + implName + "', but its scenarios did not reach what it is about:\n    "
                        + String.join("\n    ", missed) + "\n  A check that never exercises a situation proves nothing about it;"
                        + " adjust the property's weights in WorkQueueProperty.");
    }

    /** Simpler configurations, simplest first: fewer receives before the DLQ, shorter timeouts and windows. */
    static List<WorkQueueConfig> simpler(WorkQueueConfig c) {
        List<WorkQueueConfig> out = new ArrayList<>();
        if (c.redrive().isPresent()) {
            out.add(c.withoutRedrive());
            for (int m = 1; m < c.maxReceives(); m++) {
                out.add(c.withMaxReceives(m));
            }
        }
        if (c.fifo()) {
            out.add(c.withFifo(false));
        }
        for (int s : Ticks.smallerThan((int) c.visibilityTimeout().toSeconds())) {
            out.add(c.withVisibilityTimeout(Duration.ofSeconds(s)));
        }
        for (int s : Ticks.smallerThan((int) c.dedupWindow().toSeconds())) {
            out.add(c.withDedupWindow(Duration.ofSeconds(s)));
        }
        return out;
    }

    /** A failing trial before shrinking. */
    private record Found(WorkQueueScenario scenario, Anomaly anomaly, long seed, int trial) {
    }

    /** How a report says to replay a failing trial: a Maven command, or the command line's. */
    @FunctionalInterface
    public interface ReplayCommand {
        String command(WorkQueueProperty property, String impl, long seed);

        ReplayCommand MAVEN = (p, impl, seed) -> "./mvnw -q verify -pl property-tests -am -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dtest='WorkQueueChecksTest#" + p.method() + "' -Dqueuelab.impl=" + impl
                + " -Dqueuelab.seed=" + seed + " -Dqueuelab.trials=1";
    }
}
