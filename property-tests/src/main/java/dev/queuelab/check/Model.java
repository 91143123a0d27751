package dev.queuelab.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A topology's model: it consumes a history's operations one by one (each event with the {@link Op} that
 * produced it: invoked, completed, ok, fail or unknown), recomputes what the implementation should have answered,
 * and names every breach as an anomaly. It never asks the implementation for its own state.
 *
 * @param <E> the topology's events
 */
public interface Model<E extends Event> {

    /** Judges one event, given how its operation ended and what it overlapped. */
    void apply(E event, Op op);

    /**
     * After the last event of a run that ended without a throw (the checker's drain included): what must hold
     * at the end, such as conservation. Nothing by default.
     */
    default void finish(int lastStep) {}

    /** What was found, in history order. */
    List<Anomaly> anomalies();

    /** The anomaly to report: the first that explains the others. */
    default Optional<Anomaly> primary() {
        return anomalies().stream().findFirst();
    }

    /** True when the anomaly to report is only a symptom: the engine looks on for its cause in other trials. */
    default boolean symptomOnly() {
        return false;
    }

    /** Labels of the situations the history reached, for the coverage demands. */
    Set<String> coverage();

    /** Folds a whole history into {@code model}: every event with its operation, then the end of the run. */
    static <E extends Event, M extends Model<E>> M fold(History<?, ?, E> history, M model) {
        for (int i = 0; i < history.events().size(); i++) {
            model.apply(history.events().get(i), history.ops().get(i));
        }
        if (history.events().stream().noneMatch(Event::threw)) {
            model.finish(history.lastStep());
        }
        return model;
    }
}
