package dev.queuelab.brokers;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Check;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Event;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Trial;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One property checked on a real broker by the engine's own {@link Check}: its scenarios are generated, run,
 * shrunk and told exactly as in a simulation, with two differences. The broker's anomalies are judged in two
 * strictnesses: the check fails only on one that would be a real bug (the product's strictness), while every
 * anomaly the reference's strictness finds is tallied with its class (documented looseness, vendor departure,
 * reference being aligned, timing). And coverage is not demanded: a broker run is a handful of real-time trials,
 * and what the scenarios reach is the simulation's to prove.
 */
final class RealTimeCheck<C, S extends ScenarioStep, K, E extends Event> {

    /** What the reference's strictness found on this property, by class, with the first of each anomaly. */
    static final class Tally {
        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        final Map<String, Anomaly> firsts = new LinkedHashMap<>();
        int taintedSteps;
        int replays;
        boolean closed; // set once a bug is found: shrinking's re-runs are not trials

        synchronized void add(Kind kind, Anomaly a, int tainted) {
            if (closed) {
                return;
            }
            taintedSteps += tainted;
            if (kind != null) {
                counts.merge(kind, 1, Integer::sum);
                firsts.putIfAbsent(kind + " " + a.name(), a);
            }
        }
    }

    /**
     * Replays a shrink may spend on the broker: each takes seconds of real time, and delta debugging may ask for
     * hundreds. Past the budget the shrinker is told every new candidate passes, so it settles at once on the
     * smallest failing scenario it has already seen (still a real, replayed failure).
     */
    static final int SHRINK_BUDGET = 4;

    private final RealTimeJudge<C, S, K, ?, E> judge;
    private final Map<Scenario<C, S>, RealTimeJudge.Judged<C, E>> failing =
            new java.util.concurrent.ConcurrentHashMap<>();

    RealTimeCheck(RealTimeJudge<C, S, K, ?, E> judge) {
        this.judge = judge;
    }

    CheckResult run(Property<C, S, K> property, Settings settings, String replay, Tally tally) {
        Property<C, S, K> realTime = withoutCoverage(property);
        return new Check<>(
                        realTime,
                        judge.broker(),
                        judge.capabilities(),
                        scenario -> trial(scenario, tally),
                        seed -> replay + " --property " + property.qualifiedName() + " --seed " + seed + " --trials 1")
                .run(settings);
    }

    private Trial trial(Scenario<C, S> scenario, Tally tally) {
        RealTimeJudge.Judged<C, E> judged;
        if (tally.closed && failing.containsKey(scenario)) {
            judged = failing.get(scenario);
        } else if (tally.closed && tally.replays++ >= SHRINK_BUDGET) {
            return passing();
        } else {
            judged = judge.judge(scenario);
        }
        tally.add(judged.kind(), judged.anomaly().orElse(null), judged.tainted().size());
        boolean bug = judged.kind() == Kind.BUG;
        if (bug) {
            tally.closed = true;
            failing.put(scenario, judged);
        }
        return new Trial() {
            @Override
            public Optional<Anomaly> anomaly() {
                return bug ? judged.anomaly() : Optional.empty();
            }

            @Override
            public boolean symptomOnly() {
                return judged.symptomOnly();
            }

            @Override
            public Set<String> coverage() {
                return Set.of();
            }

            @Override
            public String story(String header, int originalSteps) {
                return judged.story(header, originalSteps);
            }
        };
    }

    private static Trial passing() {
        return new Trial() {
            @Override
            public Optional<Anomaly> anomaly() {
                return Optional.empty();
            }

            @Override
            public boolean symptomOnly() {
                return false;
            }

            @Override
            public Set<String> coverage() {
                return Set.of();
            }

            @Override
            public String story(String header, int originalSteps) {
                throw new IllegalStateException("a passing trial has no story");
            }
        };
    }

    /** The property as it is, asking no coverage of a few real-time trials. */
    private static <C, S extends ScenarioStep, K> Property<C, S, K> withoutCoverage(Property<C, S, K> p) {
        return new Property<>() {
            @Override
            public String topology() {
                return p.topology();
            }

            @Override
            public String id() {
                return p.id();
            }

            @Override
            public String doc() {
                return p.doc();
            }

            @Override
            public boolean appliesTo(K capabilities) {
                return p.appliesTo(capabilities);
            }

            @Override
            public Scenario<C, S> generate(long seed, K capabilities) {
                return p.generate(seed, capabilities);
            }

            @Override
            public Map<String, Double> coverage() {
                return Map.of();
            }

            @Override
            public List<C> simpler(C config) {
                return p.simpler(config);
            }
        };
    }
}
