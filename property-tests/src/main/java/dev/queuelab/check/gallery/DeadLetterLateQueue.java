package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery: Dead-letters on the receive <em>after</em> the one that exceeds maxReceives: a poison message is delivered one time too many.
 *
 * <p>Caught as {@code dead-letter-late}.
 */
public final class DeadLetterLateQueue extends SqsWorkQueue {

    public DeadLetterLateQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
        return receivesSoFar > maxReceives;
    }
}
