package dev.queuelab.check.pubsub.exchange;

import dev.queuelab.check.Rule;

/**
 * The broker's invariants as its checks state them, each citing the id the reference defines
 * (dev.queuelab.reference.pubsub.exchange: RabbitBroker, TopicTrie, BrokerQueue, Channels, DeadLetters).
 */
final class ExchangeRule {

    private ExchangeRule() {}

    static final Rule NOT_ROUTED = new Rule(
            "not-routed",
            "EX1 a publish reaches exactly the queues its bindings match (topic: * one word, # zero or more; "
                    + "headers by x-match), through exchange-to-exchange bindings and alternate exchanges; "
                    + "a mandatory publish comes back only when it routes to no queue (EX5)");
    static final Rule MISROUTED = new Rule("misrouted", "EX1 a queue holds only what its bindings matched");
    static final Rule MISSING_RETURN =
            new Rule("missing-return", "EX5 a mandatory publish that routes to no queue is returned");
    static final Rule OVER_PREFETCH =
            new Rule("over-prefetch", "EX2 a consumer never holds more unacked deliveries than its prefetch");
    static final Rule WITHHELD = new Rule(
            "withheld",
            "EX2 a consumer is pushed its queue's head up to its own prefetch, whatever other consumers, channels "
                    + "or queues hold");
    static final Rule REORDERED = new Rule(
            "queue-reordered",
            "EX3 a queue delivers in order, and a requeued message goes back to its original position");
    static final Rule ACK_WITHOUT_ENQUEUE = new Rule(
            "ack-without-enqueue",
            "EX4 a publish is acked only when every queue it routes to took it; a refusal (reject-publish) is a nack");
    static final Rule SPURIOUS_NACK = new Rule("spurious-nack", "EX4 a publish every queue took is acked");
    static final Rule X_DEATH_WRONG = new Rule(
            "x-death-wrong",
            "EX7 x-death has one entry per queue and reason, most recent first, its count the deaths for that "
                    + "pair, with the time, exchange and routing keys of its first death");
    static final Rule DEAD_LETTER = new Rule(
            "dead-letter-wrong",
            "EX6 a queue dead-letters exactly what is rejected, expired at the head, pushed out by a length limit "
                    + "or returned past its delivery limit");
    static final Rule EXPIRED_DELIVERED =
            new Rule("expired-delivered", "EX8 a message whose TTL passed is never delivered");
    static final Rule LOST = new Rule(
            "lost", "EX3 a message a queue took is delivered, dead-lettered or dropped with a reason, never lost");
    static final Rule WRONG_DELIVERY = new Rule(
            "wrong-delivery",
            "EX10 a delivery says what was published, its channel's next tag, whether it was delivered before "
                    + "and its delivery count (EX12)");
    static final Rule QUEUE_EXPIRY =
            new Rule("queue-expiry-wrong", "EX13 a queue unused for its x-expires is deleted, and not before");
    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
