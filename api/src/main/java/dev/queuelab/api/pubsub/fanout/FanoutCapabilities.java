package dev.queuelab.api.pubsub.fanout;

/**
 * What a fanout implementation supports, so that a property that does not apply is skipped.
 *
 * @param fifo FIFO topics with FIFO queues, groups and dedup
 */
public record FanoutCapabilities(boolean fifo) {
    public static final FanoutCapabilities ALL = new FanoutCapabilities(true);
}
