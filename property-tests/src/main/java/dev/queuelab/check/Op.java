package dev.queuelab.check;

import java.util.Objects;

/**
 * One operation as its client saw it, recorded the way Jepsen records histories: the position at which it
 * was invoked, the position at which its answer came back, and how it ended. Positions come from one
 * counter shared by every client of a run ({@link OpClock}), so two operations are ordered in real time
 * when one completed before the other was invoked, and concurrent otherwise.
 *
 * <p>A simulation's history is sequential: each operation is invoked and completed at its own step and
 * overlaps nothing ({@link #sequential}). Real threads and real brokers give overlapping operations and
 * answers that never came; a topology's model judges both instead of switching its checks off: what it
 * demands of an operation it demands only of what surely preceded it, and an {@link Outcome#UNKNOWN} write
 * may or may not have taken effect.
 *
 * @param process who called: a producer, a consumer, the checker
 * @param invoked the position just before the call
 * @param completed the position just after the answer, or {@link #NEVER} if no answer came
 * @param outcome how the call ended, as the client knows it
 */
public record Op(String process, long invoked, long completed, Outcome outcome) {

    /** How an operation ended, as its client knows it (Jepsen's ok, fail and info). */
    public enum Outcome {
        /** It took effect, and the answer says how. */
        OK,
        /** It surely did not take effect: the implementation refused it. */
        FAIL,
        /** It may or may not have taken effect: a timeout, a crash mid-call, an answer lost on the way back. */
        UNKNOWN
    }

    /** The completion of an operation whose answer never came. */
    public static final long NEVER = Long.MAX_VALUE;

    public Op {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(outcome, "outcome");
        if (invoked < 0 || completed < invoked) {
            throw new IllegalArgumentException(
                    "an operation completes after it is invoked: invoked " + invoked + ", completed " + completed);
        }
        if (completed == NEVER && outcome != Outcome.UNKNOWN) {
            throw new IllegalArgumentException("an operation whose answer never came has an unknown outcome");
        }
    }

    /** The operation of a sequential history's step: invoked and completed within it, overlapping nothing. */
    public static Op sequential(String process, int step, Outcome outcome) {
        return new Op(process, 2L * step, 2L * step + 1, outcome);
    }

    /** Real-time order: this operation's answer came before the other was invoked. */
    public boolean precedes(Op other) {
        return completed < other.invoked;
    }

    /** Neither precedes the other: an implementation may have ordered them either way. */
    public boolean overlaps(Op other) {
        return !precedes(other) && !other.precedes(this);
    }
}
