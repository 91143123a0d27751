package dev.queuelab.learn;

import static dev.queuelab.check.log.LogProperty.GROUPS;
import static dev.queuelab.check.log.LogProperty.IDEMPOTENCE;
import static dev.queuelab.check.log.LogProperty.PARTITIONING;
import static dev.queuelab.check.workqueue.WorkQueueProperty.ACKS;
import static dev.queuelab.check.workqueue.WorkQueueProperty.DEAD_LETTERS;
import static dev.queuelab.check.workqueue.WorkQueueProperty.FIFO;
import static dev.queuelab.check.workqueue.WorkQueueProperty.VISIBILITY;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.fanout.FanoutCapabilities;
import dev.queuelab.api.pubsub.subscription.SubscriptionCapabilities;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.check.backpressure.BufferPromise;
import dev.queuelab.check.backpressure.BufferProperty;
import dev.queuelab.check.pubsub.exchange.ExchangeProperty;
import dev.queuelab.check.pubsub.fanout.FanoutProperty;
import dev.queuelab.check.pubsub.subscription.SubscriptionProperty;
import dev.queuelab.check.semantics.ConsumerPromise;
import dev.queuelab.check.semantics.ConsumerProperty;
import dev.queuelab.check.semantics.RelayPromise;
import dev.queuelab.check.semantics.RelayProperty;
import dev.queuelab.check.streams.StreamProperty;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exercises in teaching order, chapter by chapter (a topology each, then the log on disk): each concept
 * stands on the ones before it in its chapter.
 */
public final class Exercises {

    static final String LOG_REFERENCE = "reference/src/main/java/dev/queuelab/reference/log/";
    static final String PUBSUB_REFERENCE = "reference/src/main/java/dev/queuelab/reference/pubsub/";
    static final String EXCHANGE_REFERENCE = PUBSUB_REFERENCE + "exchange/";
    static final String BACKPRESSURE_REFERENCE = "reference/src/main/java/dev/queuelab/reference/backpressure/";
    static final String STREAMS_REFERENCE = "reference/src/main/java/dev/queuelab/reference/streams/";
    static final String SEMANTICS_REFERENCE = "reference/src/main/java/dev/queuelab/reference/semantics/";

