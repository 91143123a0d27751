package dev.queuelab.guide;

import java.util.List;

/**
 * What drives the cost of the chosen product, how it survives a region's loss and who may do what with it: the
 * named drivers, then the month's figure at the peak from the priced facts ({@link MonthlyCost}).
 */
final class CostModel {

    private CostModel() {}

    /** The facts a product's cost model reads, so the record cites them. */
    static List<String> facts(Product p) {
        List<String> drivers = switch (p) {
            case PUBSUB -> List.of("pubsub.pricing", "pubsub.global");
            case SERVICE_BUS -> List.of("servicebus.pricing", "servicebus.standard-throttling");
            case EVENT_HUBS -> List.of("eventhubs.throughput-unit");
            default -> List.of();
        };
        return java.util.stream.Stream.concat(drivers.stream(), MonthlyCost.facts(p).stream())
                .toList();
    }

    /** The month's figure from the priced facts: {@link MonthlyCost}. */
    static String monthly(Recommendation r, Answers a) {
        return MonthlyCost.of(r, a);
    }

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
            case PUBSUB ->
                "Per volume: the driver is the bytes published plus the bytes delivered to each subscription, "
                        + volume + ", with at least "
                        + Numbers.plain(Facts.registry().get("pubsub.pricing").number("min-billable-bytes-per-request"))
                        + " bytes counted per publish or pull request, so batch small messages; acknowledged messages "
                        + "kept for seeking are billed as storage. Nothing is paid while idle.";
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE ->
                "Per request: the driver is "
                        + "API calls (send, receive, delete, or publish and deliveries per subscriber) over " + volume
                        + "; batching and long polling divide it. Nothing is paid while idle.";
            case EVENT_HUBS ->
                "Throughput units: the driver is the " + Numbers.plain(s.throughputUnits())
                        + " unit(s) the peak needs for " + volume
                        + ", bought for the namespace and billed by the hour whether used or not; the partition count"
                        + " costs nothing.";
            case SERVICE_BUS ->
                r.settings().stream()
                                .anyMatch(x -> x.name().equals(ServiceBusRules.TIER)
                                        && x.value().startsWith("Premium"))
                        ? "Messaging units (Premium): the driver is the dedicated units the namespace runs on, 1 to "
                                + Numbers.plain(Facts.registry()
                                        .get("servicebus.pricing")
                                        .number("max-messaging-units"))
                                + ", billed by the hour whether used or not, for " + volume
                                + "; size them by a load test, since what a unit carries depends on the workload."
                        : "Per operation (Standard): the driver is the operations, each message sent once and received by "
                                + "each reader, over " + volume + ", after the tier's base charge by the hour; the "
                                + "namespace is throttled past "
                                + Numbers.plain(Facts.registry()
                                        .get("servicebus.standard-throttling")
                                        .number("credits-per-second"))
                                + " credits a second.";
            case KINESIS ->
                "Shards (provisioned) or data volume (on demand): the driver is the "
                        + (s.partitions() == null ? "shards" : Numbers.plain(s.partitions()) + " shard(s)")
                        + " the peak needs for " + volume + ", plus retention beyond the default and enhanced "
                        + "fan-out consumers.";
            case REDIS_PUBSUB ->
                "Provisioned Redis nodes: the driver is their memory and network for " + volume
                        + ", since nothing is stored, plus the people who run them.";
            case MSK, KAFKA, RABBITMQ_QUORUM, RABBITMQ_STREAMS, REDIS_STREAMS ->
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
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE, KINESIS, SERVICE_BUS, EVENT_HUBS ->
                "The service is replicated across zones in one region. A region's loss needs a second stack in another "
                        + "region, producers that can switch, and consumers that tolerate the duplicates a switch makes.";
            case PUBSUB ->
                "Topics and subscriptions are global resources: publishers and subscribers in any region reach them,"
                        + " and the topic's message storage policy decides the regions that keep messages. Ordering"
                        + " keys and exactly-once delivery hold within one region only, so a client that moves region"
                        + " after a loss may see messages again: consumers dedupe.";
            case MSK, KAFKA ->
                "Replicas across zones (replication.factor) keep a broker's loss invisible; a region's loss needs a "
                        + "second cluster fed by MirrorMaker 2, which copies records and translates consumer offsets "
                        + "only approximately: consumers there restart from a checkpoint, replay a little and dedupe.";
            case RABBITMQ_STREAMS ->
                "Stream replicas across nodes keep a node's loss invisible; a region's loss needs a second cluster fed "
                        + "by a shovel or federation, which copies messages but not consumer offsets: consumers there "
                        + "restart from a timestamp, replay a little and dedupe.";
            case RABBITMQ_QUORUM ->
                "Quorum queue replicas across nodes keep a node's loss invisible; a region's loss needs a second "
                        + "cluster fed by federation or shovels, which move each message once it is confirmed there: "
                        + "a message in flight at the loss may arrive twice, so consumers dedupe. Nothing can be "
                        + "replayed: a queue keeps no message once it is acked.";
            case REDIS_STREAMS ->
                "A replica keeps a node's loss survivable, minus the writes it had not yet received; a region's loss "
                        + "needs a replica or a second deployment there, and pending entries not yet replicated come "
                        + "back as redeliveries: consumers dedupe.";
            case REDIS_PUBSUB ->
                "Nothing is stored, so there is nothing to replicate: publishers and subscribers reconnect to a "
                        + "deployment in another region, and whatever is published during the switch is lost "
                        + "(at-most-once).";
        };
    }

    /** Who may do what, in the product's terms: an access model that has no acknowledgements names none. */
    static String security(Recommendation r) {
        return switch (r.product()) {
            case DIRECT_CALL ->
                "Encrypt in transit (TLS, mutual where the network is shared); authenticate the caller and authorize "
                        + "each operation at the callee; keep personal data out of the request logs that retries "
                        + "multiply.";
            case REDIS_PUBSUB ->
                "Encrypt in transit (TLS); grant publishers PUBLISH and subscribers SUBSCRIBE only, per channel "
                        + "pattern (ACLs); keep personal data out of messages, which every connected subscriber "
                        + "receives.";
            default ->
                "Encrypt in transit (TLS) and at rest (the service's keys, or your own where policy asks); grant "
                        + "producers send-only and consumers receive-and-ack-only access, per queue or topic; keep "
                        + "personal data out of message attributes, which logs and dead letters keep.";
        };
    }
}
