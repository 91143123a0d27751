package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Dead-letters on the receive <em>after</em> the one that exceeds maxReceives: a poison message is delivered one time too many.
 *
 * <p>Caught as {@code dead-letter-late}.
 */
public final class DeadLetterLateRules extends WorkQueueRules {

    @Override
    protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
        return receivesSoFar > maxReceives;
    }
}
