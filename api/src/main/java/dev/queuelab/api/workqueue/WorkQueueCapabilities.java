package dev.queuelab.api.workqueue;

/**
 * What a work-queue implementation supports and promises, so that checks that do not apply skip themselves
 * and checks that judge a promise judge it only where it is made.
 *
 * @param fifo        message groups and the deduplication window
 * @param deadLetters a redrive policy, the dead-letter queue and redrive
 * @param exactStats  {@link WorkQueue#stats()} counts exactly, at once; SQS's counts are approximate and lag,
 *                    so an adapter for a real broker says false and its statistics are not judged
 */
public record WorkQueueCapabilities(boolean fifo, boolean deadLetters, boolean exactStats) {
    public static final WorkQueueCapabilities ALL = new WorkQueueCapabilities(true, true, true);

    /** An in-process queue: exact statistics. */
    public WorkQueueCapabilities(boolean fifo, boolean deadLetters) {
        this(fifo, deadLetters, true);
    }
}
