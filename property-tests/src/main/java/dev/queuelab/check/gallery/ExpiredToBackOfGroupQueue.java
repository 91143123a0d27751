package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Deque;

/**
 * Bug gallery: Puts a FIFO message whose visibility timeout expired at the back of its group: a later message of the group overtakes it.
 *
 * <p>Caught as {@code group-reordered}.
 */
public final class ExpiredToBackOfGroupQueue extends SqsWorkQueue {

    public ExpiredToBackOfGroupQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected <T> void putBack(Deque<T> lane, T expired, Comparator<? super T> sendOrder) {
        lane.addLast(expired);
    }
}
