package dev.queuelab.brokers;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Event;
import dev.queuelab.check.History;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Shrinker;
import dev.queuelab.check.SimClockDriver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The differential mode: the same random traces, scaled to real time, on the reference (a simulated clock moved
 * by the same ticks) and on the broker, compared answer by answer in step order. A trace diverges at its first
 * answer that differs. The divergence is classified by what the model says of the broker's history: an anomaly
 * takes its class from {@link Differences} (or timing, or bug); no anomaly means the broker chose another answer
 * the contract allows. The first trace of each kind of divergence is shrunk (on the broker, in real time, within a
 * budget of replays) to the fewest steps that still diverge the same way, every kind's at once, and printed.
 *
 * <p>Traces run several at a time (the suite says how many: eight, or more where the broker's traces are long and
 * its server light): each is mostly waiting for real time, and each has its own queue or topic.
 */
final class BrokerDiff<C, S extends ScenarioStep, K, F, E extends Event> {

    /** Replays a shrink may spend on the broker, each taking seconds of real time. */
    static final int SHRINK_BUDGET = 8;

    /** A trace's first divergence, or none. */
    record Divergence(int index, String reference, String broker, Kind kind, String signature, String detail) {}

    private final BrokerSuite<C, S, K, F, E> suite;
    private final F factory;
    private final RealTimeJudge<C, S, K, F, E> judge;

    private BrokerDiff(BrokerSuite<C, S, K, F, E> suite, F factory) {
        this.suite = suite;
        this.factory = factory;
        this.judge = suite.judge(factory);
    }

    static <C, S extends ScenarioStep, K, F, E extends Event> int run(
            BrokerSuite<C, S, K, F, E> suite, F factory, int traces, long seed, PrintWriter out) {
        return run(suite, factory, traces, seed, id -> true, out);
    }

    /** The diff on the properties whose ids {@code properties} takes only: the traces go round those. */
    static <C, S extends ScenarioStep, K, F, E extends Event> int run(
            BrokerSuite<C, S, K, F, E> suite,
            F factory,
            int traces,
            long seed,
            java.util.function.Predicate<String> properties,
            PrintWriter out) {
        return new BrokerDiff<>(suite, factory).run(traces, seed, properties, out);
    }

