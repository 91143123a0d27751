package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.DedupWindow;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Bug gallery: Records a send's dedup id before the queue has validated the send: a FIFO message without a
 * group is refused, but its dedup id stays remembered, so the producer's corrected send (same dedup id, now
 * with a group) is answered as a duplicate of a message that was never enqueued, and is lost.
 *
 * <p>Caught as {@code dedup-window-violated}.
 */
public final class DedupBeforeGroupCheckQueue extends ForwardingWorkQueue {

    private final InstantSource clock;
    private final DedupWindow seen;

    public DedupBeforeGroupCheckQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
        this.clock = clock;
        this.seen = new DedupWindow(config.dedupWindow());
    }

    @Override
    public SendOutcome send(Message message) {
        if (config().fifo() && message.dedupId() != null) {
            Optional<String> first = seen.firstSent(message.dedupId(), clock.instant());
            if (first.isPresent() && message.groupId() != null) {
                return SendOutcome.duplicateOf(first.get()); // a valid send: only the remembered id is wrong
            }
            if (first.isEmpty()) {
                seen.remember(message.dedupId(), message.id(), clock.instant()); // before the send is validated
            }
        }
        return queue.send(message);
    }
}
