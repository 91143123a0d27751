package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Forgets a deduplication id at once: a producer's retry inside the window is enqueued a second time.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupNeverAppliesQueue extends SqsWorkQueue {

    public DedupNeverAppliesQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

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
