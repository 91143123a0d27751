package dev.queuelab.check;

import java.time.Instant;
import java.util.List;

/**
 * One event of a failing story reduced to its words (who, what, the answer, whether it was a fault), so that the
 * story can be drawn as a timeline by a process other than the one that ran it, and by any topology the same way.
 */
public record StoryEvent(int step, Instant at, String process, String action, String answer, boolean fault)
        implements Event {

    /** The event as a story tells it; anything not answered ok is drawn as a fault. */
    public static StoryEvent of(Event e) {
        return new StoryEvent(
                e.step(),
                e.at(),
                e.process(),
                e.action(),
                e.answer(),
                e.fault() || e.threw() || e.outcome() != Op.Outcome.OK);
    }

    /** The events a story tells: up to the anomaly's step, or all of them for a failure at creation. */
    public static List<StoryEvent> told(History<?, ?, ? extends Event> history, Anomaly anomaly) {
        boolean atCreation = anomaly.step() == 0 && history.failedAtCreation();
        return history.events().stream()
                .filter(e -> atCreation || e.step() <= anomaly.step())
                .map(StoryEvent::of)
                .toList();
    }
}
