package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Keeps {@code stats()} free of side effects ("a getter must not change anything") and so never
 * expires leases there: a message whose deadline passed still counts as in flight, and an alarm on visible
 * messages stays quiet while they pile up.
 *
 * <p>Caught as {@code wrong-stats}.
 */
public final class StatsSkipsExpiryQueue extends SqsWorkQueue {

    public StatsSkipsExpiryQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Instant now(String operation) {
        return operation.equals("stats") ? clock().instant() : super.now(operation);
    }
}
