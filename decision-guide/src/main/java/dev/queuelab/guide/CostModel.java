package dev.queuelab.guide;

/**
 * What drives the cost of the chosen product, and how it survives a region's loss: named drivers, never a
 * price (prices change by region and month; the drivers do not).
 */
final class CostModel {

    private CostModel() {}

    static String of(Recommendation r) {
        Recommendation.Sizing s = r.sizing();
        String volume = "about " + Numbers.rate(s.bytesPerSecond()) + " in"
                + (s.egressBytesPerSecond() > s.bytesPerSecond()
                        ? " and " + Numbers.rate(s.egressBytesPerSecond()) + " out"
                        : "");
        return switch (r.product()) {
            case DIRECT_CALL ->
                "No broker: the cost is the callee's capacity, sized for the peak, since nothing buffers it.";
            case JOBS_TABLE ->
                "Per database: the jobs table adds rows, index churn and polling load to a database already paid for; "
                        + "the driver is polls per second times workers.";
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE, PUBSUB ->
                "Per request: the driver is "
                        + "API calls (send, receive, delete, or publish and deliveries per subscriber) over " + volume
                        + "; batching and long polling divide it. Nothing is paid while idle.";
            case EVENT_HUBS ->
                "Throughput units: the driver is the " + Numbers.plain(s.throughputUnits())
                        + " unit(s) the peak needs for " + volume
                        + ", bought for the namespace and billed by the hour whether used or not; the partition count"
                        + " costs nothing.";
            case KINESIS, SERVICE_BUS ->
                "Provisioned capacity (or on-demand per throughput): the driver is "
                        + "shards, throughput units or messaging units for " + volume
                        + ", plus retention beyond the default.";
            case MSK, KAFKA, RABBITMQ_QUORUM, RABBITMQ_STREAMS, REDIS_STREAMS, REDIS_PUBSUB ->
                "Provisioned brokers: the "
                        + "driver is broker instances and their disks (" + Numbers.bytes(s.storageBytes())
                        + " stored at peak)"
                        + " for " + volume + ", plus the people who run them.";
        };
    }

    static String multiRegion(Recommendation r) {
        return switch (r.product()) {
            case DIRECT_CALL ->
                "The callee's own deployment decides it; the caller needs a timeout short enough to fail over.";
            case JOBS_TABLE -> "The jobs live and fail over with the database: its replication and backups cover them.";
            case SQS_STANDARD,
                    SQS_FIFO,
                    SNS_SQS,
                    SNS_FIFO_SQS_FIFO,
                    EVENTBRIDGE,
                    KINESIS,
                    PUBSUB,
                    SERVICE_BUS,
                    EVENT_HUBS ->
                "The service is replicated across zones in one region. A region's loss needs a second stack in another "
                        + "region, producers that can switch, and consumers that tolerate the duplicates a switch makes.";
            case MSK, KAFKA, RABBITMQ_QUORUM, RABBITMQ_STREAMS, REDIS_STREAMS, REDIS_PUBSUB ->
                "Replicas across zones keep "
                        + "a broker's loss invisible; a region's loss needs replication to a second cluster (MirrorMaker 2, "
                        + "shovels or federation), which copies messages, not consumer positions exactly: plan for replays.";
        };
    }
}
