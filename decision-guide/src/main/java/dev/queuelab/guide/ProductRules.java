package dev.queuelab.guide;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.List;

/**
 * What one product (or family of products) does its own way: the words, settings and checks no other product
 * shares. The common design ({@link Design}, {@link Sizer}, {@link DesignSettings}, {@link DesignChecks}) asks
 * these at fixed points and never tests which product it is writing for; the defaults are what a product that
 * says nothing of its own gets. Implementations are stateless.
 */
interface ProductRules {

    static ProductRules of(Product p) {
        return switch (p) {
            case DIRECT_CALL -> DirectCallRules.INSTANCE;
            case JOBS_TABLE -> JobsTableRules.INSTANCE;
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE -> SqsRules.INSTANCE;
            case KINESIS -> KinesisRules.INSTANCE;
            case MSK, KAFKA -> KafkaRules.INSTANCE;
            case PUBSUB -> PubSubRules.INSTANCE;
            case SERVICE_BUS -> ServiceBusRules.INSTANCE;
            case EVENT_HUBS -> EventHubsRules.INSTANCE;
            case RABBITMQ_QUORUM, RABBITMQ_STREAMS -> RabbitRules.INSTANCE;
            case REDIS_STREAMS, REDIS_PUBSUB -> RedisRules.INSTANCE;
        };
    }

    /** Where the product runs: "aws", "gcp", "azure", or "self-run" on brokers the team runs itself. */
    String home(Product p);

    /** The call that renews a delivery's lease while the work runs; null where no consumer can renew one. */
    default String renewCall(Design d) {
        return null;
    }

    /** The consumer receives by push, where pull-only features (exactly-once delivery) do not apply. */
    default boolean pushDelivery(Design d) {
        return false;
    }

    /** The metric that shows readers falling behind. */
    default String ageAlarm(Design d) {
        return d.s.product().vocabulary().ageAlarm();
    }

    /** Where a message goes after its last delivery. */
    default String deadLetter(Design d) {
        return d.s.product().vocabulary().deadLetter();
    }

    /** The alarm that shows something was dead-lettered. */
    default String deadLetterAlarm(Design d) {
        return d.s.product().vocabulary().deadLetterAlarm();
    }

    /**
     * The retry setting in the product's words; under order a retry topic would let later records of the key
     * pass the failed one, so an ordered log retries in place (the partition waits) instead.
     */
    default String attemptsName(Design d) {
        String name = d.s.product().vocabulary().attempts();
        return d.a().ordered() && name.contains("retry topics")
                ? "blocking retries in the consumer, with backoff (the partition waits: a retry topic would break the order)"
                : name;
    }

    /** How the product's readers record their position: Kafka commits, Event Hubs and Kinesis checkpoint. */
    default String offsetVerb() {
        return "commit";
    }

    /** What a reader's position is called. */
    default String position() {
        return "offset";
    }

    /** Where the consumer's dedupe key travels, given the base words for an id the producer sets. */
    default String producerKey(Design d, String base) {
        return base;
    }

    /** What the producer must do when it writes its database and then publishes. */
    default String producerSide(Design d) {
        return "required: a transactional outbox (the event is written in the database transaction, then a relay "
                + "publishes it and marks it sent) or change data capture on the database's log; never write then "
                + "publish, which loses or invents events on a crash between the two";
    }

    /** The setting that trims a log's records, as a dead letter written to a log is trimmed. */
    default String retentionName() {
        return "its retention";
    }

    /** How long the dead letter keeps what it receives. */
    default String deadLetterKept(Design d) {
        // a dead letter the consumer writes to a log is trimmed like any log
        return "deleted by its own retention like any "
                + d.laneWord().replace("super stream partition", "stream")
                + "'s records (" + retentionName()
                + "): keep it longer than the time to notice and repair; alarm on anything written to it";
    }

    /** A dead letter keeps its original enqueue time, so the source must keep messages less long. */
    default boolean keepsEnqueueTime(Design d) {
        return false;
    }

    /** What the dead-letter retention check adds about the product's dead letters; empty where nothing. */
    default String deadLetterRetentionNote(Design d) {
        return "";
    }

    /** The named ways to keep a log longer than its product does. */
    default String longerRetention() {
        return "a longer retention.ms with tiered storage, or archive the old segments to object storage"
                + " and replay from there";
    }

