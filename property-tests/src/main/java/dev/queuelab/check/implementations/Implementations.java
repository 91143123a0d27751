package dev.queuelab.check.implementations;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.pubsub.broadcast.Broadcast;
import dev.queuelab.api.pubsub.broadcast.BroadcastCapabilities;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.check.Registry;
import dev.queuelab.check.TopologyChecks;
import dev.queuelab.check.backpressure.BufferChecks;
import dev.queuelab.check.gallery.WorkQueueGallery;
import dev.queuelab.check.gallery.log.LogGallery;
import dev.queuelab.check.log.DiskLogFactory;
import dev.queuelab.check.log.LogChecks;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.check.pubsub.broadcast.BroadcastChecks;
import dev.queuelab.check.pubsub.broadcast.gallery.BroadcastGallery;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeChecks;
import dev.queuelab.check.pubsub.exchange.gallery.ExchangeGallery;
import dev.queuelab.check.pubsub.fanout.FanoutChecks;
import dev.queuelab.check.pubsub.fanout.gallery.FanoutGallery;
import dev.queuelab.check.pubsub.subscription.SubscriptionChecks;
import dev.queuelab.check.pubsub.subscription.SubscriptionFactory;
import dev.queuelab.check.pubsub.subscription.gallery.SubscriptionGallery;
import dev.queuelab.check.semantics.ConsumerChecks;
import dev.queuelab.check.semantics.DeliveryChecks;
import dev.queuelab.check.semantics.RelayChecks;
import dev.queuelab.check.streams.StreamChecks;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.check.streams.gallery.StreamGallery;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.reference.log.KafkaLog;
import dev.queuelab.reference.pubsub.broadcast.RedisBroadcast;
import dev.queuelab.reference.pubsub.exchange.RabbitBroker;
import dev.queuelab.reference.pubsub.fanout.SnsTopic;
import dev.queuelab.reference.pubsub.subscription.CloudPubSub;
import dev.queuelab.reference.streams.RedisStreams;
import dev.queuelab.reference.workqueue.SqsWorkQueue;
import java.time.InstantSource;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The one place where an implementation's name ({@code -Dqueuelab.impl=...}) becomes an implementation, one
 * registry per topology, each name prefixed by its topology: {@code work-queue.reference} (or just
 * {@code reference}) and {@code gallery.<variant>}; {@code log.reference}, {@code log.disk} (the reference on disk,
 * forced per append), {@code log.gallery.<variant>}; {@code exchange.}, {@code subscription.}, {@code fanout.},
 * {@code broadcast.}, {@code streams.}, {@code delivery.}, {@code consumer.}, {@code outbox.} and
 * {@code backpressure.} likewise. Each entry says what it supports, so that a check knows which
 * properties apply before it makes one.
 */
public final class Implementations {

    public static final Registry<WorkQueueFactory, WorkQueueCapabilities> WORK_QUEUES =
            new Registry<>("work-queue", true);
    public static final Registry<LogFactory, LogCapabilities> LOGS = new Registry<>("log", false);
    public static final Registry<BrokerFactory, ExchangeCapabilities> EXCHANGES = new Registry<>("exchange", false);
    public static final Registry<SubscriptionFactory, SubscriptionCapabilities> SUBSCRIPTIONS =
            new Registry<>("subscription", false);
    public static final Registry<BiFunction<BroadcastConfig, InstantSource, Broadcast>, BroadcastCapabilities>
            BROADCASTS = new Registry<>("broadcast", false);
    public static final Registry<BiFunction<TopicConfig, InstantSource, Topic>, FanoutCapabilities> FANOUTS =
            new Registry<>("fanout", false);
    public static final Registry<StreamFactory, StreamCapabilities> STREAMS = new Registry<>("streams", false);

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
        EXCHANGES.add("reference", RabbitBroker::new, RabbitBroker.CAPABILITIES);
        ExchangeGallery.VARIANTS.forEach(
                v -> EXCHANGES.addVariant("gallery." + v.name(), v.factory(), RabbitBroker.CAPABILITIES, v.expected()));
        SUBSCRIPTIONS.add("reference", CloudPubSub::new, CloudPubSub.CAPABILITIES);
        SubscriptionGallery.VARIANTS.forEach(v ->
                SUBSCRIPTIONS.addVariant("gallery." + v.name(), v.factory(), CloudPubSub.CAPABILITIES, v.expected()));
        SUBSCRIPTIONS.add(
                "gallery.deadline-exclusive", SubscriptionGallery.DEADLINE_EXCLUSIVE, CloudPubSub.CAPABILITIES);
        BROADCASTS.add("reference", RedisBroadcast::new, BroadcastCapabilities.ALL);
        BroadcastGallery.VARIANTS.forEach(v ->
                BROADCASTS.addVariant("gallery." + v.name(), v.factory(), BroadcastCapabilities.ALL, v.expected()));
        FANOUTS.add("reference", SnsTopic::new, FanoutCapabilities.ALL);
        FanoutGallery.VARIANTS.forEach(
                v -> FANOUTS.addVariant("gallery." + v.name(), v.factory(), FanoutCapabilities.ALL, v.expected()));
        STREAMS.add("reference", RedisStreams::new, RedisStreams.CAPABILITIES);
        StreamGallery.VARIANTS.forEach(
                v -> STREAMS.addVariant("gallery." + v.name(), v.factory(), RedisStreams.CAPABILITIES, v.expected()));
    }

    /** Every topology with its implementations: what the JUnit binding and the command line run. */
    public static final List<TopologyChecks<?, ?, ?, ?, ?>> TOPOLOGIES = List.of(
            new TopologyChecks<>(WorkQueueChecks.BINDING, WORK_QUEUES),
            new TopologyChecks<>(LogChecks.BINDING, LOGS),
            new TopologyChecks<>(ExchangeChecks.BINDING, EXCHANGES),
            new TopologyChecks<>(SubscriptionChecks.BINDING, SUBSCRIPTIONS),
            new TopologyChecks<>(BroadcastChecks.BINDING, BROADCASTS),
            new TopologyChecks<>(FanoutChecks.BINDING, FANOUTS),
            new TopologyChecks<>(DeliveryChecks.BINDING, DeliveryChecks.PIPELINES),
            new TopologyChecks<>(BufferChecks.BINDING, BufferChecks.BUFFERS),
            new TopologyChecks<>(ConsumerChecks.BINDING, ConsumerChecks.CONSUMERS),
            new TopologyChecks<>(RelayChecks.BINDING, RelayChecks.OUTBOXES),
            new TopologyChecks<>(StreamChecks.BINDING, STREAMS));

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
        if (TOPOLOGIES.stream().noneMatch(t -> t.implementations().find(name).isPresent())) {
            throw new IllegalArgumentException("queuelab.impl '" + name + "' is not a known implementation: use one of "
                    + String.join(
                            ", ",
                            TOPOLOGIES.stream()
                                    .flatMap(t -> t.implementations().names().stream())
                                    .toList()));
        }
    }
}
