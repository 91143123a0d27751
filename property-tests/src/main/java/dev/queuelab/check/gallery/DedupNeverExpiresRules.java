package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery: Remembers a deduplication id forever: once the window has passed, a new message that reuses the id is still refused as a duplicate, and is lost to its producer.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupNeverExpiresRules extends WorkQueueRules {

    @Override
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(window) {
            @Override
            protected boolean covers(Instant firstSeen, Instant now) {
                return true;
            }
        };
    }
}
