package dev.queuelab.api.semantics;

import java.time.Duration;

/**
 * A consumer's configuration.
 *
 * @param keyTtl how long a processed idempotency key is remembered: a key marked at t is remembered in
 *               [t, t + keyTtl) and forgotten from t + keyTtl on
 */
public record ConsumerConfig(Duration keyTtl) {

    public ConsumerConfig {
        if (keyTtl == null || keyTtl.isNegative() || keyTtl.isZero()) {
            throw new IllegalArgumentException(
                    "keyTtl is " + keyTtl + ": give a duration above 0s, longer than the" + " redelivery window");
        }
    }

    @Override
    public String toString() {
        return "key TTL " + keyTtl.toSeconds() + "s";
    }
}
