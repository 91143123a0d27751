package dev.queuelab.guide;

import java.util.List;

/**
 * What the product calls each setting.
 *
 * @param lease      the time a delivery is held before it is given to another consumer
 * @param attempts   the count of deliveries before a message is dead-lettered
 * @param deadLetter where failed messages go
 * @param lane       the unit of order (one in flight at a time)
 * @param ageAlarm   the metric that shows consumers falling behind
 * @param extra      settings the product needs beyond those, in its own words
 * @param laneUnit   the lane as a plain noun ("message group", "ordering key", "session", "partition"), or
 *                   "none" where the product keeps no order: what a record says a key's order lives in
 * @param reader     who reads every message for one subscriber, with what it keeps ("consumer group (its own
 *                   offsets)", "subscription (its own backlog; seek to replay)")
 * @param deadLetterAlarm the alarm that shows something was dead-lettered, on a thing that has a depth (a
 *                   queue, a subscription, a stream), never on an exchange or a topic, which keep nothing
 */
public record Vocabulary(
        String lease,
        String attempts,
        String deadLetter,
        String lane,
        String ageAlarm,
        List<String> extra,
        String laneUnit,
        String reader,
        String deadLetterAlarm) {
    /** The lane's plural ("message groups", "ordering keys"). */
    public String lanes() {
        return laneUnit + "s";
    }

    /** The lease as a plain noun, without its notes ("x-consumer-timeout", not "... (queue argument, ms)"). */
    public String leaseWord() {
        return lease.split(" \\(")[0];
    }

    /**
     * A text with the product's words put in: {lane}, {lanes}, {lease}, {reader}. A sentence in brackets that
     * speaks of the lane is dropped where the product keeps no order, so no record speaks of groups it has not.
     */
    public String words(String text) {
        String t = text;
        if (laneUnit.equals("none")) {
            t = t.replaceAll(" ?\\([^()]*\\{lanes?\\}[^()]*\\)", "");
        }
        return t.replace("{lanes}", lanes())
                .replace("{lane}", laneUnit)
                .replace("{lease}", leaseWord())
                .replace("{reader}", reader.split(" \\(")[0]);
    }

    static final Vocabulary NONE =
            new Vocabulary("none", "none", "none", "none", "none", List.of(), "none", "none", "none");
    /**
     * Redis pub/sub keeps no acks, dead letters or positions, but a channel delivers in publish order to each of its
     * subscribers: a key's order is kept by hashing it to one of a set of shard channels, each read by one instance
     * of a subscriber, which also spreads a subscriber's load over its instances.
     */
    static final Vocabulary REDIS_PUBSUB = new Vocabulary(
            "none",
            "none",
            "none",
            "shard channel (SPUBLISH and SSUBSCRIBE, each read by one instance of a subscriber)",
            "none",
            List.of(),
            "shard channel",
            "none",
            "none");

    static final Vocabulary SQS = new Vocabulary(
            "visibility timeout",
            "maxReceiveCount (redrive policy)",
            "dead-letter queue (redrive policy)",
            "message group (MessageGroupId)",
            "ApproximateAgeOfOldestMessage",
            List.of(),
            "message group",
            "queue",
            "ApproximateNumberOfMessagesVisible of the dead-letter queue above 0");
    /** A standard queue keeps no order: a MessageGroupId there gives fair queues, not order. */
    static final Vocabulary SQS_STANDARD = new Vocabulary(
            SQS.lease(),
            SQS.attempts(),
            SQS.deadLetter(),
            "none",
            SQS.ageAlarm(),
            List.of(),
            "none",
            SQS.reader(),
            SQS.deadLetterAlarm());

    static final Vocabulary KAFKA = new Vocabulary(
            "max.poll.interval.ms",
            "retries in retry topics (with backoff)",
            "dead-letter topic",
            "partition",
            "consumer lag (records and seconds behind the head)",
            List.of("enable.idempotence: true (producers)", "acks: all (producers)"),
            "partition",
            "consumer group (its own offsets)",
            "records written to the dead-letter topic above 0");

    static final Vocabulary JOBS_TABLE = new Vocabulary(
            "claim timeout (a locked_until column)",
            "attempts column",
            "a failed-jobs table",
            "none",
            "age of the oldest unclaimed job",
            List.of(),
            "none",
            "none",
            "rows in the failed-jobs table above 0");

    static final Vocabulary KINESIS = new Vocabulary(
            "checkpoint interval (no lease: a shard is read in order)",
            "MaximumRetryAttempts (Lambda event source) or retries in the consumer",
            "an on-failure destination (an S3 bucket, SQS queue or SNS topic)",
            "shard (partition key)",
            "GetRecords.IteratorAgeMilliseconds",
            List.of("BisectBatchOnFunctionError: true (when Lambda consumes)"),
            "shard",
            "consumer application (its own checkpoints)",
            "records sent to the on-failure destination above 0");

    static final Vocabulary PUBSUB = new Vocabulary(
            "ack deadline",
            "max delivery attempts (dead-letter policy)",
            "dead-letter topic",
            "ordering key",
            "oldest_unacked_message_age",
            List.of("enable_exactly_once_delivery: true where a redelivery costs more than latency"),
            "ordering key",
            "subscription (its own backlog; seek to replay)",
            "num_undelivered_messages of the dead-letter topic's subscription above 0");

    static final Vocabulary SERVICE_BUS = new Vocabulary(
            "lock duration",
            "MaxDeliveryCount",
            "dead-letter subqueue",
            "session (SessionId)",
            "ActiveMessages growing (Service Bus has no age metric) for more than",
            List.of("RequiresDuplicateDetection: true (MessageId set by the producer)"),
            "session",
            "subscription",
            "DeadletteredMessages above 0");

    static final Vocabulary EVENT_HUBS = new Vocabulary(
            "checkpoint interval (no lease: a partition is read in order)",
            "retries in the consumer",
            "a dead-letter event hub written by the consumer",
            "partition (partition key)",
            "consumer lag per partition",
            List.of(),
            "partition",
            "consumer group (its own checkpoints)",
            "events written to the dead-letter event hub above 0");

    static final Vocabulary RABBITMQ_QUORUM = new Vocabulary(
            "x-consumer-timeout (queue argument, ms)",
            "delivery-limit",
            "dead-letter exchange (dead-letter-strategy=at-least-once, overflow=reject-publish)",
            "single active consumer per queue",
            "messages_ready growing (RabbitMQ has no age metric) for more than",
            List.of("prefetch (basic.qos): a few messages per consumer"),
            "queue",
            "consumer",
            "messages_ready of the queue bound to the dead-letter exchange above 0");

    static final Vocabulary RABBITMQ_STREAMS = new Vocabulary(
            "none (a stream is read from an offset)",
            "retries in the consumer",
            "a dead-letter stream written by the consumer",
            "super stream partition (routing key)",
            "consumer offset lag",
            List.of(
                    "single active consumer: on, per partition (every reader of a stream reads all of it, so competing "
                            + "consumers take partitions)",
                    "max-age and max-length-bytes: the retention answered"),
            "partition",
            "named consumer (its own offsets)",
            "messages written to the dead-letter stream above 0");

    static final Vocabulary REDIS_STREAMS = new Vocabulary(
            "XAUTOCLAIM min-idle-time",
            "delivery count from XPENDING, checked by the consumer",
            "a dead-letter stream written by the consumer",
            "stream per key range",
            "pending entries older than the min-idle-time",
            List.of("MAXLEN ~ on XADD: bounds memory to the retention answered"),
            "stream",
            "consumer group (its own pending entries)",
            "XLEN of the dead-letter stream above 0");
}