    public static final List<Exercise> ALL = List.of(
            new Exercise(
                    1,
                    "ex01_acks",
                    "competing consumers and acks",
                    "AckQueue",
                    Topology.WORK_QUEUE,
                    List.of(ACKS),
                    new WorkQueueCapabilities(false, false),
                    "docs/work-queue.md#competing-consumers-and-acks",
                    "a message is hidden from others until its deadline; only its latest receipt deletes it (I1, I2, I4)",
                    Recap.REFERENCE,
                    List.of("receive", "ack")),
            new Exercise(
                    2,
                    "ex02_visibility",
                    "visibility timeout, redelivery and extension",
                    "VisibilityQueue",
                    Topology.WORK_QUEUE,
                    List.of(VISIBILITY, ACKS),
                    new WorkQueueCapabilities(false, false),
                    "docs/work-queue.md#visibility-timeout-and-redelivery",
                    "an unacked message comes back at its deadline, and an extension moves the deadline (I2, I3, I4)",
                    Recap.REFERENCE,
                    List.of("expireLeases", "changeVisibility")),
            new Exercise(
                    3,
                    "ex03_dead_letters",
                    "dead-letter queue and redrive",
                    "DeadLetterQueue",
                    Topology.WORK_QUEUE,
                    List.of(DEAD_LETTERS, VISIBILITY, ACKS),
                    new WorkQueueCapabilities(false, true),
                    "docs/work-queue.md#dead-letter-queue-and-redrive",
                    "the receive past maxReceives dead-letters the message; redrive brings it back with a fresh count (I5)",
                    Recap.REFERENCE,
                    List.of("receive", "redrive")),
            new Exercise(
                    4,
                    "ex04_fifo",
                    "FIFO message groups and the dedup window",
                    "FifoQueue",
                    Topology.WORK_QUEUE,
                    List.of(FIFO, DEAD_LETTERS, VISIBILITY, ACKS),
                    new WorkQueueCapabilities(true, true),
                    "docs/work-queue.md#fifo-groups-and-deduplication",
                    "a group goes out in send order without blocking others; a dedup id seen in the window is dropped"
                            + " (I6-I8)",
                    Recap.REFERENCE,
                    List.of("send", "release")),
            new Exercise(
                    5,
                    "ex05_partitions",
                    "keys, partitions and per-key order",
                    "KeyedLog",
                    Topology.LOG,
                    List.of(PARTITIONING),
                    LogCapabilities.PLAIN,
                    "docs/partitioned-log.md#exercise-5-keys-partitions-and-order",
                    "a key always lands on murmur2(key) % N, offsets are dense, and a read gives back what is there (L1-L3)",
                    LOG_REFERENCE + "Partition.java",
                    List.of("append", "read")),
            new Exercise(
                    6,
                    "ex06_offsets",
                    "committed offsets, resume and replay",
                    "CommittedLog",
                    Topology.LOG,
                    List.of(GROUPS, PARTITIONING),
                    new LogCapabilities(true, false, false, false, false),
                    "docs/partitioned-log.md#exercise-6-offsets-and-replay",
                    "a committed offset is the next to read: the group resumes exactly there, and a replay reads the same (L10)",
                    LOG_REFERENCE + "ConsumerGroup.java",
                    List.of("commit", "committed")),
            new Exercise(
                    7,
                    "ex07_groups",
                    "consumer groups and rebalancing",
                    "GroupLog",
                    Topology.LOG,
                    List.of(GROUPS, PARTITIONING),
                    new LogCapabilities(true, false, false, false, false),
                    "docs/partitioned-log.md#exercise-7-groups-and-rebalancing",
                    "each partition has one live owner per generation; a stale generation is fenced (L8, L9)",
                    LOG_REFERENCE + "ConsumerGroup.java",
                    List.of("join", "heartbeat")),
            new Exercise(
                    8,
                    "ex08_idempotence",
                    "the idempotent producer",
                    "IdempotentLog",
                    Topology.LOG,
                    List.of(IDEMPOTENCE, PARTITIONING),
                    new LogCapabilities(false, true, false, false, false),
                    "docs/partitioned-log.md#exercise-8-idempotence",
                    "a retried append is written once and answered with its offset; a gap or an old epoch is refused (L12)",
                    LOG_REFERENCE + "ProducerStateManager.java",
                    List.of("check", "written")),
            new Exercise(
                    9,
                    "ex09_recovery",
                    "recovering a segment after a crash",
                    "FrameRecovery",
                    Topology.DISK,
                    List.of(RecoveryProperty.DAMAGE, RecoveryProperty.KILL),
                    null,
                    "docs/durable-log.md#exercise-9-segment-recovery",
                    "recovery keeps the good prefix, whole frames whose CRC32C holds in offset order, and cuts the rest"
                            + " (R1-R3)",
                    LOG_REFERENCE + "CrcSegmentRecovery.java",
                    List.of("recover", "problemAt")),
            new Exercise(
                    10,
                    "ex10_topic_routing",
                    "topic routing",
                    "TopicBroker",
                    Topology.EXCHANGE,
                    List.of(ExchangeProperty.ROUTING, ExchangeProperty.CONSUMERS),
                    new ExchangeCapabilities(false, false),
                    "docs/pub-sub/exchange.md#exercise-10-topic-routing",
                    "a publish reaches exactly the queues its bindings match: '*' one word, '#' any (EX1, EX5)",
                    EXCHANGE_REFERENCE + "TopicTrie.java",
                    List.of("route", "walk")),
            new Exercise(
                    11,
                    "ex11_dead_letter_exchange",
                    "the dead-letter exchange with its reason and a delivery limit",
                    "DeadLetterBroker",
                    Topology.EXCHANGE,
                    List.of(ExchangeProperty.DEAD_LETTERS, ExchangeProperty.CONSUMERS, ExchangeProperty.ROUTING),
                    ExchangeCapabilities.ALL,
                    "docs/pub-sub/exchange.md#exercise-11-dead-letters",
                    "what a queue gives up on is dead-lettered once, with its x-death reason and count (EX6-EX9, EX12)",
                    EXCHANGE_REFERENCE + "RabbitBroker.java",
                    List.of("deadLetter", "requeue")),
            new Exercise(
                    12,
                    "ex12_fanout",
                    "fanout to durable subscriptions",
                    "FanoutTopic",
                    Topology.FANOUT,
                    List.of(FanoutProperty.DELIVERY, FanoutProperty.FILTERS),
                    new FanoutCapabilities(false),
                    "docs/pub-sub/fanout.md#exercise-12-durable-fanout",
                    "every matching subscription gets its copy, up or not; a refusal costs only its own (FO1, FO3, FO4)",
                    PUBSUB_REFERENCE + "fanout/SnsTopic.java",
                    List.of("subscribe", "publish")),
            new Exercise(
                    13,
                    "ex13_ordering_keys",
                    "ordering keys with redelivery",
                    "OrderedSubscriptions",
                    Topology.SUBSCRIPTION,
                    List.of(
                            SubscriptionProperty.ORDERING,
                            SubscriptionProperty.DELIVERY,
                            SubscriptionProperty.DEAD_LETTERS),
                    new SubscriptionCapabilities(true, true, false),
                    "docs/pub-sub/subscription.md#exercise-13-ordering-keys",
                    "a key goes out in publish order, and a failure redelivers the key's later messages after it (SB4)",
                    PUBSUB_REFERENCE + "subscription/Subscription.java",
                    List.of("fail", "revoke")),
            new Exercise(
                    14,
                    "ex14_consumer_groups",
                    "consumer groups and the pending entries list",
                    "GroupStreams",
                    Topology.STREAMS,
                    List.of(StreamProperty.GROUPS, StreamProperty.IDS),
                    StreamCapabilities.GROUPS,
                    "docs/redis-streams.md#exercise-14-consumer-groups",
                    "> hands each entry out once per group; the PEL keeps it with its reader until acked (RS3-RS5, RS9)",
                    STREAMS_REFERENCE + "ConsumerGroup.java",
                    List.of("readNew", "readOwn")),
            new Exercise(
                    15,
                    "ex15_claims",
                    "claiming from a crashed consumer, and the dead-letter stream",
                    "ClaimingStreams",
                    Topology.STREAMS,
                    List.of(
                            StreamProperty.CLAIMS,
                            StreamProperty.DEAD_LETTERS,
                            StreamProperty.TRIMMING,
                            StreamProperty.GROUPS),
                    StreamCapabilities.ALL,
                    "docs/redis-streams.md#exercise-15-claims",
                    "a claim waits for min-idle and counts a delivery; N deliveries move it to s:dead (RS6, RS7, RS10)",
                    STREAMS_REFERENCE + "ConsumerGroup.java",
                    List.of("claim", "autoClaim")),
            new Exercise(
                    16,
                    "ex16_consumer",
                    "an idempotent consumer with a TTL dedupe store",
                    "IdempotentConsumer",
                    Topology.CONSUMER,
                    List.of(ConsumerProperty.IDEMPOTENT, ConsumerProperty.TTL),
                    ConsumerPromise.REMEMBERS,
                    "docs/delivery-semantics.md#exercise-16-idempotent-consumer",
                    "the effect and its mark commit together, the ack after, and a mark is swept at its TTL (IC1-IC4)",
                    SEMANTICS_REFERENCE + "DedupingConsumer.java",
                    List.of("consume", "remembered")),
            new Exercise(
                    17,
                    "ex17_backpressure",
                    "a blocking buffer with a depth alarm",
                    "BlockingBuffer",
                    Topology.BACKPRESSURE,
                    List.of(BufferProperty.BOUND, BufferProperty.CONSERVATION, BufferProperty.ALARM),
                    BufferPromise.BLOCK,
                    "docs/backpressure.md#exercise-17-a-blocking-buffer",
                    "a full buffer makes offers wait, in order, until space or timeout; the alarm has hysteresis (BP1-BP4,"
                            + " AL1)",
                    BACKPRESSURE_REFERENCE + "BoundedBuffer.java",
                    List.of("offer", "poll")),
            new Exercise(
                    18,
                    "ex18_open_challenge",
                    "open challenge: a bounded buffer of your own design",
                    "OverloadBuffer",
                    Topology.BACKPRESSURE,
                    List.of(BufferProperty.BOUND, BufferProperty.CONSERVATION, BufferProperty.ALARM),
                    BufferPromise.DROP,
                    "docs/backpressure.md#exercise-18-open-challenge",
                    "under overload your buffer keeps its bound and says what became of every message (BP1-BP3, AL2)",
                    BACKPRESSURE_REFERENCE + "BoundedBuffer.java",
                    List.of("offer", "restart")),
            new Exercise(
                    19,
                    "ex19_outbox_relay",
                    "the outbox relay",
                    "OutboxRelay",
                    Topology.OUTBOX,
                    List.of(RelayProperty.CRASHES),
                    RelayPromise.AT_LEAST_ONCE,
                    "docs/delivery-semantics.md#exercise-19-outbox-relay",
                    "no crash loses a committed message or publishes an uncommitted one; repeats follow crashes (RL1-RL4)",
                    SEMANTICS_REFERENCE + "TransactionalOutbox.java",
                    List.of("relay", "placeOrder")));

    private Exercises() {}

    /** The exercise with this number or slug ("2", "ex02_visibility"), or a clear error naming the choices. */
    public static Exercise find(String key) {
        for (Exercise e : ALL) {
            if (String.valueOf(e.number()).equals(key.trim()) || e.slug().equals(key.trim())) {
                return e;
            }
        }
        throw new LearnerException("there is no exercise '" + key + "': use a number from 1 to " + ALL.size()
                + " (" + ALL.stream().map(e -> e.number() + " " + e.slug()).collect(Collectors.joining(", "))
                + "); queuelab exercises lists them");
    }

    /** The chapters that have exercises, in order, each by the topology that heads it. */
    public static List<Topology> chapters() {
        return ALL.stream().map(e -> e.topology().chapterHead()).distinct().toList();
    }
}
