package dev.queuelab.brokers;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Binding;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Event;
import dev.queuelab.check.Property;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Settings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A topology's checks as one broker runs them: the binding (with real clocks), the scale, the capabilities the
 * harness holds the broker to, the properties, and the reference it is compared with in a diff. Properties run
 * side by side (each waits for real time, mostly asleep), each on its own queues or topics.
 */
final class BrokerSuite<C, S extends ScenarioStep, K, F, E extends Event> {

    final String broker;
    final Function<Supplier<ClockDriver>, ? extends Binding<C, S, K, F, E>> bindings;
    final TimeScale<C, S, E> scale;
    final K capabilities;
    final List<? extends Property<C, S, K>> properties;
    final Map<String, String> notRun; // a property the harness does not run here, and why
    final F reference;
    final int parallel; // traces a diff runs at once: each mostly waits for real time

    BrokerSuite(
            String broker,
            Function<Supplier<ClockDriver>, ? extends Binding<C, S, K, F, E>> bindings,
            TimeScale<C, S, E> scale,
            K capabilities,
            List<? extends Property<C, S, K>> properties,
            Map<String, String> notRun,
            F reference) {
        this(broker, bindings, scale, capabilities, properties, notRun, reference, 8);
    }

    BrokerSuite(
            String broker,
            Function<Supplier<ClockDriver>, ? extends Binding<C, S, K, F, E>> bindings,
            TimeScale<C, S, E> scale,
            K capabilities,
            List<? extends Property<C, S, K>> properties,
            Map<String, String> notRun,
            F reference,
            int parallel) {
        this.broker = broker;
        this.bindings = bindings;
        this.scale = scale;
        this.capabilities = capabilities;
        this.properties = properties;
        this.notRun = notRun;
        this.reference = reference;
        this.parallel = parallel;
    }

    RealTimeJudge<C, S, K, F, E> judge(F factory) {
        return new RealTimeJudge<>(broker, bindings, scale, factory, capabilities);
    }

    /** The property named, if this suite has it: "acks" or "work-queue/acks". */
    Optional<Property<C, S, K>> property(String id) {
        return properties.stream()
                .filter(p -> p.id().equals(id) || p.qualifiedName().equals(id))
                .map(p -> (Property<C, S, K>) p)
                .findFirst();
    }

    /** Checks every property (or the one named) on the broker; answers how many failed. */
    int check(F factory, Settings settings, Optional<String> only, String replay, PrintWriter out) {
        RealTimeCheck<C, S, K, E> check = new RealTimeCheck<>(judge(factory));
        List<Property<C, S, K>> chosen = new ArrayList<>();
        for (Property<C, S, K> p : properties) {
            if (only.isEmpty() || only.get().equals(p.id()) || only.get().equals(p.qualifiedName())) {
                chosen.add(p);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, chosen.size()));
        try {
            List<Future<String>> reports = new ArrayList<>();
            for (Property<C, S, K> p : chosen) {
                reports.add(pool.submit(() -> report(p, check, settings, replay)));
            }
            int failed = 0;
            for (Future<String> r : reports) {
                String text = await(r);
                failed += text.startsWith("FAILED") ? 1 : 0;
                out.print(text.startsWith("FAILED") ? text.substring("FAILED".length()) : text);
                out.flush();
            }
            if (only.isEmpty()) {
                notRun.forEach((p, why) -> out.println("  " + p + ": not run on " + broker + ": " + why));
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private String report(Property<C, S, K> p, RealTimeCheck<C, S, K, E> check, Settings settings, String replay) {
        long started = System.nanoTime();
        RealTimeCheck.Tally tally = new RealTimeCheck.Tally();
        CheckResult result = check.run(p, settings, replay, tally);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        StringBuilder out = new StringBuilder(result.failed() ? "FAILED" : "");
        if (result.skipped()) {
            return "  SKIPPED " + p.qualifiedName() + ": needs what the harness does not hold " + broker + " to\n";
        }
        out.append("  ")
                .append(result.verdict())
                .append("  ")
                .append(p.qualifiedName())
                .append(" (")
                .append(seconds)
                .append(" s)")
                .append(result.passed() ? ": " + result.report() : "")
                .append('\n');
        if (!result.passed()) {
            result.anomaly()
                    .ifPresent(a -> out.append("    ")
                            .append(a.name())
                            .append(": ")
                            .append(Kind.BUG.label())
                            .append(" (no row of the documented differences allows it)\n"));
            out.append("    ").append(result.report().replace("\n", "\n    ")).append('\n');
        }
        for (Map.Entry<String, Anomaly> first : tally.firsts.entrySet()) {
            Anomaly a = first.getValue();
            Kind kind = Kind.valueOf(first.getKey().substring(0, first.getKey().indexOf(' ')));
            if (kind == Kind.BUG) {
                continue;
            }
            out.append("    ")
                    .append(kind.label())
                    .append(": ")
                    .append(a.name())
                    .append(" (")
                    .append(tally.counts.get(kind))
                    .append(" trial(s) of this class)");
            Differences.find(broker, a)
                    .filter(d -> kind != Kind.TIMING)
                    .ifPresent(d -> out.append("\n      ")
                            .append(d.what())
                            .append("\n      ")
                            .append(d.source()));
            out.append("\n      e.g. step ")
                    .append(a.step())
                    .append(": ")
                    .append(a.evidence())
                    .append('\n');
        }
        if (tally.taintedSteps > 0) {
            out.append("    ")
                    .append(tally.taintedSteps)
                    .append(" step(s) landed within ")
                    .append(TimeScale.TOLERANCE.toMillis())
                    .append(" ms of a deadline: timing-tainted, not judged as anomalies\n");
        }
        return out.toString();
    }

    /** The task's answer; its failure thrown as it was, an interrupt as the thread's own. */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
