package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Forgets to expire leases at the start of changeVisibility (every other method does): a
 * consumer whose deadline has passed can still extend its lease, as long as nothing else touched the queue
 * since. A checker that reads the statistics after every step never sees it: its read does the expiry.
 *
 * <p>Caught as {@code stale-ack-accepted}.
 */
public final class ChangeVisibilitySkipsExpiryQueue extends SqsWorkQueue {

    public ChangeVisibilitySkipsExpiryQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Instant now(String operation) {
        return operation.equals("changeVisibility") ? clock().instant() : super.now(operation);
    }
}
