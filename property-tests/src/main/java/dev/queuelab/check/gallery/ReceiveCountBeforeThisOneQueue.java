package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Bug gallery: Reports how many times a message had been received before this receive, not counting this
 * one: a consumer that gives up after "receive count 3" tries once more than it thinks.
 *
 * <p>Caught as {@code wrong-receive-count}.
 */
public final class ReceiveCountBeforeThisOneQueue extends ForwardingWorkQueue {

    public ReceiveCountBeforeThisOneQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        return queue.receive(consumer, max, visibility).stream()
                .map(d -> new Delivery(d.message(), d.receipt(), d.receiveCount() - 1))
                .toList();
    }
}
