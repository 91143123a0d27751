package dev.queuelab.check.implementations;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.check.Registry;
import dev.queuelab.check.TopologyChecks;
import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.gallery.log.LogGallery;
import dev.queuelab.check.log.DiskLogFactory;
import dev.queuelab.check.log.LogChecks;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.check.semantics.DeliveryChecks;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.reference.log.KafkaLog;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.util.List;

/**
 * The one place where an implementation's name ({@code -Dqueuelab.impl=...}) becomes an implementation, one
 * registry per topology: {@code work-queue.reference} (or just {@code reference}), {@code gallery.<variant>};
 * {@code log.reference}, {@code log.disk} (the reference on disk, forced per append), {@code log.gallery.<variant>}. Each entry says what it supports, so that a check
 * knows which properties apply before it makes one.
 */
public final class Implementations {

    public static final Registry<WorkQueueFactory, WorkQueueCapabilities> WORK_QUEUES =
            new Registry<>("work-queue", true);
    public static final Registry<LogFactory, LogCapabilities> LOGS = new Registry<>("log", false);

    static {
        WORK_QUEUES.add("reference", SqsWorkQueue::new, WorkQueueCapabilities.ALL);
        WorkQueueGallery.VARIANTS.forEach(v ->
                WORK_QUEUES.addVariant("gallery." + v.name(), v.factory(), WorkQueueCapabilities.ALL, v.expected()));
        WorkQueueGallery.THREAD_VARIANTS.forEach(
                v -> WORK_QUEUES.add("gallery." + v.name(), v.factory(), WorkQueueCapabilities.ALL));
        LOGS.add("reference", KafkaLog::new, KafkaLog.CAPABILITIES);
        LOGS.add("disk", new DiskLogFactory(FlushPolicy.forceEachAppend()), KafkaLog.CAPABILITIES);
        LogGallery.VARIANTS.forEach(
                v -> LOGS.addVariant("gallery." + v.name(), v.factory(), KafkaLog.CAPABILITIES, v.expected()));
    }

    /** Every topology with its implementations: what the JUnit binding and the command line run. */
    public static final List<TopologyChecks<?, ?, ?, ?, ?>> TOPOLOGIES = List.of(
            new TopologyChecks<>(WorkQueueChecks.BINDING, WORK_QUEUES),
            new TopologyChecks<>(LogChecks.BINDING, LOGS),
            new TopologyChecks<>(DeliveryChecks.BINDING, DeliveryChecks.PIPELINES));

    private Implementations() {}

    public static WorkQueueFactory workQueue(String name) {
        return WORK_QUEUES.get(name).factory();
    }

    /** Whether a name is one of the work queue's (the default topology of a bare name). */
    public static boolean isWorkQueue(String name) {
        return WORK_QUEUES.find(name).isPresent();
    }

    public static boolean isLog(String name) {
        return LOGS.find(name).isPresent();
    }

    /** Refuses a name no registry knows, listing every known one. */
    public static void requireKnown(String name) {
        if (TOPOLOGIES.stream().anyMatch(t -> t.implementations().find(name).isPresent())) {
            return; // every topology's registry answers for its own names
        }
        if (!isWorkQueue(name) && !isLog(name)) {
            throw new IllegalArgumentException("queuelab.impl '" + name + "' is not a known implementation: use one of "
                    + String.join(", ", WORK_QUEUES.names()) + ", " + String.join(", ", LOGS.names()));
        }
    }
}
