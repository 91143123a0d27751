package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Instant;

/**
 * Bug gallery: Counts a changeVisibility timeout from the original receive instead of from now: a consumer that extends its lease late gets less time than it asked for, and the message is redelivered under it.
 *
 * <p>Caught as {@code early-redelivery}.
 */
public final class ExtensionFromReceiveRules extends WorkQueueRules {

    @Override
    protected Instant extensionStart(Instant receivedAt, Instant now) {
        return receivedAt;
    }
}
