package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery: Counts a changeVisibility timeout from the original receive instead of from now: a consumer that extends its lease late gets less time than it asked for, and the message is redelivered under it.
 *
 * <p>Caught as {@code early-redelivery}.
 */
public final class ExtensionFromReceiveQueue extends SqsWorkQueue {

    public ExtensionFromReceiveQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Instant extensionStart(Instant receivedAt, Instant now) {
        return receivedAt;
    }
}
