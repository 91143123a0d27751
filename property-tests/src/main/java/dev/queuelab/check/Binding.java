package dev.queuelab.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a topology gives the engine, and all it gives: its properties, how one scenario runs on one
 * implementation, the model that judges the history, and how its stories speak of it. Checking, shrinking,
 * coverage, stories, replay and the JUnit binding are the core's, written once for every topology (see
 * docs/engine.md, "Adding a topology").
 *
 * @param <C> the topology's configuration
 * @param <S> the topology's steps
 * @param <K> the topology's capabilities record
 * @param <F> how the topology makes an implementation
 * @param <E> the topology's events
 */
public interface Binding<C, S extends ScenarioStep, K, F, E extends Event> {

    /** The topology, as reports and implementation names say it: "work-queue", "log". */
    String topology();

    /** Every property of the topology, in the order the JUnit binding runs them. */
    List<? extends Property<C, S, K>> properties();

    /** Runs one scenario on a fresh implementation; the capabilities are the harness's. */
    History<C, K, E> run(F factory, K capabilities, Scenario<C, S> scenario);

    /** A fresh model for one history (the core folds the history into it). */
    Model<E> model(History<C, K, E> history);

    /** How the topology's stories speak of it. */
    Stories.Telling telling();

    /** A closing paragraph of the topology's own for a story, or "" (the default). */
    default String epilogue(Model<E> model, Anomaly anomaly, History<C, K, E> history) {
        return "";
    }

    /** Runs and judges one scenario. */
    default Trial judge(F factory, K capabilities, Scenario<C, S> scenario) {
        History<C, K, E> history = run(factory, capabilities, scenario);
        Model<E> model = Model.fold(history, model(history));
        return new Trial() {
            @Override
            public Optional<Anomaly> anomaly() {
                return model.primary();
            }

            @Override
            public boolean symptomOnly() {
                return model.symptomOnly();
            }

            @Override
            public Set<String> coverage() {
                return model.coverage();
            }

            @Override
            public List<StoryEvent> timeline() {
                return model.primary()
                        .map(anomaly -> StoryEvent.told(history, anomaly))
                        .orElse(List.of());
            }

            @Override
            public String story(String header, int originalSteps) {
                Anomaly anomaly = model.primary().orElseThrow();
                return Stories.tell(
                        header, history, anomaly, originalSteps, telling(), epilogue(model, anomaly, history));
            }
        };
    }

    /** One property against one implementation, judged by what the harness says it supports. */
    default CheckResult check(
            Property<C, S, K> property,
            String implName,
            K capabilities,
            F factory,
            ReplayCommand replay,
            Settings settings) {
        return new Check<>(
                        property,
                        implName,
                        capabilities,
                        scenario -> judge(factory, capabilities, scenario),
                        seed -> replay.command(property, implName, seed))
                .run(settings);
    }

    /** The property of this topology with this id ("acks", or qualified: "work-queue/acks"), if there is one. */
    default Optional<Property<C, S, K>> property(String id) {
        for (Property<C, S, K> p : properties()) {
            if (p.id().equals(id) || p.qualifiedName().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
