package dev.queuelab.check.pubsub.subscription;

import dev.queuelab.check.Rule;

/** The subscriptions' invariants as the checks state them (defined in CloudPubSub's header), each with its anomaly. */
final class SubscriptionRule {

    private SubscriptionRule() {}

    static final Rule LOST = new Rule(
            "lost",
            "SB1 a subscription keeps every message published after it was created until it is acked or its"
                    + " retention ends, whether its subscriber pulls or not");

    static final Rule BEFORE_SUBSCRIBED = new Rule(
            "delivered-before-subscribed", "SB1 a subscription gets only the messages published after it was created");

    static final Rule PAST_RETENTION =
            new Rule("kept-past-retention", "SB1 a message is gone once its retention has passed since its publish");

    static final Rule WITHHELD = new Rule(
            "withheld", "SB1 a pull returns every deliverable message it has room for (the reference's promise)");

    static final Rule EARLY_REDELIVERY = new Rule(
            "early-redelivery",
            "SB2 a delivered message is not delivered again before its ack deadline (SB3: as modifyAckDeadline"
                    + " set it, from the moment it was called)");

    static final Rule MISSING_REDELIVERY = new Rule(
            "missing-redelivery", "SB2 a message whose deadline expired, or that was nacked, is delivered again");

    static final Rule DUPLICATE =
            new Rule("duplicate-delivery", "SB2 an acked message is not delivered again unless a seek unacks it");

    static final Rule STALE_ACK =
            new Rule("stale-ack-accepted", "SB2 an ack id is good only while its delivery's lease holds");

    static final Rule ACK_REFUSED =
            new Rule("ack-refused", "SB2 an ack or modifyAckDeadline within the lease takes effect and says so");

    static final Rule KEY_REORDERED = new Rule(
            "key-reordered",
            "SB4 with message ordering, a key's messages come in publish order, and a nack or an expired deadline"
                    + " redelivers every later message of the key after it, acked or not");

    static final Rule DEAD_LETTER_EARLY = new Rule(
            "dead-letter-early",
            "SB5 a message goes to the dead-letter topic on its maxDeliveryAttempts-th failure, not before");

    static final Rule DEAD_LETTER_LATE = new Rule(
            "dead-letter-late",
            "SB5 a message that failed maxDeliveryAttempts times is not delivered again: it is dead-lettered");

    static final Rule WRONG_ATTEMPT = new Rule(
            "wrong-delivery-attempt",
            "SB5 a delivery's attempt is 1 + its nacks and expired deadlines (0 without a dead-letter policy)");

    static final Rule SEEK_MISAPPLIED = new Rule(
            "seek-misapplied",
            "SB6 a seek to a time acks what was published before it and unacks what was published at or after it;"
                    + " SB7 a seek to a snapshot restores the snapshot's state");

    static final Rule ALTERED = new Rule(
            "message-altered", "every delivery carries the message, id and publish time that publish answered");

    static final Rule RECEIPT_REUSED = new Rule("receipt-reused", "no two deliveries share an ack id");

    static final Rule UNEXPECTED = new Rule("unexpected", "nothing is delivered that was never published");

    static final Rule INVALID_ANSWER =
            new Rule("invalid-answer", "every answer is one the contract allows (no null, no null element)");

    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
