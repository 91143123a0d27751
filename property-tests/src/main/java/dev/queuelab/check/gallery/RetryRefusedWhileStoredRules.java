package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;

/**
 * Bug gallery: Checks the message id before the dedup window: a FIFO producer that retries a send it is unsure
 * of (same id, same dedup id, inside the window) is refused with DuplicateMessageIdException while the first
 * is still stored, though it is answered DUPLICATE once the first is acked. SQS answers such a retry
 * "accepted successfully but not delivered" whatever became of the first; a producer told "refused" may
 * give up on a message that is in fact queued, or count it as a failure.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class RetryRefusedWhileStoredRules extends WorkQueueRules {

    @Override
    protected boolean dedupBeforeIdCheck() {
        return false;
    }
}
