package dev.queuelab.check.recipe;

import dev.queuelab.check.Rule;

/** The tally's invariants, each with the anomaly that breaks it. */
final class TallyRule {

    private TallyRule() {}

    static final Rule WRONG_COUNT = new Rule("wrong-count", "TA1 an increment answers the count it made: one more");

    static final Rule STALE_READ = new Rule("stale-read", "TA2 a read answers the count so far");

    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
