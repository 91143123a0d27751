package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.DedupWindow;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Bug gallery: Applies the deduplication window on a standard queue too (a client that deduplicates every send
 * that carries a dedup id): SQS's MessageDeduplicationId applies only to FIFO queues, so a standard queue's
 * producer that reuses a dedup id loses messages it was told were duplicates. Scenarios that put dedup ids
 * only on FIFO queues never show it.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupOnStandardQueue extends ForwardingWorkQueue {

    private final InstantSource clock;
    private final DedupWindow seen;

    public DedupOnStandardQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
        this.clock = clock;
        this.seen = new DedupWindow(config.dedupWindow());
    }

    @Override
    public SendOutcome send(Message message) {
        if (config().fifo() || message.dedupId() == null) {
            return queue.send(message);
        }
        Optional<String> first = seen.firstSent(message.dedupId(), clock.instant());
        if (first.isPresent()) {
            return SendOutcome.duplicateOf(first.get());
        }
        SendOutcome outcome = queue.send(message);
        seen.remember(message.dedupId(), message.id(), clock.instant());
        return outcome;
    }
}
