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

    /**
     * How the call ended as its client knows it: an answer came and did what was asked, unless the event says
     * otherwise (refused calls failed, lost answers and throws are unknown).
     */
    default Op.Outcome outcome() {
        return Op.Outcome.OK;
    }

    /**
     * True when the event is a fault the scenario injected (a lost request or answer, a duplicate, a crash):
     * a drawing of the history marks it. False by default.
     */
    default boolean fault() {
        return false;
    }

    /** True when the implementation threw instead of answering: the run ends at this event. */
    default boolean threw() {
        return false;
    }

    /** The checker's own call: an observation, a tick of the clock, a step it could not take. */
    interface ByChecker extends Event {
        @Override
        default String process() {
            return "checker";
        }
    }

    /** A call a consumer made. */
    interface ByConsumer extends Event {
        String consumer();

        @Override
        default String process() {
            return consumer();
        }
    }

    /** A call a producer made. */
    interface ByProducer extends Event {
        String producer();

        @Override
        default String process() {
            return producer();
        }
    }

    /** A step the runner could not take (the consumer it names holds nothing): no call was made. */
    interface NotTaken extends ByChecker {
        String why();

        @Override
        default String answer() {
            return "skipped: " + why();
        }
    }

    /** The implementation threw instead of answering: the call's outcome is unknown and the run ends here. */
    interface Thrown extends ByChecker {
        String error();

        @Override
        default String answer() {
            return "threw " + error();
        }

        @Override
        default Op.Outcome outcome() {
            return Op.Outcome.UNKNOWN;
        }

        @Override
        default boolean threw() {
            return true;
        }
    }
}
