package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bug gallery: Hands a receive's batch out last first (a layer that collects deliveries on a stack): one
 * message of a FIFO group per receive looks right, but a batch of several of one group comes out of send order.
 * Scenarios whose receives rarely hold more than one of a group never show it.
 *
 * <p>Caught as {@code group-reordered}.
 */
public final class BatchReversedQueue extends ForwardingWorkQueue {

    public BatchReversedQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        List<Delivery> batch = new ArrayList<>(queue.receive(consumer, max, visibility));
        Collections.reverse(batch);
        return batch;
    }
}
