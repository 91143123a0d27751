package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery: Forgets a deduplication id at once: a producer's retry inside the window is enqueued a second time.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupNeverAppliesRules extends WorkQueueRules {

    @Override
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(window) {
            @Override
            protected boolean covers(Instant firstSeen, Instant now) {
                return false;
            }
        };
    }
}
