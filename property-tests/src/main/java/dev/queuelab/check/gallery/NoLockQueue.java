package dev.queuelab.check.gallery;

import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;

/**
 * Bug gallery (threads): Holds a fresh object's monitor in each call instead of the queue's, which is as if
 * it took no lock at all: one thread at a time it is the reference, but two threads at once corrupt its maps
 * and lanes.
 *
 * <p>Invisible to the single-threaded simulations; caught by the stress run on real threads.
 */
public final class NoLockQueue extends SqsWorkQueue {

    public NoLockQueue(WorkQueueConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected Object monitor() {
        return new Object();
    }
}
