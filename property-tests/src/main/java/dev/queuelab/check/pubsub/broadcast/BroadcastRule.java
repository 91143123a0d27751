package dev.queuelab.check.pubsub.broadcast;

import dev.queuelab.check.Rule;

/** The broadcast's invariants (RedisBroadcast's header), each with the anomaly that breaks it. */
final class BroadcastRule {

    private BroadcastRule() {}

    static final Rule UNEXPECTED = new Rule(
            "unexpected",
            "BC1 a message goes only to clients connected and subscribed when it is published: nothing is kept for"
                    + " an offline or unsubscribed client");

    static final Rule DUPLICATE =
            new Rule("duplicate-delivery", "BC2 each matching subscription gets the message exactly once");

    static final Rule LOST = new Rule(
            "lost",
            "BC2 a read answers the oldest messages its client's buffer holds, as many as it asked for while there"
                    + " are any");

    static final Rule WRONG_RECEIVERS = new Rule(
            "wrong-receivers", "BC3 PUBLISH answers one receiver per matching subscription of a connected client");

    static final Rule REORDERED = new Rule("reordered", "BC4 a client reads its messages in publish order");

    static final Rule MISROUTED =
            new Rule("misrouted", "BC5 a pattern subscription gets the channels Redis's glob matches, and only those");

    static final Rule DISCONNECT_MISSED = new Rule(
            "disconnect-missed",
            "BC6 a client whose buffer reaches the hard limit, or holds the soft limit past its seconds, is closed"
                    + " and its next read says so");

    static final Rule DISCONNECT_UNWARRANTED = new Rule(
            "disconnect-unwarranted", "BC6 a client under its buffer limits stays connected until it disconnects");

    static final Rule SLOW_SUBSCRIBER_HARM = new Rule(
            "slow-subscriber-harm",
            "BC7 a slow client never delays or shortens another's messages: the publish goes on past it");

    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
