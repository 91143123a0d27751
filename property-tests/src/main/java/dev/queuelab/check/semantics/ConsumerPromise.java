package dev.queuelab.check.semantics;

import java.time.Duration;

/**
 * What the harness holds a consumer to (its capabilities): the TTL it is given under {@code idempotent}, where
 * every duplicate is an anomaly. A TTL longer than every redelivery window of the scenarios makes a correct
 * consumer pass; a shorter one shows why it must be longer ({@code duplicate-after-key-expired}).
 */
public record ConsumerPromise(Duration keyTtl) {

    /** Longer than any scenario's redelivery window (leases of at most 30 s, a few minutes of ticks). */
    public static final ConsumerPromise REMEMBERS = new ConsumerPromise(Duration.ofHours(1));

    @Override
    public String toString() {
        return "key TTL " + keyTtl.toSeconds() + "s";
    }
}
