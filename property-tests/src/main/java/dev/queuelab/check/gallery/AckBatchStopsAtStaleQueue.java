package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Bug gallery: Stops a batch of acks at its first stale receipt and answers STALE for the rest, acked or
 * not: the consumer believes the later messages were refused, and they come back to be processed again.
 *
 * <p>Caught as {@code ack-refused}.
 */
public final class AckBatchStopsAtStaleQueue extends ForwardingWorkQueue {

    public AckBatchStopsAtStaleQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        List<ReceiptOutcome> out = new ArrayList<>();
        boolean stopped = false;
        for (Receipt r : receipts) {
            ReceiptOutcome outcome = stopped ? ReceiptOutcome.STALE : queue.ack(r);
            stopped |= outcome == ReceiptOutcome.STALE;
            out.add(outcome);
        }
        return out;
    }
}
