package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Bug gallery: Splits an ackBatch of more than 10 receipts into chunks of 10 and acks them all, as a helpful
 * client library might, instead of refusing it as SQS refuses it (TooManyEntriesInBatchRequest): a consumer
 * that relies on the limit (to bound a retry, or a transaction around the batch) gets no error.
 *
 * <p>Caught as {@code invalid-answer}.
 */
public final class AckBatchInChunksQueue extends ForwardingWorkQueue {

    public AckBatchInChunksQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<ReceiptOutcome> ackBatch(List<Receipt> receipts) {
        List<ReceiptOutcome> out = new ArrayList<>();
        for (int from = 0; from < receipts.size(); from += WorkQueueConfig.MAX_BATCH) {
            out.addAll(queue.ackBatch(
                    receipts.subList(from, Math.min(receipts.size(), from + WorkQueueConfig.MAX_BATCH))));
        }
        return out;
    }
}
