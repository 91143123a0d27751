package dev.queuelab.guide;

import java.util.List;

/**
 * Which product serves a topology on a platform. Products are named here; their numbers and defaults live
 * in the facts registry, cited by id.
 */
final class Tools {

    /** A primary product, alternatives, and the facts that back the choice. */
    record Choice(String primary, List<String> alternatives, List<String> facts) {
    }

    private Tools() {
    }

    static Choice choose(String topology, Answers a) {
        String platform = a.context().platform();
        boolean managed = a.context().opsAppetite().equals("low");
        boolean aws = platform.equals("aws") || (platform.equals("any") && managed);
        boolean gcp = platform.equals("gcp");
        boolean azure = platform.equals("azure");
        boolean small = a.context().throughputPerSecond() < 1000;
        return switch (topology) {
            case "none" -> new Choice("a direct call (HTTP or gRPC) with a timeout, retries with backoff and a circuit breaker",
                    List.of("a request/reply queue only if the callee is often down for longer than the caller can wait"), List.of());
            case "in-app-job-queue" -> new Choice("a jobs table in the application's database, claimed with SELECT ... FOR UPDATE SKIP LOCKED",
                    List.of("Amazon SQS", "RabbitMQ (quorum queue)"), List.of("rabbitmq.quorum-queues"));
            case "work-queue" -> aws ? new Choice("Amazon SQS (standard queue) with a dead-letter queue",
                    List.of("RabbitMQ (quorum queue)", "Google Pub/Sub (pull subscription)"), List.of("sqs.visibility-timeout", "sqs.max-message-size"))
                    : gcp ? new Choice("Google Pub/Sub (pull subscription) with a dead-letter topic",
                    List.of("RabbitMQ (quorum queue)"), List.of("pubsub.ack-deadline", "pubsub.dead-letter"))
                    : azure ? new Choice("Azure Service Bus (queue)", List.of("RabbitMQ (quorum queue)"), List.of())
                    : new Choice("RabbitMQ (quorum queue) with a dead-letter exchange",
                    List.of("Redis Streams (consumer group)", "Amazon SQS"), List.of("rabbitmq.quorum-queues", "rabbitmq.dead-lettering"));
            case "fifo-work-queue" -> aws ? new Choice("Amazon SQS FIFO (a message group per key) with a dead-letter queue",
                    List.of("Amazon Kinesis Data Streams (partition key)", "Apache Kafka (key-partitioned topic)"),
                    List.of("sqs-fifo.throughput", "sqs-fifo.dedup-interval"))
                    : gcp ? new Choice("Google Pub/Sub with ordering keys", List.of("Apache Kafka (key-partitioned topic)"),
                    List.of("pubsub.ordering"))
                    : azure ? new Choice("Azure Service Bus (queue with sessions per key)", List.of("Apache Kafka (key-partitioned topic)"), List.of())
                    : new Choice(small ? "Redis Streams (a stream per key range, one consumer each)" : "Apache Kafka (key-partitioned topic)",
                    List.of("RabbitMQ (single active consumer per queue)"), List.of(small ? "redis.streams" : "kafka.ordering"));
            case "pub-sub-fanout" -> aws ? new Choice(a.ordering().equals("none") ? "Amazon SNS with an SQS queue per subscriber"
                    : "Amazon SNS FIFO with an SQS FIFO queue per subscriber", List.of("Amazon EventBridge", "Apache Kafka"),
                    List.of("sns.fanout"))
                    : gcp ? new Choice("Google Pub/Sub (a subscription per subscriber)", List.of("Apache Kafka"), List.of("pubsub.dead-letter"))
                    : azure ? new Choice("Azure Service Bus (topic with a subscription per subscriber)", List.of("Apache Kafka"), List.of())
                    : new Choice("RabbitMQ (fanout exchange with a quorum queue per subscriber)", List.of("Apache Kafka",
                    "Redis Streams (a consumer group per subscriber)"), List.of("rabbitmq.quorum-queues"));
            case "ephemeral-pub-sub" -> new Choice("Redis pub/sub", List.of("NATS core (at-most-once subjects)"), List.of("redis.pubsub"));
            default -> aws ? new Choice(small || managed ? "Amazon Kinesis Data Streams" : "Apache Kafka (Amazon MSK)",
                    List.of("Apache Kafka (Amazon MSK)", "Amazon Kinesis Data Streams"), List.of("kinesis.retention", "kinesis.shard-limits"))
                    : gcp ? new Choice("Apache Kafka (a managed service on Google Cloud)", List.of("Google Pub/Sub with retention and seek"),
                    List.of("kafka.retention", "pubsub-lite.deprecated"))
                    : azure ? new Choice("Azure Event Hubs (Kafka-compatible)", List.of("Apache Kafka"), List.of("kafka.retention"))
                    : small ? new Choice("RabbitMQ streams", List.of("Redis Streams", "Apache Kafka"), List.of("rabbitmq.streams", "redis.streams"))
                    : new Choice("Apache Kafka", List.of("Redpanda", "RabbitMQ streams"), List.of("kafka.retention", "kafka.ordering"));
        };
    }
}
