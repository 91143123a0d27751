package dev.queuelab.guide;

import java.util.List;

/**
 * The guide's rules: each has an id, its reasoning and its source (a fact id, or a queuelab page that
 * demonstrates it). {@link Recommender} fires them; the ADR lists the ones that fired.
 */
public final class Rules {

    public record Rule(String id, String reasoning, String source) {
    }

    public static final Rule NO_QUEUE_WHEN_SYNC = new Rule("no-queue-when-sync",
            "The caller needs the answer now: a queue only adds a hop, a second failure path and a reply channel. "
                    + "Call the service directly with a timeout, retries with backoff and a circuit breaker.",
            "docs/work-queue.md (a work queue decouples in time; a synchronous caller gains nothing from that)");
    public static final Rule REPLAY_NEEDS_A_LOG = new Rule("replay-needs-a-log",
            "Replay means reading past messages again: a work queue deletes a message once acked and pub/sub keeps "
                    + "nothing, so only a log with retention and consumer offsets can replay.",
            "kafka.retention, kinesis.retention, rabbitmq.streams");
    public static final Rule BROADCAST_NEEDS_FANOUT = new Rule("broadcast-needs-fanout",
            "Every subscriber must get every event: give each subscriber its own durable queue behind a topic, so a "
                    + "slow or offline subscriber loses nothing and fails alone.",
            "sns.fanout");
    public static final Rule EPHEMERAL_WHEN_LOSS_IS_FINE = new Rule("ephemeral-when-loss-is-fine",
            "At-most-once broadcast with nothing to keep (cache invalidation, presence): ephemeral pub/sub is the "
                    + "cheapest fit; offline subscribers miss messages, by design.",
            "redis.pubsub");
    public static final Rule DISTRIBUTE_WITH_A_WORK_QUEUE = new Rule("distribute-with-a-work-queue",
            "Work to spread over competing consumers: a work queue hands each message to one consumer and keeps it "
                    + "until acked; a crashed consumer's message comes back after its visibility timeout.",
            "work-queue/visibility (queuelab check), sqs.visibility-timeout");
    public static final Rule SMALL_WORK_IN_APP = new Rule("small-work-in-app",
            "At ten messages a second or fewer, with no cloud queue at hand, a jobs table in the database you already "
                    + "run is a queue with no new moving part (workers claim rows with SELECT ... FOR UPDATE SKIP LOCKED).",
            "docs/work-queue.md (the same invariants hold for a jobs table)");
    public static final Rule PER_KEY_ORDER_BY_PARTITION = new Rule("per-key-order-by-partition",
            "Per-key ordering means key partitions (a log) or FIFO message groups (a queue): messages of one key in "
                    + "send order, one in flight per key, while different keys flow in parallel.",
            "work-queue/fifo (queuelab check), kafka.ordering, pubsub.ordering");
    public static final Rule GLOBAL_ORDER_IS_ONE_LANE = new Rule("global-order-is-one-lane",
            "A global order means one partition or one message group: one consumer at a time, so throughput is one "
                    + "consumer's. Most systems that ask for it need per-key order.",
            "kafka.ordering, sqs-fifo.throughput");
    public static final Rule AT_LEAST_ONCE_WITH_IDEMPOTENCY = new Rule("at-least-once-with-idempotency",
            "At-least-once plus an idempotent consumer is the honest default: redelivery after a crash is certain to "
                    + "happen, so the consumer records each message id it has applied and skips repeats.",
            "work-queue/visibility (queuelab check: duplicates after a crash before the ack)");
    public static final Rule EXACTLY_ONCE_IS_IDEMPOTENCY = new Rule("exactly-once-is-idempotency",
            "Exactly-once with effects outside the system is impossible without idempotency: no broker can make an "
                    + "email unsent. Build at-least-once delivery with an idempotent consumer; pass the key downstream.",
            "kafka.transactions, pubsub.exactly-once");
    public static final Rule EXACTLY_ONCE_IN_THE_LOG = new Rule("exactly-once-in-the-log",
            "With every effect inside the log (consume, transform, produce), transactions with read_committed give "
                    + "exactly-once.",
            "kafka.transactions, kafka.idempotence");
    public static final Rule AT_MOST_ONCE_ACKS_FIRST = new Rule("at-most-once-acks-first",
            "At-most-once: acknowledge before processing, never retry; a crash loses the message. Right only when a "
                    + "lost message costs less than a duplicate.",
            "redis.pubsub");
    public static final Rule RESIST_KAFKA_WHEN_SMALL = new Rule("resist-kafka-when-small",
            "Below a thousand messages a second a Kafka cluster is mostly operations: take a managed log, or a light "
                    + "one (Redis Streams, RabbitMQ streams) when you run your own.",
            "kinesis.shard-limits, redis.streams, rabbitmq.streams");
    public static final Rule VISIBILITY_FROM_WORST_CASE = new Rule("visibility-from-worst-case",
            "Visibility timeout = worst-case processing time plus a buffer (half again, at least 10 s); for "
                    + "serverless consumers, 6 times the function timeout. Too short turns slow jobs into duplicates.",
            "sqs.visibility-timeout, sqs.lambda-visibility");
    public static final Rule THREE_TO_FIVE_RECEIVES = new Rule("three-to-five-receives",
            "3 to 5 receives before the dead-letter queue: enough to ride out a transient failure, few enough that a "
                    + "poison message does not burn capacity (or block its group) for long.",
            "work-queue/dead-letters (queuelab check), sqs.max-receive-count");
    public static final Rule ALARM_ON_DLQ_AND_AGE = new Rule("alarm-on-dlq-and-age",
            "Alarm on dead-letter queue depth above zero and on the age of the oldest message: together they tell "
                    + "a poison message from consumers that fell behind.",
            "docs/work-queue.md (statistics: dead-lettered, oldest age)");
    public static final Rule DEDUP_KEYS_EXPIRE = new Rule("dedup-keys-expire",
            "Dedupe keys expire: keep them 24 h to 7 days, longer than any redelivery or replay you expect, short "
                    + "enough that the store stays small.",
            "sqs-fifo.dedup-interval (the broker's own window is only 5 minutes)");

    public static final List<Rule> ALL = List.of(NO_QUEUE_WHEN_SYNC, REPLAY_NEEDS_A_LOG, BROADCAST_NEEDS_FANOUT,
            EPHEMERAL_WHEN_LOSS_IS_FINE, DISTRIBUTE_WITH_A_WORK_QUEUE, SMALL_WORK_IN_APP, PER_KEY_ORDER_BY_PARTITION,
            GLOBAL_ORDER_IS_ONE_LANE, AT_LEAST_ONCE_WITH_IDEMPOTENCY, EXACTLY_ONCE_IS_IDEMPOTENCY, EXACTLY_ONCE_IN_THE_LOG,
            AT_MOST_ONCE_ACKS_FIRST, RESIST_KAFKA_WHEN_SMALL, VISIBILITY_FROM_WORST_CASE, THREE_TO_FIVE_RECEIVES,
            ALARM_ON_DLQ_AND_AGE, DEDUP_KEYS_EXPIRE);

    private Rules() {
    }
}
