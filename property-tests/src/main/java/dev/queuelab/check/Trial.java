package dev.queuelab.check;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One scenario run against one implementation and judged: the anomaly to report (if any), the situations it
 * reached, and the story to tell about it.
 */
public interface Trial {

    /** The anomaly to report, the first that explains the others. */
    Optional<Anomaly> anomaly();

    /**
     * True when the anomaly is only a symptom (wrong statistics): the engine looks on through the other trials
     * for a behavioural anomaly that explains it, and reports the symptom only if none shows.
     */
    boolean symptomOnly();

    /** Labels of the situations this trial reached, for the coverage demands. */
    Set<String> coverage();

    /** The story of this trial for a reader who has never seen the engine, headed by {@code header}. */
    String story(String header, int originalSteps);

    /** The story's events, to draw as a timeline; empty when the trial's story is not told in events. */
    default List<StoryEvent> timeline() {
        return List.of();
    }

    /** Runs a scenario against one implementation and judges it. */
    @FunctionalInterface
    interface Judge<C, S extends ScenarioStep> {
        Trial judge(Scenario<C, S> scenario);
    }
}
