package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Reads the visibility timeout's seconds as milliseconds: a 30 s timeout hides the message for 30 ms, so a second consumer gets it while the first still works on it.
 *
 * <p>Caught as {@code concurrent-delivery}.
 */
public final class VisibilityInMillisQueue extends SqsWorkQueue {

    public VisibilityInMillisQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Instant deadlineFor(Instant from, Duration visibility) {
        return from.plusMillis(visibility.toSeconds());
    }
}
