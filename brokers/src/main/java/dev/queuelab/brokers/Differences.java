package dev.queuelab.brokers;

import dev.queuelab.brokers.Difference.Kind;
import dev.queuelab.check.Anomaly;
import java.util.List;
import java.util.Optional;

/**
 * The known differences between each broker and the reference, each with the vendor's page that says so: the
 * one table every broker run classifies its anomalies by, and that docs/real-brokers.md prints. An anomaly no
 * row matches is classified {@link Kind#BUG}.
 */
public final class Differences {

    private Differences() {}

    private static final String SQS_DOCS = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/";
    private static final String KAFKA_DOCS = "https://kafka.apache.org/documentation/";

    /** Redis's own words on a slow subscriber's limits (redis.conf, "client-output-buffer-limit"). */
    private static final String REDIS_OUTPUT_LIMITS = "https://raw.githubusercontent.com/redis/redis/7.0/redis.conf";

    private static final String REDIS_SOFT_CRON = "Redis closes a subscriber held over its soft output buffer limit"
            + " past its seconds from its clients' cron (each client at least once a second), with no message to"
            + " append, as \"remains reached for the specified number of seconds (continuously)\" says; the reference"
            + " closes it at the next message appended to it";

    /**
     * Where the reference departs from Kafka and is being aligned right now. One place: when the reference is
     * fixed, move a row to the documented table, or delete it.
     */
    static final Kind BEING_ALIGNED = Kind.REFERENCE_BEING_ALIGNED;

    public static final List<Difference> ALL = List.of(
            // ---- Amazon SQS and ElasticMQ ----
            new Difference(
                    "sqs",
                    "stale-ack-accepted",
                    "acked",
                    Kind.DOCUMENTED_LOOSENESS,
                    "DeleteMessage with an old receipt handle succeeds (the message is not deleted when it was"
                            + " received again)",
                    SQS_DOCS + "APIReference/API_DeleteMessage.html"),
            new Difference(
                    "sqs",
                    "stale-ack-accepted",
                    "visibility",
                    Kind.VENDOR_DEPARTURE,
                    "ElasticMQ changes the visibility of a message whose lease expired; AWS answers"
                            + " MessageNotInflight",
                    SQS_DOCS + "APIReference/API_ChangeMessageVisibility.html"),
            new Difference(
                    "sqs",
                    "id-in-use",
                    "",
                    Kind.DOCUMENTED_LOOSENESS,
                    "SQS names messages itself: a producer's own id is an attribute, and SQS does not refuse a"
                            + " second message carrying one still in the queue",
                    SQS_DOCS + "APIReference/API_SendMessage.html"),
            new Difference(
                    "sqs",
                    "withheld",
                    "",
                    Kind.DOCUMENTED_LOOSENESS,
                    "a short-poll receive samples a subset of servers and may return fewer messages than are"
                            + " visible, or none",
                    SQS_DOCS + "SQSDeveloperGuide/sqs-short-and-long-polling.html"),
            new Difference(
                    "sqs",
                    "poison-blocks-queue",
                    "asked for up to",
                    Kind.DOCUMENTED_LOOSENESS,
                    "a receive may return fewer messages than MaxNumberOfMessages while more are visible (a"
                            + " short poll samples servers; a receive that dead-letters returns fewer)",
                    SQS_DOCS + "APIReference/API_ReceiveMessage.html"),
            new Difference(
                    "sqs",
                    "wrong-redrive-count",
                    "",
                    Kind.VENDOR_DEPARTURE,
                    "ElasticMQ's move of FIFO dead letters moves nothing; AWS's redrive moves them back",
                    SQS_DOCS + "SQSDeveloperGuide/sqs-configure-dead-letter-queue-redrive.html"),
            new Difference(
                    "sqs",
                    "missing-redelivery",
                    "",
                    Kind.DOCUMENTED_LOOSENESS,
                    "a short-poll receive may return fewer messages than are ready, or none: ElasticMQ's FIFO"
                            + " receive that moves a group's head to the dead-letter queue returns nothing more from"
                            + " that group, so a message behind it whose lease expired waits for the next receive",
                    SQS_DOCS + "APIReference/API_ReceiveMessage.html"),
            // ---- Apache Kafka ----
            new Difference(
                    "kafka",
                    "wrong-partition",
                    "unkeyed",
                    Kind.DOCUMENTED_LOOSENESS,
                    "a record with a null key goes to a sticky partition (KIP-480), not round-robin",
                    KAFKA_DOCS + "#producerconfigs_partitioner.class"),
            new Difference(
                    "kafka",
                    "seek-wrong",
                    "",
                    Kind.DOCUMENTED_LOOSENESS,
                    "a seek to a time after every record answers none (offsetsForTimes gives null), not the end",
                    "https://kafka.apache.org/40/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html"
                            + "#offsetsForTimes(java.util.Map)"),
            // ---- Redis pub/sub ----
            new Difference(
                    "redis",
                    "slow-subscriber-harm",
                    "held over its soft limit past its seconds",
                    Kind.DOCUMENTED_LOOSENESS,
                    REDIS_SOFT_CRON + " (so that the next publish no longer counts it)",
                    REDIS_OUTPUT_LIMITS),
            new Difference(
                    "redis",
                    "disconnect-unwarranted",
                    "held over its soft limit past its seconds",
                    Kind.DOCUMENTED_LOOSENESS,
                    REDIS_SOFT_CRON + " (so that a read finds it closed first)",
                    REDIS_OUTPUT_LIMITS),
            new Difference(
                    "redis",
                    "disconnect-missed",
                    "closed by a soft limit its buffer had left since",
                    Kind.DOCUMENTED_LOOSENESS,
                    "Redis's cron sees a subscriber's buffer back under the soft limit (after a read) and forgets"
                            + " when it was over, as \"continuously\" asks; the reference forgets only at an append,"
                            + " so it closes a client Redis keeps",
                    REDIS_OUTPUT_LIMITS));

    /** The class of an anomaly on a broker: the first row that matches, else {@link Kind#BUG}. */
    public static Optional<Difference> find(String broker, Anomaly anomaly) {
        return ALL.stream().filter(d -> d.matches(broker, anomaly)).findFirst();
    }

    public static Kind classify(String broker, Anomaly anomaly) {
        return find(broker, anomaly).map(Difference::kind).orElse(Kind.BUG);
    }
}
