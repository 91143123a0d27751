package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery: Reads the visibility timeout's seconds as milliseconds: a 30 s timeout hides the message for 30 ms, so a second consumer gets it while the first still works on it.
 *
 * <p>Caught as {@code concurrent-delivery}.
 */
public final class VisibilityInMillisRules extends WorkQueueRules {

    @Override
    protected Instant deadlineFor(Instant from, Duration visibility) {
        return from.plusMillis(visibility.toSeconds());
    }
}
