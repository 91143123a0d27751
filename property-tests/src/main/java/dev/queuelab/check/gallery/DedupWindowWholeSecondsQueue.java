package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Bug gallery: Rounds the deduplication window down to whole seconds: a 1.5 s window forgets a dedup id after
 * 1 s, and a producer's retry inside the window is enqueued as a second message.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupWindowWholeSecondsQueue extends SqsWorkQueue {

    public DedupWindowWholeSecondsQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(Duration.ofSeconds(window.getSeconds()));
    }
}
