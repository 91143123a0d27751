package dev.queuelab.check.semantics;

import dev.queuelab.check.Rule;

/**
 * What a consumer written against {@code dev.queuelab.api.semantics.MessageConsumer} is held to, each rule with its
 * anomaly. The ids are defined here; the reference that keeps them is {@code DedupingConsumer}.
 */
public final class ConsumerRule {

    private ConsumerRule() {}

    public static final Rule EFFECT_DUPLICATED = new Rule(
            "effect-duplicated",
            "IC1 a key's effect happens once while the key is remembered: the effect and its mark commit in one"
                    + " transaction");

    public static final Rule EFFECT_LOST = new Rule(
            "effect-lost",
            "IC2 every published key has an effect once the network heals and the consumers drain: ack only after"
                    + " the commit");

    public static final Rule NOT_ACKED = new Rule(
            "not-acked",
            "IC3 every delivery is acked once its effect (or its skip) committed, so that the queue stops handing"
                    + " it out");

    public static final Rule KEY_OUTLIVED_TTL = new Rule(
            "key-outlived-ttl",
            "IC4 a key marked at t is forgotten from t + ttl on: after a commit, the table holds no mark that old");

    public static final Rule OPERATION_FAILED = new Rule(
            "operation-failed", "the consumer handles every delivery without throwing (a crash is the harness's)");
}
