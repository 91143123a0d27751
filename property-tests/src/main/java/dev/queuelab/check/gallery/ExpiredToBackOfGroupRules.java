package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.util.Comparator;
import java.util.Deque;

/**
 * Bug gallery: Puts a FIFO message whose visibility timeout expired at the back of its group: a later message of the group overtakes it.
 *
 * <p>Caught as {@code group-reordered}.
 */
public final class ExpiredToBackOfGroupRules extends WorkQueueRules {

    @Override
    protected <T> void putBack(Deque<T> lane, T expired, Comparator<? super T> sendOrder, boolean fifo) {
        lane.addLast(expired);
    }
}
