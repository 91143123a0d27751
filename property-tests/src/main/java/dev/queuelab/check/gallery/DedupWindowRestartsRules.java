package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.DedupWindow;
import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bug gallery: Restarts a dedup id's window on every duplicate, not only on the send that was accepted: a
 * producer that retries now and then keeps its id blocked for ever, and a new message that reuses it after
 * the first send's window is refused.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupWindowRestartsRules extends WorkQueueRules {

    @Override
    protected DedupWindow newDedupWindow(Duration window) {
        return new DedupWindow(window) {
            @Override
            public Optional<String> firstSent(String dedupId, Instant now) {
                Optional<String> first = super.firstSent(dedupId, now);
                first.ifPresent(id -> remember(dedupId, id, now));
                return first;
            }
        };
    }
}
