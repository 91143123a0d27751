package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Instant;

/**
 * Bug gallery: Compares the visibility deadline with {@code isAfter}: at the deadline itself the message is still hidden, so a receive at that instant misses it (a one-tick-late redelivery).
 *
 * <p>Caught as {@code missing-redelivery}.
 */
public final class DeadlineOffByOneRules extends WorkQueueRules {

    @Override
    protected boolean isVisibleAgain(Instant deadline, Instant now) {
        return now.isAfter(deadline);
    }
}
