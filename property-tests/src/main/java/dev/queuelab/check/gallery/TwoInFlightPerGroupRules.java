package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Lets two messages of a FIFO group be in flight at once (a prefetch of two per group): two consumers process one group's messages side by side, and their effects may land out of order.
 *
 * <p>Caught as {@code group-concurrent}.
 */
public final class TwoInFlightPerGroupRules extends WorkQueueRules {

    @Override
    protected int maxInFlightPerLane(boolean fifo) {
        return fifo ? 2 : super.maxInFlightPerLane(fifo);
    }
}
