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
            Vocabulary.JOBS_TABLE,
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
            Vocabulary.KINESIS,
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
            Vocabulary.PUBSUB,
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
            Vocabulary.SERVICE_BUS,
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
            Vocabulary.EVENT_HUBS,
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
            Vocabulary.RABBITMQ_QUORUM,
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
            Vocabulary.RABBITMQ_STREAMS,
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
            Vocabulary.REDIS_STREAMS,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false),
    REDIS_PUBSUB("Redis pub/sub", Vocabulary.REDIS_PUBSUB, null, null, null, null, null, null, false, false);

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

    /** Keys are hashed to a fixed set of lanes (partitions, shards, shard channels), not given one each. */
    public boolean hashesKeys() {
        return partitioned() || this == REDIS_PUBSUB;
    }

    public boolean sns() {
        return this == SNS_SQS || this == SNS_FIFO_SQS_FIFO;
    }

    public Profile profile() {
        return Profile.of(this);
    }
}
