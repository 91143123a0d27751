package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;

/**
 * Bug gallery: Rounds the deduplication window down to whole seconds: a 1.5 s window forgets a dedup id after
 * 1 s, and a producer's retry inside the window is enqueued as a second message.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupWindowWholeSecondsRules extends WorkQueueRules {

    @Override
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(Duration.ofSeconds(window.getSeconds()));
    }
}
