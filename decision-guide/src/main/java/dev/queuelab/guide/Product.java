package dev.queuelab.guide;

import java.util.List;

/**
 * The products the guide may name, each with its profile: which facts bound its settings, and the names its
 * own documentation gives them. Numbers are never held here: each is read from the facts registry by id, so a
 * product's limit changes in one place ({@code facts.yaml}) with its source.
 *
 * @see Profile for the numbers resolved from these ids
 */
public enum Product {
    DIRECT_CALL(
            "a direct call (HTTP or gRPC) with a timeout, retries with backoff and a circuit breaker",
            Vocabulary.NONE,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false),
    JOBS_TABLE(
            "a jobs table in the application's database, claimed with SELECT ... FOR UPDATE SKIP LOCKED",
            new Vocabulary(
                    "claim timeout (a locked_until column)",
                    "attempts column",
                    "a failed-jobs table",
                    "none",
                    "age of the oldest unclaimed job",
                    List.of(),
                    "none",
                    "none",
                    "rows in the failed-jobs table above 0"),
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false),
    SQS_STANDARD(
            "Amazon SQS (standard queue) with a dead-letter queue",
            Vocabulary.SQS_STANDARD,
            "sqs.visibility-timeout",
            "sqs.max-receive-count",
            "sqs.max-message-size",
            "sqs.retention",
            null,
            null,
            true,
            false),
    SQS_FIFO(
            "Amazon SQS FIFO (a message group per key) with a dead-letter queue",
            Vocabulary.SQS,
            "sqs.visibility-timeout",
            "sqs.max-receive-count",
            "sqs.max-message-size",
            "sqs.retention",
            "sqs-fifo.partition-throughput",
            "sqs-fifo.dedup-interval",
            true,
            false),
    SNS_SQS(
            "Amazon SNS with an SQS queue per subscriber",
            Vocabulary.SQS_STANDARD,
            "sqs.visibility-timeout",
            "sqs.max-receive-count",
            "sns.max-message-size",
            "sqs.retention",
            null,
            null,
            true,
            false),
    SNS_FIFO_SQS_FIFO(
            "Amazon SNS FIFO with an SQS FIFO queue per subscriber",
            Vocabulary.SQS,
            "sqs.visibility-timeout",
            "sqs.max-receive-count",
            "sns.max-message-size",
            "sqs.retention",
            "sqs-fifo.partition-throughput",
            "sqs-fifo.dedup-interval",
            true,
            false),
    EVENTBRIDGE(
            "Amazon EventBridge (a rule and a target queue per subscriber)",
            Vocabulary.SQS_STANDARD,
            "sqs.visibility-timeout",
            "sqs.max-receive-count",
            "eventbridge.max-entry-size",
            "sqs.retention",
            null,
            null,
            true,
            false),
    KINESIS(
            "Amazon Kinesis Data Streams",
            new Vocabulary(
                    "checkpoint interval (no lease: a shard is read in order)",
                    "MaximumRetryAttempts (Lambda event source) or retries in the consumer",
                    "an on-failure destination (an S3 bucket, SQS queue or SNS topic)",
                    "shard (partition key)",
                    "GetRecords.IteratorAgeMilliseconds",
                    List.of("BisectBatchOnFunctionError: true (when Lambda consumes)"),
                    "shard",
                    "consumer application (its own checkpoints)",
                    "records sent to the on-failure destination above 0"),
            null,
            null,
            "kinesis.record-size",
            "kinesis.retention",
            "kinesis.shard-limits",
            "kinesis.no-transactions",
            false,
            false),
    MSK(
            "Apache Kafka (Amazon MSK)",
            Vocabulary.KAFKA,
            "kafka.max-poll-interval",
            null,
            "kafka.message-max-bytes",
            "kafka.retention",
            null,
            "kafka.transactions",
            false,
            true),
    KAFKA(
            "Apache Kafka",
            Vocabulary.KAFKA,
            "kafka.max-poll-interval",
            null,
            "kafka.message-max-bytes",
            "kafka.retention",
            null,
            "kafka.transactions",
            false,
            true),
    PUBSUB(
            "Google Pub/Sub (pull subscription) with a dead-letter topic",
            new Vocabulary(
                    "ack deadline",
                    "max delivery attempts (dead-letter policy)",
                    "dead-letter topic",
                    "ordering key",
                    "oldest_unacked_message_age",
                    List.of("enable_exactly_once_delivery: true where a redelivery costs more than latency"),
                    "ordering key",
                    "subscription (its own backlog; seek to replay)",
                    "num_undelivered_messages of the dead-letter topic's subscription above 0"),
            "pubsub.ack-deadline",
            "pubsub.dead-letter",
            "pubsub.max-message-size",
            "pubsub.retention",
            "pubsub.ordering",
            "pubsub.exactly-once",
            true,
            false),
    SERVICE_BUS(
            "Azure Service Bus",
            new Vocabulary(
                    "lock duration",
                    "MaxDeliveryCount",
                    "dead-letter subqueue",
                    "session (SessionId)",
                    "ActiveMessages growing (Service Bus has no age metric) for more than",
                    List.of("RequiresDuplicateDetection: true (MessageId set by the producer)"),
                    "session",
                    "subscription",
                    "DeadletteredMessages above 0"),
            "servicebus.lock-duration",
            "servicebus.max-delivery-count",
            "servicebus.message-size",
            null,
            null,
            "servicebus.duplicate-detection",
            true,
            false),
    EVENT_HUBS(
            "Azure Event Hubs (Kafka-compatible)",
            new Vocabulary(
                    "checkpoint interval (no lease: a partition is read in order)",
                    "retries in the consumer",
                    "a dead-letter event hub written by the consumer",
                    "partition (partition key)",
                    "consumer lag per partition",
                    List.of(),
                    "partition",
                    "consumer group (its own checkpoints)",
                    "events written to the dead-letter event hub above 0"),
            null,
            null,
            "eventhubs.max-event-size",
            "eventhubs.retention",
            "eventhubs.throughput-unit",
            null,
            false,
            false),
    RABBITMQ_QUORUM(
            "RabbitMQ (quorum queue) with a dead-letter exchange",
            new Vocabulary(
                    "x-consumer-timeout (queue argument, ms)",
                    "delivery-limit",
                    "dead-letter exchange (dead-letter-strategy=at-least-once, overflow=reject-publish)",
                    "single active consumer per queue",
                    "messages_ready growing (RabbitMQ has no age metric) for more than",
                    List.of("prefetch (basic.qos): a few messages per consumer"),
                    "queue",
                    "consumer",
                    "messages_ready of the queue bound to the dead-letter exchange above 0"),
            "rabbitmq.consumer-timeout",
            "rabbitmq.delivery-limit",
            "rabbitmq.max-message-size",
            null,
            null,
            null,
            true,
            false),
    RABBITMQ_STREAMS(
            "RabbitMQ streams (a super stream)",
            new Vocabulary(
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
                    "messages written to the dead-letter stream above 0"),
            null,
            null,
            "rabbitmq.max-message-size",
            null,
            null,
            "rabbitmq.stream-deduplication",
            false,
            false),
    REDIS_STREAMS(
            "Redis Streams (consumer groups)",
            new Vocabulary(
                    "XAUTOCLAIM min-idle-time",
                    "delivery count from XPENDING, checked by the consumer",
                    "a dead-letter stream written by the consumer",
                    "stream per key range",
                    "pending entries older than the min-idle-time",
                    List.of("MAXLEN ~ on XADD: bounds memory to the retention answered"),
                    "stream",
                    "consumer group (its own pending entries)",
                    "XLEN of the dead-letter stream above 0"),
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false),
    REDIS_PUBSUB("Redis pub/sub", Vocabulary.NONE, null, null, null, null, null, null, false, false);

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
    }

    private final String label;
    private final Vocabulary vocabulary;
    final String leaseFact;
    final String attemptsFact;
    final String payloadFact;
    final String retentionFact;
    final String laneFact;
    final String exactlyOnceFact;
    private final boolean nativeDeadLetter;
    private final boolean transactional;

    Product(
            String label,
            Vocabulary vocabulary,
            String leaseFact,
            String attemptsFact,
            String payloadFact,
            String retentionFact,
            String laneFact,
            String exactlyOnceFact,
            boolean nativeDeadLetter,
            boolean transactional) {
        this.label = label;
        this.vocabulary = vocabulary;
        this.leaseFact = leaseFact;
        this.attemptsFact = attemptsFact;
        this.payloadFact = payloadFact;
        this.retentionFact = retentionFact;
        this.laneFact = laneFact;
        this.exactlyOnceFact = exactlyOnceFact;
        this.nativeDeadLetter = nativeDeadLetter;
        this.transactional = transactional;
    }

    public String label() {
        return label;
    }

    /** The product's name without its configuration: "Amazon SQS FIFO", "Apache Kafka". */
    public String brand() {
        if (this == MSK) {
            // the service the team runs is MSK: its title must not read as a self-run Kafka cluster
            return "Amazon MSK";
        }
        return label.split(" \\(| with | in the ")[0];
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The broker moves a message to a dead-letter destination itself; otherwise the consumer must. */
    public boolean nativeDeadLetter() {
        return nativeDeadLetter;
    }

    /** A consumer acknowledges (or deletes, or commits) what it received; Redis pub/sub only pushes. */
    public boolean acknowledges() {
        return this != REDIS_PUBSUB && this != DIRECT_CALL;
    }

    /** Transactions that make consume-transform-produce exactly-once inside the product. */
    public boolean transactional() {
        return transactional;
    }

    public boolean onAws() {
        return this == SQS_STANDARD
                || this == SQS_FIFO
                || this == SNS_SQS
                || this == SNS_FIFO_SQS_FIFO
                || this == EVENTBRIDGE
                || this == KINESIS
                || this == MSK;
    }

    /** The fact families (the id before its dot) that describe this product, for citing a rule's sources. */
    List<String> families() {
        return switch (this) {
            case DIRECT_CALL, JOBS_TABLE -> List.of();
            case SQS_STANDARD -> List.of("sqs");
            case SQS_FIFO -> List.of("sqs", "sqs-fifo");
            case SNS_SQS -> List.of("sns", "sqs");
            case SNS_FIFO_SQS_FIFO -> List.of("sns", "sqs", "sqs-fifo");
            case EVENTBRIDGE -> List.of("eventbridge", "sqs");
            case KINESIS -> List.of("kinesis");
            case MSK, KAFKA -> List.of("kafka");
            case PUBSUB -> List.of("pubsub");
            case SERVICE_BUS -> List.of("servicebus");
            case EVENT_HUBS -> List.of("eventhubs");
            case RABBITMQ_QUORUM, RABBITMQ_STREAMS -> List.of("rabbitmq");
            case REDIS_STREAMS, REDIS_PUBSUB -> List.of("redis");
        };
    }

    /**
     * The fact stating how many copies of each stored record the operator keeps, where the operator sets it
     * (Kafka's replication factor, a RabbitMQ stream's replicas): storage is counted once per copy. Null where the
     * service replicates on its own terms (Kinesis, Event Hubs, Pub/Sub) or the guide sources no count.
     */
    String replicationFact() {
        return switch (this) {
            case KAFKA, MSK -> "kafka.replication";
            case RABBITMQ_STREAMS -> "rabbitmq.stream-replication";
            default -> null;
        };
    }

    /** The setting that holds {@link #replicationFact()}'s count, in the product's words. */
    String replicationSetting() {
        return this == RABBITMQ_STREAMS ? "x-initial-cluster-size" : "replication.factor";
    }

    /**
     * The setting that keeps the main entity's messages, in the product's own name and unit (Kafka's retention.ms,
     * SQS's MessageRetentionPeriod), or null where the product deletes nothing on a timer of its own (a quorum
     * queue, a Service Bus entity whose time to live defaults to forever) or names its retention elsewhere (a
     * RabbitMQ stream's max-age, Redis's MAXLEN).
     */
    RetentionSetting retentionSetting() {
        return switch (this) {
            case SQS_STANDARD, SQS_FIFO -> new RetentionSetting("MessageRetentionPeriod (queue attribute)", "s");
            case SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE ->
                new RetentionSetting("MessageRetentionPeriod (each subscriber's queue)", "s");
            case KINESIS -> new RetentionSetting("RetentionPeriodHours (IncreaseStreamRetentionPeriod)", "h");
            case KAFKA, MSK -> new RetentionSetting("retention.ms (topic)", "ms");
            case PUBSUB -> new RetentionSetting("message_retention_duration (subscription)", "s");
            case EVENT_HUBS -> new RetentionSetting("MessageRetentionInDays (event hub)", "days");
            default -> null;
        };
    }

    /** A retention setting's name and the unit its value is given in ("s", "ms", "h", "days"). */
    record RetentionSetting(String name, String unit) {
        double perSecond() {
            return switch (unit) {
                case "ms" -> 1000;
                case "h" -> 1 / 3600.0;
                case "days" -> 1 / 86_400.0;
                default -> 1;
            };
        }
    }

    /** Lanes are partitions (or shards) fixed in advance, so consumers are bounded by their count. */
    public boolean partitioned() {
        return this == KINESIS || this == EVENT_HUBS || this == KAFKA || this == MSK || this == RABBITMQ_STREAMS;
    }

    public boolean sns() {
        return this == SNS_SQS || this == SNS_FIFO_SQS_FIFO;
    }

    public Profile profile() {
        return Profile.of(this);
    }
}
