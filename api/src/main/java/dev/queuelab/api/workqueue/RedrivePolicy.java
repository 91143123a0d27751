package dev.queuelab.api.workqueue;

import dev.queuelab.api.OutOfRangeException;

/**
 * When a message stops being retried: on the receive that would exceed {@code maxReceives}, it moves to the
 * dead-letter queue instead of being delivered.
 *
 * @param maxReceives 1 to 1000, as SQS's maxReceiveCount
 */
public record RedrivePolicy(int maxReceives) {

    public static final int MIN_RECEIVES = 1;
    public static final int MAX_RECEIVES = 1000;

    public RedrivePolicy {
        if (maxReceives < MIN_RECEIVES || maxReceives > MAX_RECEIVES) {
            throw new OutOfRangeException(
                    "maxReceives",
                    maxReceives,
                    MIN_RECEIVES + " to " + MAX_RECEIVES + " (receives before a message is dead-lettered)");
        }
    }
}
