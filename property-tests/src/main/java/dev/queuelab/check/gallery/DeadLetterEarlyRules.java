package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Counts receives from zero where SQS counts from one: a message is dead-lettered one receive before maxReceives is used up.
 *
 * <p>Caught as {@code dead-letter-early}.
 */
public final class DeadLetterEarlyRules extends WorkQueueRules {

    @Override
    protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
        return receivesSoFar >= maxReceives - 1;
    }
}
