package dev.queuelab.check.workqueue;

import dev.queuelab.check.Rule;

/**
 * The work queue's invariants as the checks state them, each with the anomaly that breaks it. The ids
 * (I1...I8) are those of {@code SqsWorkQueue} and {@code docs/work-queue.md}.
 */
public final class WorkQueueRule {

    private WorkQueueRule() {}

    public static final Rule LOST = new Rule(
            "lost", "I1 every accepted message stays in the queue until it is acked or dead-lettered: none vanishes");

    public static final Rule ID_IN_USE = new Rule(
            "id-in-use",
            "I1 a message id names one message at a time: a send reusing the id of a message still waiting, in flight"
                    + " or dead-lettered is refused (DuplicateMessageIdException), unless a FIFO dedup id inside its"
                    + " window makes it a DUPLICATE; once the message is acked, its id is free");

    public static final Rule UNEXPECTED =
            new Rule("unexpected", "I1 a queue delivers and dead-letters only messages that were sent and accepted");

    public static final Rule MESSAGE_ALTERED = new Rule(
            "message-altered",
            "I1 a delivery carries the message exactly as it was sent: id, body, headers, group and dedup id");

    public static final Rule DUPLICATE_DELIVERY =
            new Rule("duplicate-delivery", "I1 a message that was acked or dead-lettered is never delivered again");

    public static final Rule CONCURRENT_DELIVERY = new Rule(
            "concurrent-delivery",
            "I2 a received message stays hidden from every consumer until its visibility deadline");

    public static final Rule MISSING_REDELIVERY = new Rule(
            "missing-redelivery",
            "I2 from its visibility deadline on, an unacked message is delivered again to a receive with room for it");

    public static final Rule WITHHELD = new Rule(
            "withheld",
            "I2 a receive with room hands out every message that is visible and not held back by its group");

    public static final Rule BATCH_OVER_MAX =
            new Rule("batch-over-max", "I2 a receive hands out at most max messages (1 to 10, as SQS)");

    public static final Rule EARLY_REDELIVERY = new Rule(
            "early-redelivery",
            "I3 changeVisibility moves the deadline to now + the new timeout, and the queue honours the new deadline");

    public static final Rule STALE_ACK_ACCEPTED = new Rule(
            "stale-ack-accepted",
            "I4 a receipt is good only for its own delivery: after a redelivery, an ack or dead-lettering, it is refused");

    public static final Rule RECEIPT_REUSED = new Rule(
            "receipt-reused",
            "I4 every delivery gets a receipt no earlier delivery had, so that an old receipt can never act on a new one");

    public static final Rule ACK_REFUSED = new Rule(
            "ack-refused",
            "I4 an ack with the current receipt of a message not delivered again since is accepted; so is a"
                    + " visibility change while it is in flight");

    public static final Rule WRONG_RECEIVE_COUNT = new Rule(
            "wrong-receive-count",
            "I5 a delivery's receive count is the number of times the message was received, this time included");

    public static final Rule DEAD_LETTER_EARLY = new Rule(
            "dead-letter-early",
            "I5 a message moves to the dead-letter queue only on the receive that would exceed maxReceives");

    public static final Rule DEAD_LETTER_LATE = new Rule(
            "dead-letter-late",
            "I5 no message is delivered more than maxReceives times: the next receive dead-letters it");

    public static final Rule WRONG_REDRIVE_COUNT =
            new Rule("wrong-redrive-count", "I5 redrive answers how many dead letters it moved back");

    public static final Rule GROUP_REORDERED =
            new Rule("group-reordered", "I6 FIFO: the messages of one group are delivered in the order they were sent");

    public static final Rule GROUP_CONCURRENT = new Rule(
            "group-concurrent",
            "I6 FIFO: while a message of a group is in flight, no later receive hands out another of that group");

    public static final Rule DEDUP_WINDOW_VIOLATED = new Rule(
            "dedup-window-violated",
            "I7 FIFO: a send whose dedup id was accepted less than the dedup window ago is a duplicate; after it, it is not");

    public static final Rule WRONG_SEND_OUTCOME = new Rule(
            "wrong-send-outcome",
            "I7 a send's outcome names the message now standing for it: its own id, or the original's for a duplicate");

    public static final Rule POISON_BLOCKS_QUEUE = new Rule(
            "poison-blocks-queue",
            "I8 a message in flight (or failing again and again) never holds up the messages of other groups");

    public static final Rule WRONG_STATS = new Rule(
            "wrong-stats",
            "I1 the statistics count what the queue holds: visible, in flight, dead-lettered, oldest age");

    public static final Rule INVALID_ANSWER = new Rule(
            "invalid-answer", "every answer is one the contract allows: no null, a receipt that names its own message");

    public static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
