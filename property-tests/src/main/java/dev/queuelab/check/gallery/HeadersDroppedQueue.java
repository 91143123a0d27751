package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * Bug gallery: Rebuilds each delivered message from its id and body only, as a mapping layer that forgot the
 * attributes would: the consumer loses the headers (a trace id, a content type) and, on FIFO, the group.
 *
 * <p>Caught as {@code message-altered}.
 */
public final class HeadersDroppedQueue extends ForwardingWorkQueue {

    public HeadersDroppedQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    public List<Delivery> receive(String consumer, int max, Duration visibility) {
        return queue.receive(consumer, max, visibility).stream()
                .map(d -> new Delivery(Message.of(d.messageId(), d.message().payload()), d.receipt(), d.receiveCount()))
                .toList();
    }
}
