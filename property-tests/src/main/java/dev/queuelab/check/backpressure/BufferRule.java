package dev.queuelab.check.backpressure;

import dev.queuelab.check.Rule;

/** The buffer's invariants as the checks state them (ids as in {@code BoundedBuffer} and {@code DepthAlarm}). */
public final class BufferRule {

    private BufferRule() {}

    public static final Rule BOUND_EXCEEDED =
            new Rule("bound-exceeded", "BP1 under a bounding policy depth never exceeds the capacity");

    public static final Rule LOST =
            new Rule("lost", "BP2 every accepted message is delivered, or named as dropped: nothing is silently gone");

    public static final Rule DUPLICATED =
            new Rule("duplicated", "BP2 every accepted message is delivered once, and only what was accepted");

    public static final Rule REORDERED =
            new Rule("reordered", "BP3 surviving messages are delivered in the order they were accepted");

    public static final Rule BLOCK_DROPPED =
            new Rule("block-dropped", "BP4 block never drops or refuses: a full buffer makes the offer wait");

    public static final Rule GAVE_UP_EARLY = new Rule(
            "gave-up-early", "BP4 a waiting offer times out once its deadline has passed on the clock, never earlier");

    public static final Rule DROPPED_NOT_OLDEST = new Rule(
            "dropped-not-oldest", "BP3 drop-oldest makes room by dropping the oldest message held, and names it");

    public static final Rule ADMITTED_OUT_OF_TURN =
            new Rule("admitted-out-of-turn", "BP4 waiting offers are admitted oldest first as space frees");

    public static final Rule WAITED_PAST_DEADLINE = new Rule(
            "waited-past-deadline",
            "BP4 once its deadline has passed on the clock, a waiting offer is answered TIMED_OUT");

    public static final Rule WAITER_NOT_ANSWERED = new Rule(
            "waiter-not-answered", "BP4 a restart answers FAILED to every offer still waiting: none is left hanging");

    public static final Rule LOST_AT_RESTART = new Rule(
            "lost-at-restart", "BP5 a buffer on a durable store keeps every undelivered message across a restart");

    public static final Rule ALARM_WRONG =
            new Rule("alarm-wrong", "AL1 a clear alarm is raised when depth reaches high, and only then");

    public static final Rule ALARM_CLEARED_WRONG = new Rule(
            "alarm-wrong", "AL2 a raised alarm clears when depth falls to low, and only then: in between it holds");

    public static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every call of the buffer answers without throwing");
}
