package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery: Counts receives from zero where SQS counts from one: a message is dead-lettered one receive before maxReceives is used up.
 *
 * <p>Caught as {@code dead-letter-early}.
 */
public final class DeadLetterEarlyQueue extends SqsWorkQueue {

    public DeadLetterEarlyQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
        return receivesSoFar >= maxReceives - 1;
    }
}
