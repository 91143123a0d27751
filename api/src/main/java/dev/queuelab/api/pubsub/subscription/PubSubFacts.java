package dev.queuelab.api.pubsub.subscription;

import java.time.Duration;

/**
 * Google Cloud Pub/Sub's numbers that the contract checks, each with its source and the date it was read. The
 * decision guide keeps the same facts in its registry ({@code facts.yaml}: {@code pubsub.ack-deadline},
 * {@code pubsub.dead-letter}, {@code pubsub.retention}).
 */
public final class PubSubFacts {

    private PubSubFacts() {}

    /**
     * Ack deadline: 10 s by default, 10 s to 600 s; {@code modifyAckDeadline} takes 0 s (a nack) to 600 s.
     * Source: https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions, read 2026-11-27.
     */
    public static final Duration DEFAULT_ACK_DEADLINE = Duration.ofSeconds(10);

    public static final Duration MIN_ACK_DEADLINE = Duration.ofSeconds(10);
    public static final Duration MAX_ACK_DEADLINE = Duration.ofSeconds(600);

    /**
     * max_delivery_attempts: 5 to 100, 5 by default.
     * Source: https://cloud.google.com/pubsub/docs/handling-failures, read 2026-11-27.
     */
    public static final int MIN_DELIVERY_ATTEMPTS = 5;

    public static final int MAX_DELIVERY_ATTEMPTS = 100;

    /**
     * message_retention_duration: 7 days by default, 10 minutes to 31 days.
     * Source: https://cloud.google.com/pubsub/docs/replay-overview, read 2026-11-28.
     */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public static final Duration MIN_RETENTION = Duration.ofMinutes(10);
    public static final Duration MAX_RETENTION = Duration.ofDays(31);

    /** A pull returns at most 1,000 messages. Source: projects.subscriptions.pull, read 2026-12-05. */
    public static final int MAX_PULL = 1000;
}
