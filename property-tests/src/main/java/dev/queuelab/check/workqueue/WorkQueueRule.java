package dev.queuelab.check.workqueue;

import dev.queuelab.check.Anomaly;

/**
 * The work queue's invariants as the checks state them, each with the anomaly that breaks it. The ids
 * (I1...I8) are those of {@code SqsWorkQueue} and {@code docs/work-queue.md}.
 */
public enum WorkQueueRule {
    LOST("lost", "I1 every accepted message stays in the queue until it is acked or dead-lettered: none vanishes"),
    ID_IN_USE(
            "id-in-use",
            "I1 a message id names one message at a time: a send reusing the id of a message still waiting, in flight"
                    + " or dead-lettered is refused (DuplicateMessageIdException), unless a FIFO dedup id inside its"
                    + " window makes it a DUPLICATE; once the message is acked, its id is free"),
    UNEXPECTED("unexpected", "I1 a queue delivers and dead-letters only messages that were sent and accepted"),
    MESSAGE_ALTERED(
            "message-altered",
            "I1 a delivery carries the message exactly as it was sent: id, body, headers, group and dedup id"),
    DUPLICATE_DELIVERY("duplicate-delivery", "I1 a message that was acked or dead-lettered is never delivered again"),
    CONCURRENT_DELIVERY(
            "concurrent-delivery",
            "I2 a received message stays hidden from every consumer until its visibility deadline"),
    MISSING_REDELIVERY(
            "missing-redelivery",
            "I2 from its visibility deadline on, an unacked message is delivered again to a receive with room for it"),
    WITHHELD(
            "withheld",
            "I2 a receive with room hands out every message that is visible and not held back by its group"),
    BATCH_OVER_MAX("batch-over-max", "I2 a receive hands out at most max messages (1 to 10, as SQS)"),
    EARLY_REDELIVERY(
            "early-redelivery",
            "I3 changeVisibility moves the deadline to now + the new timeout, and the queue honours the new deadline"),
    STALE_ACK_ACCEPTED(
            "stale-ack-accepted",
            "I4 a receipt is good only for its own delivery: after a redelivery, an ack or dead-lettering, it is refused"),
    RECEIPT_REUSED(
            "receipt-reused",
            "I4 every delivery gets a receipt no earlier delivery had, so that an old receipt can never act on a new one"),
    ACK_REFUSED(
            "ack-refused",
            "I4 an ack with the current receipt of a message not delivered again since is accepted; so is a"
                    + " visibility change while it is in flight"),
    WRONG_RECEIVE_COUNT(
            "wrong-receive-count",
            "I5 a delivery's receive count is the number of times the message was received, this time included"),
    DEAD_LETTER_EARLY(
            "dead-letter-early",
            "I5 a message moves to the dead-letter queue only on the receive that would exceed maxReceives"),
    DEAD_LETTER_LATE(
            "dead-letter-late",
            "I5 no message is delivered more than maxReceives times: the next receive dead-letters it"),
    WRONG_REDRIVE_COUNT("wrong-redrive-count", "I5 redrive answers how many dead letters it moved back"),
    GROUP_REORDERED("group-reordered", "I6 FIFO: the messages of one group are delivered in the order they were sent"),
    GROUP_CONCURRENT(
            "group-concurrent",
            "I6 FIFO: while a message of a group is in flight, no later receive hands out another of that group"),
    DEDUP_WINDOW_VIOLATED(
            "dedup-window-violated",
            "I7 FIFO: a send whose dedup id was accepted less than the dedup window ago is a duplicate; after it, it is not"),
    WRONG_SEND_OUTCOME(
            "wrong-send-outcome",
            "I7 a send's outcome names the message now standing for it: its own id, or the original's for a duplicate"),
    POISON_BLOCKS_QUEUE(
            "poison-blocks-queue",
            "I8 a message in flight (or failing again and again) never holds up the messages of other groups"),
    WRONG_STATS(
            "wrong-stats",
            "I1 the statistics count what the queue holds: visible, in flight, dead-lettered, oldest age"),
    INVALID_ANSWER(
            "invalid-answer", "every answer is one the contract allows: no null, a receipt that names its own message"),
    OPERATION_FAILED("operation-failed", "every valid call answers as the contract says, without throwing");

    private final String anomaly;
    private final String rule;

    WorkQueueRule(String anomaly, String rule) {
        this.anomaly = anomaly;
        this.rule = rule;
    }

    /** The anomaly's name in the kit's shared vocabulary. */
    public String anomaly() {
        return anomaly;
    }

    public String rule() {
        return rule;
    }

    Anomaly found(int step, String evidence) {
        return new Anomaly(anomaly, rule, evidence, step);
    }
}
