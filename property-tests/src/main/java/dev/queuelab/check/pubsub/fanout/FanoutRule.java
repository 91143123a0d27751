package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.check.Rule;

/** The fanout's invariants (SnsTopic's header), each with the anomaly that breaks it. */
final class FanoutRule {

    private FanoutRule() {}

    static final Rule LOST = new Rule(
            "lost",
            "FO1 a publication goes to every subscription whose filter matches, whether its consumer is up or not;"
                    + " one subscription refusing never stops another's delivery");

    static final Rule UNEXPECTED =
            new Rule("unexpected", "FO1 a queue gets only publications made after it subscribed, and only once");

    static final Rule DUPLICATE = new Rule("duplicate-delivery", "FO1 a queue gets each matching publication once");

    static final Rule FILTER_MISMATCH = new Rule(
            "filter-mismatch",
            "FO2 a filter policy matches as SNS's: every property of one alternative matched; a missing property only"
                    + " by exists:false");

    static final Rule DEAD_LETTER_WRONG = new Rule(
            "dead-letter-unwarranted",
            "FO3 the dead-letter queue holds exactly the matching deliveries its queue refused");

    static final Rule MALFORMED = new Rule(
            "delivery-malformed",
            "FO4 raw delivery carries the body and the attributes as headers; otherwise the envelope and no headers");

    static final Rule DEDUP = new Rule(
            "dedup-window-violated",
            "FO5 a FIFO publication whose dedup id was accepted within the window is a duplicate, delivered nowhere");

    static final Rule GROUP_REORDERED =
            new Rule("group-reordered", "FO6 a subscription's queue gets a group's messages in publish order");

    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
