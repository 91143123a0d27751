package dev.queuelab.api.pubsub.exchange;

/**
 * What a broker implementation supports, known without making one.
 *
 * @param deadLetters dead-letter exchanges, TTLs and length limits
 * @param quorum      quorum queues: delivery counts and the delivery limit
 */
public record ExchangeCapabilities(boolean deadLetters, boolean quorum) {
    public static final ExchangeCapabilities ALL = new ExchangeCapabilities(true, true);
}
