package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.InstantSource;

/** Makes a fresh queue for each run: the reference, an exercise, a gallery variant or a broker adapter. */
@FunctionalInterface
public interface WorkQueueFactory {
    WorkQueue create(WorkQueueConfig config, InstantSource clock);
}
