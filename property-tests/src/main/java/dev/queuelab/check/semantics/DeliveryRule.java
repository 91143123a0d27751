package dev.queuelab.check.semantics;

import dev.queuelab.check.Rule;

/** The pipeline's invariants as the checks state them (ids as in {@code Pipeline}), each with its anomaly. */
public final class DeliveryRule {

    private DeliveryRule() {}

    public static final Rule EFFECT_DUPLICATED =
            new Rule("effect-duplicated", "DL1 no idempotency key has two effects");

    public static final Rule DUPLICATE_AFTER_KEY_EXPIRED = new Rule(
            "duplicate-after-key-expired",
            "DL3 an idempotent consumer skips a duplicate while its key is remembered: the TTL must exceed the"
                    + " redelivery window");

    public static final Rule EFFECT_LOST = new Rule(
            "effect-lost", "DL2 every published key has an effect once the network heals and the consumers drain");

    public static final Rule OUTPUT_DUPLICATED =
            new Rule("output-duplicated", "DL6 a read_committed reader sees each input's output record once");

    public static final Rule OUTPUT_LOST =
            new Rule("output-lost", "DL6 a read_committed reader sees an output record for every input");

    public static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every call of the pipeline answers without throwing");
}
