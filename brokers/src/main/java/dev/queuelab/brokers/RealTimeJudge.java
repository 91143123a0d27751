package dev.queuelab.brokers;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Binding;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Event;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Stories;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one simulated scenario on a real broker in real time, through the topology's own binding (its runner,
 * model and rules, unchanged), and classifies what the model found: an anomaly after a timing-tainted step is
 * {@link Kind#TIMING}, one a row of {@link Differences} names is that row's kind, any other {@link Kind#BUG}.
 *
 * @param <C> configuration, {@code S} steps, {@code K} capabilities, {@code F} factory, {@code E} events
 */
final class RealTimeJudge<C, S extends ScenarioStep, K, F, E extends Event> {

    /** A scenario run on the broker and judged. */
    record Judged<C, E extends Event>(
            Scenario<C, ?> scaled,
            History<C, ?, E> history,
            Optional<Anomaly> anomaly,
            Kind kind,
            Set<Integer> tainted,
            boolean symptomOnly,
            Stories.Telling telling) {

        String story(String header, int originalSteps) {
            return Stories.tell(header, history, anomaly.orElseThrow(), originalSteps, telling, "");
        }
    }

    private final String broker;
    private final Function<Supplier<ClockDriver>, ? extends Binding<C, S, K, F, E>> bindings;
    private final TimeScale<C, S, E> scale;
    private final F factory;
    private final K capabilities;

    RealTimeJudge(
            String broker,
            Function<Supplier<ClockDriver>, ? extends Binding<C, S, K, F, E>> bindings,
            TimeScale<C, S, E> scale,
            F factory,
            K capabilities) {
        this.broker = broker;
        this.bindings = bindings;
        this.scale = scale;
        this.factory = factory;
        this.capabilities = capabilities;
    }

    K capabilities() {
        return capabilities;
    }

    Judged<C, E> judge(Scenario<C, S> simulated) {
        Scenario<C, S> scaled = scale.scale(simulated);
        Binding<C, S, K, F, E> binding = bindings.apply(() -> new RealClockDriver(scale.longest(scaled)));
        History<C, K, E> history = binding.run(factory, capabilities, scaled);
        Model<E> model = Model.fold(history, binding.model(history));
        Optional<Anomaly> anomaly = model.primary();
        Set<Integer> tainted = scale.tainted(history);
        Kind kind = anomaly.map(a -> taintedBefore(tainted, a) ? Kind.TIMING : Differences.classify(broker, a))
                .orElse(null);
        return new Judged<>(scaled, history, anomaly, kind, tainted, model.symptomOnly(), binding.telling());
    }

    /** A step at or before the anomaly's (any step, for one found after the last) landed near a deadline. */
    private static boolean taintedBefore(Set<Integer> tainted, Anomaly a) {
        return tainted.stream().anyMatch(t -> a.step() == 0 || t <= a.step());
    }

    String broker() {
        return broker;
    }
}
