package dev.queuelab.check;

import java.time.Instant;

/**
 * What happened at one step of a scenario, in any topology: the call made, what the implementation answered,
 * who made it and how it ended. A topology's events are a sealed interface of records extending this one; a
 * history is a list of them and the model reads nothing else. Each event tells its own line of the story.
 */
public interface Event {

    /** The story step (1-based); steps after the scenario's last are the checker's final drain. */
    int step();

    Instant at();

    /** What was asked, in plain words: "A receives up to 3 (visibility 30s)". */
    String action();

    /** What the implementation answered, in plain words: "m1 (receive #2)". */
    String answer();

    /** Who called: a producer, a consumer, the checker. */
    String process();

    /** How the call ended as its client knows it: refused calls failed, lost answers and throws are unknown. */
    Op.Outcome outcome();

    /** True when the implementation threw instead of answering: the run ends at this event. */
    default boolean threw() {
        return false;
    }
}
