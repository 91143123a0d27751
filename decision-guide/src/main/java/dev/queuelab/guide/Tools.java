package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Platform;
import java.util.List;

/** Which product serves a topology on a platform, and which others to weigh against it. */
final class Tools {

    /** A primary product and the alternatives the record weighs against it (never the primary again). */
    record Choice(Product primary, List<Product> alternatives) {
        Choice {
            alternatives =
                    alternatives.stream().filter(p -> p != primary).distinct().toList();
        }
    }

    private Tools() {}

    static Choice choose(Topology topology, Answers a) {
        Platform platform = a.context().platform();
        boolean managed = a.context().opsAppetite() == Answers.OpsAppetite.LOW;
        boolean aws = platform == Platform.AWS || (platform == Platform.ANY && managed);
        boolean gcp = platform == Platform.GCP;
        boolean azure = platform == Platform.AZURE;
        boolean small = a.context().throughputPerSecond()
                < Facts.registry().get("guide.small-log").number("messages-per-second");
        return switch (topology) {
            case NONE -> new Choice(Product.DIRECT_CALL, List.of());
            case IN_APP_JOB_QUEUE ->
                new Choice(Product.JOBS_TABLE, List.of(Product.SQS_STANDARD, Product.RABBITMQ_QUORUM));
            case WORK_QUEUE ->
                aws
                        ? new Choice(Product.SQS_STANDARD, List.of(Product.RABBITMQ_QUORUM, Product.PUBSUB))
                        : gcp
                                ? new Choice(Product.PUBSUB, List.of(Product.RABBITMQ_QUORUM))
                                : azure
                                        ? new Choice(Product.SERVICE_BUS, List.of(Product.RABBITMQ_QUORUM))
                                        : new Choice(
                                                Product.RABBITMQ_QUORUM,
                                                List.of(Product.REDIS_STREAMS, Product.SQS_STANDARD));
            case FIFO_WORK_QUEUE ->
                aws
                        ? new Choice(Product.SQS_FIFO, List.of(Product.KINESIS, Product.MSK))
                        : gcp
                                ? new Choice(Product.PUBSUB, List.of(Product.KAFKA))
                                : azure
                                        ? new Choice(Product.SERVICE_BUS, List.of(Product.EVENT_HUBS))
                                        // resist-kafka-when-ops-is-low: a team that will not run brokers gets
                                        // the lighter log, with Kafka weighed against it
                                        : new Choice(
                                                small
                                                        ? Product.REDIS_STREAMS
                                                        : managed ? Product.RABBITMQ_STREAMS : Product.KAFKA,
                                                List.of(Product.RABBITMQ_QUORUM, Product.KAFKA));
            case PUB_SUB_FANOUT ->
                aws
                        ? new Choice(
                                a.ordered() ? Product.SNS_FIFO_SQS_FIFO : Product.SNS_SQS,
                                List.of(Product.EVENTBRIDGE, Product.MSK))
                        : gcp
                                ? new Choice(Product.PUBSUB, List.of(Product.KAFKA))
                                : azure
                                        ? new Choice(Product.SERVICE_BUS, List.of(Product.EVENT_HUBS))
                                        : new Choice(
                                                Product.RABBITMQ_QUORUM, List.of(Product.KAFKA, Product.REDIS_STREAMS));
            case EPHEMERAL_PUB_SUB -> new Choice(Product.REDIS_PUBSUB, List.of(Product.REDIS_STREAMS));
            // resist-kafka-when-small: below the small-log rate no platform gets a Kafka cluster;
            // resist-kafka-when-ops-is-low: nor does a team with a low appetite for running one
            case PARTITIONED_LOG ->
                aws
                        ? new Choice(
                                small || managed ? Product.KINESIS : Product.MSK, List.of(Product.MSK, Product.KINESIS))
                        : gcp
                                ? new Choice(
                                        small || managed ? Product.PUBSUB : Product.KAFKA,
                                        List.of(Product.PUBSUB, Product.KAFKA))
                                : azure
                                        ? new Choice(Product.EVENT_HUBS, List.of(Product.KAFKA))
                                        : small || managed
                                                ? new Choice(
                                                        Product.RABBITMQ_STREAMS,
                                                        small
                                                                ? List.of(Product.REDIS_STREAMS, Product.KAFKA)
                                                                : List.of(Product.KAFKA, Product.REDIS_STREAMS))
                                                : new Choice(Product.KAFKA, List.of(Product.RABBITMQ_STREAMS));
        };
    }
}
