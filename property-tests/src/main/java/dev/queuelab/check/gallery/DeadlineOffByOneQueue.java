package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Compares the visibility deadline with {@code isAfter}: at the deadline itself the message is still hidden, so a receive at that instant misses it (a one-tick-late redelivery).
 *
 * <p>Caught as {@code missing-redelivery}.
 */
public final class DeadlineOffByOneQueue extends SqsWorkQueue {

    public DeadlineOffByOneQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean isVisibleAgain(Instant deadline, Instant now) {
        return now.isAfter(deadline);
    }
}