    /** How one tenant's burst is kept from delaying the others, in the product's own terms. */
    default Setting fairness(Design d) {
        return new Setting(
                "tenant fairness",
                d.s.product().brand() + " has no fairness across tenants of its own: a queue (or "
                        + d.s.product().vocabulary().words("{reader}") + ") per tenant class, with the consumers"
                        + " taking from each in turn, or a per-tenant limit on the handlers in flight",
                null,
                null,
                null,
                "guide.headroom");
    }

    /** Settings that follow the retention setting (Pub/Sub's retain_acked_messages). */
    default List<Setting> retentionSettings(Design d) {
        return List.of();
    }

    /** The setting that raises the product's message size above its default to fit the payload. */
    default Setting payloadSetting(Design d) {
        return raisedSize(d, "maximum record size");
    }

    /** The raised size setting: its own range where the fact states it (SNS takes 1,024 bytes up), else from the default. */
    static Setting raisedSize(Design d, String name) {
        Profile p = d.profile();
        double raised = Math.ceil(d.s.payloadBytes());
        Facts.Fact size = Facts.registry().get(d.s.product().payloadFact);
        return new Setting(
                name,
                Numbers.plain(raised) + " bytes",
                raised,
                new Profile.Range(
                        size.has("min-bytes") ? size.number("min-bytes") : p.maxPayloadBytes(), p.raisedPayloadBytes()),
                "bytes",
                d.s.product().payloadFact);
    }

    /** The product's own settings: its tier, deduplication, throughput mode, replication, lease renewal. */
    default List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        return List.of();
    }

    /** One of the vocabulary's extra settings ("name: value") as the record sets it; null to leave it out. */
    default Setting extra(Design d, Failure failure, String extra) {
        String[] nameValue = extra.split(": ", 2);
        return new Setting(nameValue[0], nameValue[1], null, null, null, null);
    }

    /** Checks of a payload the product takes only once raised (large records, large SNS messages). */
    default List<Check> payloadChecks(Design d) {
        return List.of();
    }

    /** The product's own ceilings: its tier's credits, entity size, consumer groups, units, shard reads. */
    default List<Check> checks(Design d, Sizing sizing) {
        return List.of();
    }

    /** Units bought for the namespace (Event Hubs), with the words of their arithmetic; null where none. */
    default Units units(Design d, double bytes) {
        return null;
    }

    /** The subscribers a broadcast needs against what one topic of the product takes. */
    static Check subscriptionLimit(Design d, String id, String number, String what, String fix) {
        d.facts.add(id);
        double max = Design.fact(id, number);
        int wanted = d.a().context().subscribers();
        String detail =
                Numbers.plain(wanted) + " subscriptions against the " + Numbers.plain(max) + " " + what + " takes";
        detail += "; " + Capacity.percent(wanted, max) + " used";
        return wanted <= max
                ? Check.ok("topic-subscriptions", detail)
                : new Check(
                        "topic-subscriptions", Feasibility.Status.FAIL, detail, String.format(fix, Numbers.plain(max)));
    }

    /** A log's records carry no message id: the producer's id goes in the key or a header. */
    static String logKey(String base, String position) {
        return base + ", in the record's key or a "
                + "header: records carry no message id, and the position ("
                + position
                + ") catches a redelivery but not a producer's retry";
    }

    /** The copies a log's operator keeps of each record, where the operator sets them (Kafka, RabbitMQ streams). */
    static List<Setting> replication(Design d) {
        Situation s = d.s;
        List<Setting> out = new java.util.ArrayList<>();
        String replication = s.product().replicationFact();
        if (replication != null && s.queued()) {
            out.add(new Setting(
                    s.product().replicationSetting(),
                    Numbers.plain(Design.fact(replication, "replicas")),
                    Design.fact(replication, "replicas"),
                    null,
                    "",
                    replication));
        }
        if (s.product().transactional() && s.queued()) {
            out.add(new Setting(
                    "min.insync.replicas",
                    Numbers.plain(Design.fact("kafka.replication", "min-in-sync")),
                    Design.fact("kafka.replication", "min-in-sync"),
                    null,
                    "",
                    "kafka.replication"));
        }
        return out;
    }

    record Units(int count, String formula, String partitionsFact) {}
}
