package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;

/**
 * Bug gallery: Answers an ack it cannot match with {@code null} (a map lookup's miss passed straight
 * through) instead of STALE: a consumer that switches on the outcome fails, one that compares with
 * ACCEPTED treats it as a failure it may retry.
 *
 * <p>Caught as {@code invalid-answer}.
 */
public final class StaleAckAnswersNullQueue extends ForwardingWorkQueue {

    public StaleAckAnswersNullQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public ReceiptOutcome ack(Receipt receipt) {
        ReceiptOutcome outcome = queue.ack(receipt);
        return outcome == ReceiptOutcome.STALE ? null : outcome;
    }
}
