package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Bug gallery: A receive over two shards that asks each for up to {@code max} and hands out what both
 * returned: a consumer sized for ten messages gets more, and the extra ones time out unprocessed.
 *
 * <p>Caught as {@code batch-over-max}.
 */
public final class BatchOverMaxQueue extends ForwardingWorkQueue {

    public BatchOverMaxQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        List<Delivery> both = new ArrayList<>(queue.receive(consumer, max, visibility));
        if (both.size() == max) {
            both.addAll(queue.receive(consumer, 1, visibility)); // the second shard's share
        }
        return both;
    }
}
