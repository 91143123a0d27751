package dev.queuelab.learn;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.backpressure.Buffer;
import dev.queuelab.api.backpressure.BufferConfig;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.api.pubsub.exchange.Broker;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.subscription.PubSubService;
import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.api.semantics.ConsumerConfig;
import dev.queuelab.api.semantics.MessageConsumer;
import dev.queuelab.api.semantics.OutboxService;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.check.Settings;
import dev.queuelab.check.backpressure.BufferChecks;
import dev.queuelab.check.backpressure.BufferFactory;
import dev.queuelab.check.backpressure.BufferPromise;
import dev.queuelab.check.backpressure.BufferProperty;
import dev.queuelab.check.log.LogChecks;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.check.log.LogProperty;
import dev.queuelab.check.pubsub.exchange.BrokerFactory;
import dev.queuelab.check.pubsub.exchange.ExchangeChecks;
import dev.queuelab.check.pubsub.exchange.ExchangeProperty;
import dev.queuelab.check.pubsub.fanout.FanoutChecks;
import dev.queuelab.check.pubsub.fanout.FanoutProperty;
import dev.queuelab.check.pubsub.subscription.SubscriptionChecks;
import dev.queuelab.check.pubsub.subscription.SubscriptionFactory;
import dev.queuelab.check.pubsub.subscription.SubscriptionProperty;
import dev.queuelab.check.semantics.ConsumerChecks;
import dev.queuelab.check.semantics.ConsumerFactory;
import dev.queuelab.check.semantics.ConsumerPromise;
import dev.queuelab.check.semantics.ConsumerProperty;
import dev.queuelab.check.semantics.RelayChecks;
import dev.queuelab.check.semantics.RelayPromise;
import dev.queuelab.check.semantics.RelayProperty;
import dev.queuelab.check.streams.StreamChecks;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.check.streams.StreamProperty;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A chapter of the path: one topology, the contract its exercises implement, how a learner's class becomes
 * that topology's factory, and how its check runs one of its properties. The only place where the learner's
 * loop meets a topology's own checks; everything else speaks of {@link Property} and {@link CheckResult}.
 */
public enum Topology {
    WORK_QUEUE(
            "the work queue (SQS-style)",
            "queue",
            WorkQueue.class,
            WorkQueueConfig.class,
            Recap.REFERENCE,
            "lanes, leases kept by deadline, no scans",
            "docs/work-queue.md#the-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return WorkQueueProperty.byId(id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            WorkQueueFactory factory = (config, clock) -> (WorkQueue) maker.make(config, clock);
            return WorkQueueChecks.BINDING.check(
                    (WorkQueueProperty) property,
                    implName,
                    (WorkQueueCapabilities) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return ((WorkQueue) maker.make(WorkQueueConfig.standardQueue(), new SimClock())).capabilities();
        }
    },

    LOG(
            "the partitioned log (Kafka-style)",
            "log",
            PartitionedLog.class,
            LogConfig.class,
            Exercises.LOG_REFERENCE + "KafkaLog.java",
            "segments, a group coordinator, producer state per partition",
            "docs/partitioned-log.md#the-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return LogProperty.byId(id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            LogFactory factory = (config, clock) -> (PartitionedLog) maker.make(config, clock);
            return LogChecks.BINDING.check(
                    (LogProperty) property,
                    implName,
                    (LogCapabilities) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return ((PartitionedLog) maker.make(LogConfig.of(1), new SimClock())).capabilities();
        }
    },

    DISK(
            "the log on disk (Kafka-style segments)",
            "recovery",
            SegmentRecovery.class,
            null,
            Exercises.LOG_REFERENCE + "DiskLogStorage.java",
            "segment files, sparse indexes, flush policies, the clean-shutdown mark",
            "docs/durable-log.md#the-disk-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return RecoveryProperty.byId(id);
        }