    private int run(int traces, long seed, java.util.function.Predicate<String> properties, PrintWriter out) {
        Settings settings = new Settings(traces, java.util.OptionalLong.of(seed), suite.broker);
        List<Property<C, S, K>> applying = new ArrayList<>();
        for (Property<C, S, K> p : suite.properties) {
            if (p.appliesTo(suite.capabilities) && properties.test(p.id())) {
                applying.add(p);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(suite.parallel);
        List<Future<Optional<Divergence>>> results = new ArrayList<>();
        List<Scenario<C, S>> scenarios = new ArrayList<>();
        for (int i = 0; i < traces; i++) {
            Property<C, S, K> p = applying.get(i % applying.size());
            Scenario<C, S> scenario = p.generate(settings.trialSeed(i), suite.capabilities);
            scenarios.add(scenario);
            int index = i;
            results.add(pool.submit(() -> diverge(index, scenario)));
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        Map<String, Divergence> firsts = new LinkedHashMap<>();
        AtomicInteger identical = new AtomicInteger();
        try {
            for (Future<Optional<Divergence>> f : results) {
                Optional<Divergence> d = BrokerSuite.await(f);
                if (d.isEmpty()) {
                    identical.incrementAndGet();
                    continue;
                }
                counts.merge(d.get().kind(), 1, Integer::sum);
                firsts.putIfAbsent(d.get().kind() + " " + d.get().signature(), d.get());
            }
        } finally {
            pool.shutdownNow();
        }
        out.printf("  %-44s %6s%n", "traces", "count");
        out.printf("  %-44s %6d%n", "identical answers", identical.get());
        for (Map.Entry<Kind, Integer> c : counts.entrySet()) {
            out.printf("  %-44s %6d%n", "diverged: " + c.getKey().label(), c.getValue());
        }
        // each kind's first trace shrinks on the broker in real time: all kinds at once, printed in order
        ExecutorService shrinking = Executors.newFixedThreadPool(Math.max(1, firsts.size()));
        try {
            List<Future<String>> minimal = new ArrayList<>();
            for (Divergence d : firsts.values()) {
                minimal.add(shrinking.submit(() -> minimal(scenarios.get(d.index()), d)));
            }
            int n = 0;
            for (Divergence d : firsts.values()) {
                out.println();
                out.println("  Divergence " + (n + 1) + " of " + firsts.size() + " kinds: "
                        + d.kind().label() + " ("
                        + d.signature() + "), first in trace " + (d.index() + 1) + " (seed "
                        + settings.trialSeed(d.index()) + ")");
                out.println("    " + d.detail().replace("\n", "\n    "));
                out.println("    " + BrokerSuite.await(minimal.get(n++)).replace("\n", "\n    "));
                out.flush();
            }
        } finally {
            shrinking.shutdownNow();
        }
        int bugs = counts.getOrDefault(Kind.BUG, 0);
        out.println();
        out.println("  "
                + (bugs == 0
                        ? "every divergence classified; none would be a real bug"
                        : bugs + " trace(s) diverged in a way no documentation allows: a real bug"));
        return bugs;
    }

    /** The trace on the reference and on the broker, compared; the first difference, classified. */
    private Optional<Divergence> diverge(int index, Scenario<C, S> simulated) {
        RealTimeJudge.Judged<C, E> broker = judge.judge(simulated);
        History<C, K, E> reference =
                suite.bindings.apply(SimClockDriver::new).run(suite.reference, suite.capabilities, scaledOf(broker));
        List<String> ref = suite.scale.said(reference.events());
        List<String> got = suite.scale.said(broker.history().events());
        for (int i = 0; i < Math.max(ref.size(), got.size()); i++) {
            String r = i < ref.size() ? ref.get(i) : "(no more events)";
            String b = i < got.size() ? got.get(i) : "(no more events)";
            if (!r.equals(b)) {
                Kind kind = broker.kind() == null ? Kind.ALLOWED_CHOICE : broker.kind();
                String signature = broker.anomaly().map(a -> a.name()).orElse(verb(r));
                String detail = "at event " + (i + 1) + ":\n  reference: " + r + "\n  broker:    " + b
                        + broker.anomaly()
                                .map(a -> "\n  the model on the broker's answers: " + a.name() + ": " + a.evidence()
                                        + Differences.find(suite.broker, a)
                                                .filter(x -> kind != Kind.TIMING)
                                                .map(x -> "\n  " + x.what() + "\n  " + x.source())
                                                .orElse(""))
                                .orElse("\n  the model accepts both answers");
                return Optional.of(new Divergence(index, r, b, kind, signature, detail));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked") // the judge scaled a scenario of this suite's own steps
    private Scenario<C, S> scaledOf(RealTimeJudge.Judged<C, E> judged) {
        return (Scenario<C, S>) judged.scaled();
    }

    /**
     * What a diff compares: the call and its answer, never a time (the reference's clock starts at its epoch, the
     * broker's is the wall clock: "t=5s" and "t=8119h5m" may be the same instant of the run).
     */
    static String said(Event e) {
        return (e.action() + " -> " + e.answer()).replaceAll("t=[0-9hms]*", "t=_");
    }

    private static String verb(String said) {
        String action = said.substring(0, said.indexOf(" -> ") < 0 ? said.length() : said.indexOf(" -> "));
        return action.replaceAll("\\b[A-Z]\\d*\\b|\\bm\\d+\\b|\\d+", "#");
    }

    /** The trace shrunk on the broker while it still diverges the same way, within the replay budget. */
    private String minimal(Scenario<C, S> original, Divergence first) {
        AtomicInteger budget = new AtomicInteger(SHRINK_BUDGET);
        Shrinker<S> shrinker = new Shrinker<S>(
                steps -> budget.getAndDecrement() > 0
                        && diverge(first.index(), original.withSteps(steps))
                                .filter(d -> d.kind() == first.kind()
                                        && d.signature().equals(first.signature()))
                                .isPresent(),
                this::simpler,
                (a, b) -> Optional.empty());
        List<S> steps = shrinker.shrink(original.steps());
        Scenario<C, S> scaled = suite.scale.scale(original.withSteps(steps));
        StringBuilder out = new StringBuilder(
                "minimal trace (" + steps.size() + " of " + original.steps().size()
                        + " steps" + (budget.get() <= 0 ? ", shrinking stopped at its budget" : "") + "), "
                        + scaled.config() + ":");
        for (int i = 0; i < scaled.steps().size(); i++) {
            out.append("\n  ").append(i + 1).append(". ").append(scaled.steps().get(i));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked") // a step's simpler versions are steps of its own topology
    private List<S> simpler(S step) {
        return (List<S>) step.simpler();
    }
}
