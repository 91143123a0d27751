package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery: Lets two messages of a FIFO group be in flight at once (a prefetch of two per group): two consumers process one group's messages side by side, and their effects may land out of order.
 *
 * <p>Caught as {@code group-concurrent}.
 */
public final class TwoInFlightPerGroupQueue extends SqsWorkQueue {

    public TwoInFlightPerGroupQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected int maxInFlightPerLane() {
        return config().fifo() ? 2 : super.maxInFlightPerLane();
    }
}
