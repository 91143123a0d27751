package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.Operation;
import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Keeps {@code stats()} free of side effects ("a getter must not change anything") and so never
 * expires leases there: a message whose deadline passed still counts as in flight, and an alarm on visible
 * messages stays quiet while they pile up.
 *
 * <p>Caught as {@code wrong-stats}.
 */
public final class StatsSkipsExpiryRules extends WorkQueueRules {

    @Override
    protected boolean expiresLeasesFirst(Operation operation) {
        return operation != Operation.STATS;
    }
}
