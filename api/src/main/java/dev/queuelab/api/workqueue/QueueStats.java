package dev.queuelab.api.workqueue;

import java.time.Duration;

/**
 * A snapshot of a work queue, as its alarms would read it.
 *
 * @param visible      stored messages no consumer holds (ready, or back after their visibility timeout)
 * @param inFlight     messages received and still inside their visibility timeout
 * @param deadLettered messages in the dead-letter queue
 * @param oldestAge    age of the oldest message still in the queue (visible or in flight); zero when empty
 */
public record QueueStats(int visible, int inFlight, int deadLettered, Duration oldestAge) {
    public static final QueueStats EMPTY = new QueueStats(0, 0, 0, Duration.ZERO);
}
