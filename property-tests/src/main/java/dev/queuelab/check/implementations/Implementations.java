package dev.queuelab.check.implementations;

import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where an implementation's name ({@code -Dqueuelab.impl=...}) becomes an implementation:
 * {@code reference}, or {@code gallery.<variant>} for the bug gallery.
 */
public final class Implementations {

    private static final Map<String, WorkQueueFactory> WORK_QUEUES = new LinkedHashMap<>();

    static {
        WORK_QUEUES.put("reference", SqsWorkQueue::new);
        WorkQueueGallery.VARIANTS.forEach(v -> WORK_QUEUES.put("gallery." + v.name(), v.factory()));
        WorkQueueGallery.THREAD_VARIANTS.forEach(v -> WORK_QUEUES.put("gallery." + v.name(), v.factory()));
    }

    private Implementations() {
    }

    public static WorkQueueFactory workQueue(String name) {
        WorkQueueFactory factory = WORK_QUEUES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("queuelab.impl '" + name + "' is not a known work queue: use one of "
                    + String.join(", ", WORK_QUEUES.keySet()));
        }
        return factory;
    }

    public static Iterable<String> workQueueNames() {
        return WORK_QUEUES.keySet();
    }
}
