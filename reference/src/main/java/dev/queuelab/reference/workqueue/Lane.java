package dev.queuelab.reference.workqueue;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A lane of {@link SqsWorkQueue}: a FIFO group's waiting messages in send order, or, in a standard queue, all
 * of them in one lane with no limit in flight. {@code queued} says whether it sits in the queue's ready list.
 * Thread-safety: none of its own; the queue's monitor guards it.
 */
final class Lane {
    final String key;
    final Deque<Stored> waiting = new ArrayDeque<>();
    int inFlight;
    boolean queued;

    Lane(String key) {
        this.key = key;
    }
}
