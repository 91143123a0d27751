package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Semantic;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The guide's rules: each has an id, its reasoning, its source (fact ids, or a queuelab page that
 * demonstrates it), the predicate over the {@link Situation} that makes it fire and, for the rules that decide
 * the topology, its effect: the topology it builds and how many of the questions it read. {@link RuleEngine}
 * takes the topology from the one deciding rule whose predicate holds on the answers (exactly one does), lets
 * {@link #LOG_PRODUCT_BUILDS_A_LOG} reshape it for the product, then lists every rule that fires on the result.
 * No rule holds a product number: its predicate reads the product's {@link Profile}.
 */
public final class Rules {

    /**
     * @param decides the topology a deciding rule builds from the answers, or null for a rule that only advises
     * @param reads   how many of the questions (sync, shape, replay, ordering, semantic) a deciding rule read
     */
    public record Rule(
            String id,
            String reasoning,
            String source,
            Predicate<Situation> when,
            Function<Answers, Topology> decides,
            int reads) {

        Rule(String id, String reasoning, String source, Predicate<Situation> when) {
            this(id, reasoning, source, when, null, 0);
        }

        /**
         * The rule holds, and where it decides the topology, the record is built on its decision: per-key order on
         * a log product is a partitioned log, so distribute's work queue is not listed there.
         */
        public boolean firesOn(Situation s) {
            return when.test(s) && (decides == null || decides.apply(s.a()) == s.topology());
        }

        /** A rule whose effect is a topology. */
        public boolean isDeciding() {
            return decides != null;
        }

        /**
         * The source as this record cites it: the queuelab pages, the guide's policy and the facts about the chosen
         * product, not another product's (a Pub/Sub record does not cite SQS's message groups).
         */
        public String sourceFor(Product p) {
            List<String> kept = java.util.Arrays.stream(source.split(", "))
                    .filter(item -> {
                        String id = item.split(" ")[0];
                        if (!Facts.registry().all().containsKey(id)) {
                            return true;
                        }
                        String family = id.substring(0, id.indexOf('.'));
                        return family.equals("guide")
                                || p.families().contains(family)
                                || (family.equals("lambda") && p.onAws());
                    })
                    .toList();
            return kept.isEmpty() ? "docs/decision-guide.md" : String.join(", ", kept);
        }

        /** The reasoning in the product's words: its lease, its lane of order ({lease}, {lane} in the text). */
        public String reasoningFor(Product p) {
            return p.vocabulary().words(reasoning);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    public static final Rule NO_QUEUE_WHEN_SYNC = new Rule(
            "no-queue-when-sync",
            "The caller needs the answer now: a queue only adds a hop, a second failure path and a reply channel. "
                    + "Call the service directly with a timeout, retries with backoff and a circuit breaker.",
            "docs/work-queue.md (a work queue decouples in time; a synchronous caller gains nothing from that)",
            s -> !s.a().async(),
            a -> Topology.NONE,
            1);
    public static final Rule REPLAY_NEEDS_A_LOG = new Rule(
            "replay-needs-a-log",
            "Replay means reading past messages again: a work queue deletes a message once acked and pub/sub keeps "
                    + "nothing, so only a log with retention and consumer offsets can replay.",
            "kafka.retention, kinesis.retention, pubsub.retention, eventhubs.retention, rabbitmq.streams, "
                    + "docs/delivery-semantics.md (queuelab simulate replay-vs-work-queue)",
            s -> s.a().async() && s.a().replay(),
            a -> Topology.PARTITIONED_LOG,
            3);
    public static final Rule BROADCAST_NEEDS_FANOUT = new Rule(
            "broadcast-needs-fanout",
            "Every subscriber must get every event: give each subscriber its own durable queue behind a topic, so a "
                    + "slow or offline subscriber loses nothing and fails alone.",
            "sns.fanout, docs/pub-sub.md (what an offline, slow and failing subscriber gets in each shape)",
            s -> stored(s.a()) && s.a().broadcast() && !nothingToKeep(s.a()),
            a -> Topology.PUB_SUB_FANOUT,
            5);
    public static final Rule EPHEMERAL_WHEN_LOSS_IS_FINE = new Rule(
            "ephemeral-when-loss-is-fine",
            "Losing a message costs nothing (at-most-once, nothing to keep): ephemeral pub/sub is the cheapest fan-out.",
            "redis.pubsub, docs/pub-sub/broadcast.md (only a connected subscriber receives; a slow one is disconnected)",
            s -> stored(s.a()) && s.a().broadcast() && nothingToKeep(s.a()),
            a -> Topology.EPHEMERAL_PUB_SUB,
            5);
    public static final Rule DISTRIBUTE_WITH_A_WORK_QUEUE = new Rule(
            "distribute-with-a-work-queue",
            "Work for one of many consumers: a work queue with competing consumers, a lease ({lease}) and a dead "
                    + "letter absorbs bursts and consumer failures.",
            "work-queue/visibility (queuelab check)",
            s -> stored(s.a()) && !s.a().broadcast() && (s.a().ordered() || !smallWork(s.a())),
            a -> a.ordered() ? Topology.FIFO_WORK_QUEUE : Topology.WORK_QUEUE,
            4);
    public static final Rule SMALL_WORK_IN_APP = new Rule(
            "small-work-in-app",
            "A few messages a second on your own infrastructure: a jobs table in the database you already run is "
                    + "enough, and enqueueing can share the transaction that creates the work.",
            "guide.small-work",
            s -> stored(s.a()) && !s.a().broadcast() && !s.a().ordered() && smallWork(s.a()),
            a -> Topology.IN_APP_JOB_QUEUE,
            4);
    public static final Rule PER_KEY_ORDER_BY_PARTITION = new Rule(
            "per-key-order-by-partition",
            "Per-key order: messages of one key in send order (a key's messages share one {lane}), one in flight per "
                    + "key, while different keys flow in parallel.",
            "work-queue/fifo (queuelab check), kafka.ordering, pubsub.ordering, sqs-fifo.message-group, "
                    + "docs/delivery-semantics.md (queuelab simulate idempotent-producer-reordered, rebalance-duplicates)",
            s -> s.a().async() && s.a().ordering() == Ordering.PER_KEY);
    public static final Rule GLOBAL_ORDER_IS_ONE_LANE = new Rule(
            "global-order-is-one-lane",
            "A global order means one lane (a single {lane}): one message in flight at a time, so the whole "
                    + "flow runs at one consumer's pace (1 / p99). Most systems that ask for it need per-key order.",
            "kafka.ordering, pubsub.ordering, kinesis.shard-limits, sqs-fifo.message-group, "
                    + "sqs-fifo.partition-throughput, sqs-fifo.throughput, "
                    + "docs/delivery-semantics.md (queuelab simulate idempotent-producer-reordered)",
            s -> s.a().async() && s.a().ordering() == Ordering.GLOBAL);
    public static final Rule AT_LEAST_ONCE_WITH_IDEMPOTENCY = new Rule(
            "at-least-once-with-idempotency",
            "At-least-once plus an idempotent consumer is the honest default: redelivery after a crash is certain to "
                    + "happen, so the consumer records the id of each event it has applied (an id the producer sets, not the broker's) and skips repeats.",
            "work-queue/visibility (queuelab check: duplicates after a crash before the ack), "
                    + "docs/delivery-semantics.md (queuelab simulate at-least-once-duplicates, idempotent-consumer)",
            s -> s.queued() && s.semantic() == Semantic.AT_LEAST_ONCE);
    public static final Rule EXACTLY_ONCE_IS_IDEMPOTENCY = new Rule(
            "exactly-once-is-idempotency",
            "Exactly-once outside a transactional log is at-least-once delivery plus an idempotent effect: no broker "
                    + "can make an email unsent. The record names what the product offers and what it does not cover.",
            "kafka.transactions, pubsub.exactly-once, sqs-fifo.dedup-interval, servicebus.duplicate-detection, "
                    + "docs/delivery-semantics.md (queuelab simulate kafka-transaction-external-effect)",
            s -> s.queued() && s.a().semantic() == Semantic.EXACTLY_ONCE && !s.exactlyOnceInside());
    public static final Rule EXACTLY_ONCE_IN_THE_LOG = new Rule(
            "exactly-once-in-the-log",
            "With every effect inside the log (consume, transform, produce), transactions with read_committed give "
                    + "exactly-once; an effect outside the log is not covered.",
            "kafka.transactions, kafka.idempotence, docs/delivery-semantics.md (queuelab simulate "
                    + "kafka-transaction-in-log, zombie-producer-fenced)",
            Situation::exactlyOnceInside);
    public static final Rule AT_MOST_ONCE_ACKS_FIRST = new Rule(
            "at-most-once-acks-first",
            "At-most-once: acknowledge before processing, never retry; a crash loses the message. Right only when a "
                    + "lost message costs less than a duplicate.",
            "docs/work-queue.md (a message deleted before it is processed is never redelivered), "
                    + "docs/delivery-semantics.md (queuelab simulate at-most-once-loses, at-most-once-crash-after-ack)",
            s -> s.queued()
                    && s.a().semantic() == Semantic.AT_MOST_ONCE
                    && s.product().acknowledges());
    public static final Rule RESIST_KAFKA_WHEN_SMALL = new Rule(
            "resist-kafka-when-small",
            "Below the small-log rate a Kafka cluster is mostly operations: the guide takes a managed log, or a light "
                    + "one (RabbitMQ streams, Redis Streams) when you run your own.",
            "guide.small-log, kinesis.shard-limits, rabbitmq.streams",
            s -> s.topology() == Topology.PARTITIONED_LOG && s.a().context().throughputPerSecond() < s.smallLog());
    public static final Rule RESIST_KAFKA_WHEN_OPS_IS_LOW = new Rule(
            "resist-kafka-when-ops-is-low",
            "A low appetite for operations rules out running a Kafka cluster (brokers, partition reassignments, "
                    + "upgrades): the guide takes the platform's managed log or, on your own machines, RabbitMQ "
                    + "streams, the lighter log to run, and weighs Kafka against it; take Kafka only with a team to "
                    + "run it, or as a managed service.",
            "docs/decision-guide.md (the appetite for operations), rabbitmq.streams, kinesis.shard-limits, "
                    + "pubsub.ordering",
            s -> s.topology() == Topology.PARTITIONED_LOG
                    && s.a().context().opsAppetite() == Answers.OpsAppetite.LOW
                    && !s.product().transactional()
                    && kafkaForATeamThatRunsIt(s.a()));

    public static final Rule VISIBILITY_FROM_WORST_CASE = new Rule(
            "visibility-from-worst-case",
            "The lease (visibility timeout, ack deadline, lock duration, max.poll.interval.ms) = worst-case processing "
                    + "time x " + n("guide.lease-buffer", "factor") + " (at least +"
                    + n("guide.lease-buffer", "min-extra-seconds")
                    + " s), inside the product's range; for Lambda consumers, " + n("sqs.lambda-visibility", "factor")
                    + " times the function timeout. "
                    + "Too short turns slow jobs into duplicates; past the product's maximum, renew it while working.",
            "guide.lease-buffer, sqs.lambda-visibility, "
                    + "docs/delivery-semantics.md (queuelab simulate visibility-timeout-too-short, extend-visibility)",
            s -> s.topology().leases() || (s.topology() == Topology.PARTITIONED_LOG && s.product().leaseFact != null));
    public static final Rule THREE_TO_FIVE_RECEIVES = new Rule(
            "three-to-five-receives",
            "The deliveries before the dead letter are the attempts answered, with exponential backoff between them"
                    + " and the retry horizon they reach stated: " + n("guide.receives", "min-count") + " to "
                    + n("guide.receives", "max-count") + " ride out a transient failure without letting a poison"
                    + " message burn capacity (or block its {lane}) for long, and an outage downstream needs more,"
                    + " spread over its horizon; never outside the product's own range (Pub/Sub needs "
                    + n("pubsub.dead-letter", "min-count") + " or more), at least "
                    + n("sqs.lambda-receives", "min-count")
                    + " under Lambda, and a warning wherever the record sets another count than the answers'.",
            "guide.receives, guide.backoff, sqs.max-receive-count, pubsub.dead-letter, sqs.lambda-receives, "
                    + "docs/delivery-semantics.md (queuelab simulate poison-message-to-dlq)",
            Situation::deadLetters);
    public static final Rule ALARM_ON_DLQ_AND_AGE = new Rule(
            "alarm-on-dlq-and-age",
            "Alarm on dead-letter depth above zero and on the age of the oldest message (or consumer lag): together "
                    + "they tell a poison message from consumers that fell behind.",
            "docs/work-queue.md (statistics: dead-lettered, oldest age)",
            s -> s.queued() && s.topology() != Topology.EPHEMERAL_PUB_SUB);
    public static final Rule DEDUP_KEYS_EXPIRE = new Rule(
            "dedup-keys-expire",
            "Dedupe keys expire, but later than any redelivery (lease x attempts) or replay (retention) can bring a "
                    + "message back; the broker's own window (minutes) covers only the producer's retries.",
            "guide.dedupe-ttl, sqs-fifo.dedup-interval, docs/delivery-semantics.md (queuelab simulate "
                    + "dedupe-key-expired)",
            s -> s.queued() && s.semantic() == Semantic.AT_LEAST_ONCE);
    public static final Rule OUTBOX_FOR_DUAL_WRITES = new Rule(
            "outbox-for-dual-writes",
            "The producer writes its database and then publishes: a crash between the two loses the event, or "
                    + "publishes one for a write that rolled back. Write the event to an outbox table in the same "
                    + "transaction and relay it (or capture the change log, CDC); the relay is at-least-once.",
            "docs/delivery-semantics.md (queuelab simulate outbox-crash, outbox-mark-before-publish)",
            // a jobs table is written in the producer's own transaction: there is nothing to relay
            s -> s.queued()
                    && s.a().producer() == Answers.Producer.DB_THEN_PUBLISH
                    && s.product() != Product.JOBS_TABLE);
    public static final Rule IDEMPOTENCY_KEY_FOR_RETRIED_CALLS = new Rule(
            "idempotency-key-for-retried-calls",
            "A direct call with external effects that is retried can apply its effect twice (the first attempt may "
                    + "have succeeded after the timeout): send an idempotency key the callee stores.",
            "docs/work-queue.md (at-least-once: a retry after a lost answer is a duplicate), "
                    + "docs/delivery-semantics.md (queuelab simulate at-least-once-duplicates, idempotent-consumer)",
            s -> !s.queued()
                    && s.a().context().sideEffects() == Answers.SideEffects.EXTERNAL
                    && s.a().failure().maxAttempts() > 1);
    public static final Rule DEAD_LETTER_BREAKS_ORDER = new Rule(
            "dead-letter-breaks-order",
            "Under per-key order, moving a message to the dead letter lets the later messages of its key pass it: "
                    + "the key's order breaks. Where order matters more than progress, halt that key instead (stop "
                    + "consuming that key, alarm, repair, resume).",
            "work-queue/fifo (queuelab check), pubsub.ordering, docs/delivery-semantics.md (queuelab simulate poison-message-to-dlq)",
            s -> s.deadLetters() && s.a().ordered());
    public static final Rule CLAIM_CHECK_FOR_LARGE_PAYLOADS = new Rule(
            "claim-check-for-large-payloads",
            "The payload exceeds the product's largest message: store the body in object storage and send a "
                    + "reference (claim check); the consumer fetches it, and the store's lifecycle deletes it later.",
            "sqs.max-message-size, sns.max-message-size, servicebus.message-size",
            Situation::payloadOverLimit);

    public static final List<Rule> ALL = List.of(
            NO_QUEUE_WHEN_SYNC,
            REPLAY_NEEDS_A_LOG,
            BROADCAST_NEEDS_FANOUT,
            EPHEMERAL_WHEN_LOSS_IS_FINE,
            DISTRIBUTE_WITH_A_WORK_QUEUE,
            SMALL_WORK_IN_APP,
            PER_KEY_ORDER_BY_PARTITION,
            GLOBAL_ORDER_IS_ONE_LANE,
            AT_LEAST_ONCE_WITH_IDEMPOTENCY,
            EXACTLY_ONCE_IS_IDEMPOTENCY,
            EXACTLY_ONCE_IN_THE_LOG,
            AT_MOST_ONCE_ACKS_FIRST,
            RESIST_KAFKA_WHEN_SMALL,
            RESIST_KAFKA_WHEN_OPS_IS_LOW,
            VISIBILITY_FROM_WORST_CASE,
            THREE_TO_FIVE_RECEIVES,
            ALARM_ON_DLQ_AND_AGE,
            DEDUP_KEYS_EXPIRE,
            OUTBOX_FOR_DUAL_WRITES,
            IDEMPOTENCY_KEY_FOR_RETRIED_CALLS,
            DEAD_LETTER_BREAKS_ORDER,
            CLAIM_CHECK_FOR_LARGE_PAYLOADS);

    /**
     * The product reshapes the topology: order on a product whose lanes are partitions (Kafka, Event Hubs, a
     * RabbitMQ super stream) is a partitioned log read by one consumer group, not a FIFO queue of message groups,
     * and a log tried in place of a failing design is built as a log. Not listed in a record: its trace is the
     * decision path's "product: ..., a log".
     */
    static final Rule LOG_PRODUCT_BUILDS_A_LOG = new Rule(
            "log-product-builds-a-log",
            "Order on a log is a partition per key range read by one consumer group: the record speaks of partitions"
                    + " and offsets, not of groups and visibility.",
            "kafka.ordering, kinesis.shard-limits",
            s -> s.product().partitioned()
                    && (s.topology() == Topology.FIFO_WORK_QUEUE
                            || s.product() != Tools.choose(s.topology(), s.a()).primary()),
            a -> Topology.PARTITIONED_LOG,
            0);

    private Rules() {}

    /** Asynchronous work that is not replayed: the broadcast and distribute rules take it from here. */
    private static boolean stored(Answers a) {
        return a.async() && !a.replay();
    }

    /** At-most-once with nothing to keep: nothing is stored for a subscriber that is away. */
    private static boolean nothingToKeep(Answers a) {
        return a.semantic() == Semantic.AT_MOST_ONCE && a.context().retentionDays() == 0;
    }

    /** A few messages a second on infrastructure the team runs: the jobs table's ground. */
    private static boolean smallWork(Answers a) {
        return a.context().throughputPerSecond()
                        <= Facts.registry().get("guide.small-work").number("messages-per-second")
                && (a.context().platform() == Answers.Platform.SELF_HOSTED
                        || a.context().platform() == Answers.Platform.ANY);
    }

    /** The one deciding rule whose predicate holds on these answers (the product is not yet chosen). */
    static Rule deciding(Answers a) {
        Situation open = new Situation(a, null, null);
        List<Rule> holding = ALL.stream()
                .filter(Rule::isDeciding)
                .filter(r -> r.when().test(open))
                .toList();
        if (holding.size() != 1) {
            throw new IllegalStateException("the deciding rules must hold one at a time, not " + holding);
        }
        return holding.get(0);
    }

    /** The same answers from a team with an appetite for operations would get a Kafka cluster. */
    private static boolean kafkaForATeamThatRunsIt(Answers a) {
        Answers.Context c = a.context();
        Answers keen = new Answers(
                a.sync(),
                a.shape(),
                a.replay(),
                a.ordering(),
                a.semantic(),
                a.failure(),
                a.producer(),
                new Answers.Context(
                        c.throughputPerSecond(),
                        c.payloadKb(),
                        c.p99ProcessingSeconds(),
                        c.consumerRuntime(),
                        c.platform(),
                        c.subscribers(),
                        c.retentionDays(),
                        c.sideEffects(),
                        Answers.OpsAppetite.HIGH,
                        c.tenantFairness(),
                        c.feature(),
                        c.producerKind(),
                        c.latencyBudgetSeconds(),
                        c.bulkLoadMessages(),
                        c.minConsumerInstances()));
        Topology asked = RuleEngine.topology(keen, new java.util.ArrayList<>());
        return Tools.choose(asked, keen).primary().transactional();
    }

    /** A number in a rule's reasoning, read from the registry so the text cannot drift from the fact. */
    private static String n(String factId, String number) {
        return Numbers.plain(Facts.registry().get(factId).number(number));
    }

    static List<Rule> firing(Situation s) {
        return ALL.stream().filter(r -> r.firesOn(s)).toList();
    }
}