        /** The crash trials, the learner's recovery in place of the reference's. */
        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            return ((RecoveryProperty) property).run(implName, maker, replay, settings);
        }
    },

    EXCHANGE(
            "pub/sub: a broker with exchanges (RabbitMQ)",
            "broker",
            Broker.class,
            null,
            Exercises.EXCHANGE_REFERENCE + "RabbitBroker.java",
            "a trie per topic exchange, channels apart from queues, dead-lettering in a class of its own",
            "docs/pub-sub/exchange.md#the-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(ExchangeProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            BrokerFactory factory = clock -> (Broker) maker.make(null, clock);
            return ExchangeChecks.BINDING.check(
                    (ExchangeProperty) property,
                    implName,
                    (ExchangeCapabilities) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return declaredConstant(maker);
        }

        @Override
        boolean clocked() {
            return true;
        }

        @Override
        String declaration() {
            return "CAPABILITIES";
        }
    },

    FANOUT(
            "pub/sub: durable fanout (SNS with SQS)",
            "topic",
            Topic.class,
            TopicConfig.class,
            Exercises.PUBSUB_REFERENCE + "fanout/SnsTopic.java",
            "each subscription an SqsWorkQueue, composed; FIFO topics with dedup across the fanout",
            "docs/pub-sub/fanout.md#gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(FanoutProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            return FanoutChecks.BINDING.check(
                    (FanoutProperty) property,
                    implName,
                    (FanoutCapabilities) capabilities,
                    (config, clock) -> (Topic) maker.make(config, clock),
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return declaredConstant(maker);
        }

        @Override
        String declaration() {
            return "CAPABILITIES";
        }
    },

    SUBSCRIPTION(
            "pub/sub: subscriptions (Google Cloud Pub/Sub)",
            "service",
            PubSubService.class,
            null,
            Exercises.PUBSUB_REFERENCE + "subscription/CloudPubSub.java",
            "leases kept by deadline, ordering keys blocked while a key-mate is out, seek and snapshots",
            "docs/pub-sub/subscription.md#the-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(SubscriptionProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            SubscriptionFactory factory = clock -> (PubSubService) maker.make(null, clock);
            return SubscriptionChecks.BINDING.check(
                    (SubscriptionProperty) property,
                    implName,
                    (SubscriptionCapabilities) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return declaredConstant(maker);
        }

        @Override
        boolean clocked() {
            return true;
        }

        @Override
        String declaration() {
            return "CAPABILITIES";
        }
    },

    STREAMS(
            "Redis Streams: consumer groups between the log and the work queue",
            "stream service",
            StreamService.class,
            null,
            Exercises.STREAMS_REFERENCE + "RedisStreams.java",
            "a stream and its groups in classes of their own, the decisions in one rules object, dead letters over the"
                    + " contract",
            "docs/redis-streams.md#the-bug-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(StreamProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            StreamFactory factory = clock -> (StreamService) maker.make(null, clock);
            return StreamChecks.BINDING.check(
                    (StreamProperty) property,
                    implName,
                    (StreamCapabilities) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        @Override
        Object declared(Maker maker) {
            return declaredConstant(maker);
        }

        @Override
        boolean clocked() {
            return true;
        }

        @Override
        String declaration() {
            return "CAPABILITIES";
        }
    },

    BACKPRESSURE(
            "delivery semantics: idempotent consumers, the outbox, backpressure",
            "buffer",
            Buffer.class,
            BufferConfig.class,
            "reference/src/main/java/dev/queuelab/reference/backpressure/BoundedBuffer.java",
            "a policy, a store and an alarm composed: block, buffer in memory or on disk, drop",
            "docs/backpressure.md#the-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(BufferProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            BufferFactory factory = (config, clock, alarm) -> {
                Buffer buffer = (Buffer) maker.make(config, clock);
                buffer.onAlarm(alarm);
                return buffer;
            };
            return BufferChecks.BINDING.check(
                    (BufferProperty) property,
                    implName,
                    (BufferPromise) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        /** A buffer declares nothing of itself: the exercise's promise is all it is held to. */
        @Override
        Object declared(Maker maker) {
            return new BufferPromise(true, true, true);
        }
    },

    CONSUMER(
            "delivery semantics: an idempotent consumer",
            "consumer",
            MessageConsumer.class,
            ConsumerConfig.class,
            "reference/src/main/java/dev/queuelab/reference/semantics/DedupingConsumer.java",
            "the effect and its mark in one transaction; on Postgres, PostgresDedupeStore.processOnce",
            "docs/delivery-semantics.md#the-exercises-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(ConsumerProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            ConsumerFactory factory = (config, clock) -> (MessageConsumer) maker.make(config, clock);
            return ConsumerChecks.BINDING.check(
                    (ConsumerProperty) property,
                    implName,
                    (ConsumerPromise) capabilities,
                    factory,
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        /** A consumer declares nothing of itself: the TTL the harness gives is all it is held to. */
        @Override
        Object declared(Maker maker) {
            return ConsumerPromise.REMEMBERS;
        }

        @Override
        Topology chapterHead() {
            return BACKPRESSURE;
        }
    },

    OUTBOX(
            "delivery semantics: the outbox relay",
            "outbox",
            OutboxService.class,
            null,
            "postgres/src/main/java/dev/queuelab/postgres/Outbox.java",
            "the same relay on a real Postgres, with FOR UPDATE SKIP LOCKED so that two relays never race",
            "docs/delivery-semantics.md#the-exercises-gallery") {
        @Override
        public Property<?, ?, ?> property(String id) {
            return byId(RelayProperty.values(), id);
        }

        @Override
        CheckResult check(
                Property<?, ?, ?> property,
                String implName,
                Object capabilities,
                Maker maker,
                LongFunction<String> replay,
                Settings settings) {
            return RelayChecks.BINDING.check(
                    (RelayProperty) property,
                    implName,
                    (RelayPromise) capabilities,
                    () -> (OutboxService) maker.make(null, null),
                    (p, impl, seed) -> replay.apply(seed),
                    settings);
        }

        /** An outbox declares nothing of itself: at-least-once is the one promise it is held to. */
        @Override
        Object declared(Maker maker) {
            return RelayPromise.AT_LEAST_ONCE;
        }

        @Override
        Topology chapterHead() {
            return BACKPRESSURE;
        }
    };

    /**
     * Makes one implementation from the learner's class: its constructor takes the topology's config and a clock
     * (or nothing, in a chapter without a config: both are then ignored).
     */
    @FunctionalInterface
    public interface Maker {
        Object make(Object config, InstantSource clock);

        /** The learner's class, for checks that load it in a JVM of their own (the kill trials); empty if unknown. */
        default Optional<Class<?>> type() {
            return Optional.empty();
        }

        /** {@code make}, knowing the learner's class. */
        static Maker of(Class<?> type, Maker make) {
            return new Maker() {
                @Override
                public Object make(Object config, InstantSource clock) {
                    return make.make(config, clock);
                }

                @Override
                public Optional<Class<?>> type() {
                    return Optional.of(type);
                }
            };
        }
    }

    private final String title;
    private final String noun;
    private final Class<?> api;
    private final Class<?> config;
    private final String reference;
    private final String shape;
    private final String gallery;

    Topology(String title, String noun, Class<?> api, Class<?> config, String reference, String shape, String gallery) {
        this.title = title;
        this.noun = noun;
        this.api = api;
        this.config = config;
        this.reference = reference;
        this.shape = shape;
        this.gallery = gallery;
    }

    /** The property of this topology with this id, or an {@link IllegalArgumentException} naming the choices. */
    public abstract Property<?, ?, ?> property(String id);

    /**
     * One property against the learner's class, with the command that replays a failing seed. The capabilities
     * are the exercise's, never the class's own: what applies is the harness's decision.
     */
    abstract CheckResult check(
            Property<?, ?, ?> property,
            String implName,
            Object capabilities,
            Maker maker,
            LongFunction<String> replay,
            Settings settings);

    /**
     * Whether a property applies to an implementation with these capabilities, as the property itself says (a
     * chapter without any: always). The property is this topology's, so its capabilities are of its own type.
     */
    @SuppressWarnings("unchecked")
    final boolean applies(Property<?, ?, ?> property, Object capabilities) {
        return capabilities == null || ((Property<?, ?, Object>) property).appliesTo(capabilities);
    }

    /** What the learner's class declares it supports, asked of a fresh instance; null in a chapter without any. */
    Object declared(Maker maker) {
        return null;
    }

    /** Where the learner's class declares its capabilities, as a story names it. */
    String declaration() {
        return "capabilities()";
    }

    /** A pub/sub property by its id, or one line naming the choices. */
    static Property<?, ?, ?> byId(Property<?, ?, ?>[] properties, String id) {
        for (Property<?, ?, ?> p : properties) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no " + properties[0].topology() + " property '" + id + "': use one of "
                + String.join(
                        ", ",
                        java.util.Arrays.stream(properties).map(Property::id).toList()));
    }

    /**
     * The topology whose chapter this one's exercises join (itself by default): delivery semantics is one chapter
     * of several contracts, numbered and titled by its first.
     */
    Topology chapterHead() {
        return this;
    }

    /** Whether the learner's constructor takes the clock alone, in a chapter without a config. */
    boolean clocked() {
        return config != null;
    }

    /**
     * What a class declares in its {@code static final CAPABILITIES} constant, for a contract that does not ask an
     * instance (the pub/sub brokers, like their references); null when the class has none.
     */
    static Object declaredConstant(Maker maker) {
        Class<?> type = maker.type().orElseThrow(() -> new IllegalStateException("the learner's class is unknown"));
        try {
            Field f = type.getDeclaredField("CAPABILITIES");
            f.setAccessible(true);
            return f.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(type.getSimpleName() + ".CAPABILITIES cannot be read", e);
        }
    }

    /**
     * The capabilities {@code required} names that {@code declared} lacks, by their record component names: every
     * topology's capabilities are a record of booleans, each true where the implementation supports it.
     */
    List<String> lacking(Object required, Object declared) {
        List<String> lacking = new ArrayList<>();
        for (RecordComponent c : required.getClass().getRecordComponents()) {
            if (c.getType() == boolean.class && flag(c, required) && !flag(c, declared)) {
                lacking.add(c.getName());
            }
        }
        return lacking;
    }

    private static boolean flag(RecordComponent c, Object capabilities) {
        try {
            return (Boolean) c.getAccessor().invoke(capabilities);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("capabilities " + capabilities + " cannot be read", e);
        }
    }

    /** The chapter's title: "the partitioned log (Kafka-style)". */
    public String title() {
        return title;
    }

    /** What one implementation is called in a story: "queue", "log". */
    public String noun() {
        return noun;
    }

    /** The interface every exercise of the chapter implements. */
    public Class<?> api() {
        return api;
    }

    /** The configuration its constructor takes, beside the clock; null when its constructor takes nothing. */
    public Class<?> config() {
        return config;
    }

    /** The production-shaped reference of the whole chapter, from the repository's root. */
    public String reference() {
        return reference;
    }

    /** How the production-shaped reference differs from the exercises, in a few words. */
    public String shape() {
        return shape;
    }

    /** The gallery of mistakes the checks catch, to read after the chapter. */
    public String gallery() {
        return gallery;
    }

    /** The chapter's exercises, in order. */
    public List<Exercise> exercises() {
        return Exercises.ALL.stream()
                .filter(e -> e.topology().chapterHead() == chapterHead())
                .toList();
    }

    /** Its number on the path, from 1. */
    public int chapter() {
        return chapterHead().ordinal() + 1;
    }
}
