package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.Operation;
import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Forgets to expire leases at the start of changeVisibility (every other method does): a
 * consumer whose deadline has passed can still extend its lease, as long as nothing else touched the queue
 * since. A checker that reads the statistics after every step never sees it: its read does the expiry.
 *
 * <p>Caught as {@code stale-ack-accepted}.
 */
public final class ChangeVisibilitySkipsExpiryRules extends WorkQueueRules {

    @Override
    protected boolean expiresLeasesFirst(Operation operation) {
        return operation != Operation.CHANGE_VISIBILITY;
    }
}
