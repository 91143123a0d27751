package dev.queuelab.api;

/**
 * What a work-queue implementation supports, so that checks that do not apply skip themselves.
 *
 * @param fifo        message groups and the deduplication window
 * @param deadLetters a redrive policy, the dead-letter queue and redrive
 */
public record WorkQueueCapabilities(boolean fifo, boolean deadLetters) {
    public static final WorkQueueCapabilities ALL = new WorkQueueCapabilities(true, true);
}
