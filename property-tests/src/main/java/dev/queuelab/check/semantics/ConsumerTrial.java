package dev.queuelab.check.semantics;

import java.time.Duration;

/**
 * One consumer scenario's configuration: the queue's visibility timeout, the key TTL the consumer is given, and
 * whether a duplicate after the key expired is allowed (under {@code ttl}) or an anomaly (under {@code idempotent}).
 */
public record ConsumerTrial(Duration visibility, Duration keyTtl, boolean expiryAllowed) {

    @Override
    public String toString() {
        return "visibility " + visibility.toSeconds() + "s, key TTL " + keyTtl.toSeconds() + "s"
                + (expiryAllowed ? " (a key may expire: a copy after it may run again)" : "");
    }
}
