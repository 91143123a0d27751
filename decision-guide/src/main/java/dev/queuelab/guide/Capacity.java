package dev.queuelab.guide;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ceilings a design meets at its peak, one check per ceiling, each with its utilisation: what one queue,
 * topic, stream, namespace, broker or cluster of the chosen product takes at most (a fact with its source), against
 * what the answers ask of it. A ceiling may be used up to 1 / headroom (80% at 1.25x); past that the check fails
 * and names the ceiling and the way past it. Products without a ceiling of their own here (none) would print
 * nothing: every product has at least one, so no design is "ok" at any rate.
 */
final class Capacity {

    /**
     * What the design asks of the product at peak.
     *
     * @param rate       messages a second in
     * @param bytes      bytes a second in
     * @param readers    independent readers of every message (subscribers, else one)
     * @param inFlight   messages received and not yet deleted at once: rate x (p99, or a receive round trip)
     * @param partitions the partitions or shards the design runs (null where none)
     * @param stored     bytes kept on disk, replicas included (0 where nothing is kept)
     * @param replicas   copies the operator keeps of each record (1 where the service replicates on its own)
     * @param units      messaging or throughput units bought (null where none)
     */
    record Load(
            double rate,
            double bytes,
            int readers,
            double inFlight,
            Integer partitions,
            double stored,
            double replicas,
            Integer units) {}

    private final Situation s;
    private final Load load;
    private final Set<String> facts;
    private final double headroom;
    private final List<Check> out = new ArrayList<>();

    private Capacity(Situation s, Load load, Set<String> facts) {
        this.s = s;
        this.load = load;
        this.facts = facts;
        this.headroom = number("guide.headroom", "factor");
    }

    /** The ceiling checks of the chosen product, in the order a reader meets them (in, held, out, stored). */
    static List<Check> checks(Situation s, Load load, Set<String> facts) {
        Capacity c = new Capacity(s, load, facts);
        c.add();
        return c.out;
    }

    /** The percentage of a ceiling a demand uses: "78%", "0.04%", "14,286%". */
    static String percent(double used, double limit) {
        if (limit <= 0) {
            return used > 0 ? "over 100%" : "0%";
        }
        double p = used / limit * 100;
        if (p == 0) {
            return "0%";
        }
        if (p < 0.01) {
            return "under 0.01%";
        }
        return (p < 10 ? Numbers.plain(Math.round(p * 100) / 100.0) : Numbers.plain(Math.round(p))) + "%";
    }

    private double number(String id, String name) {
        facts.add(id);
        return Facts.registry().get(id).number(name);
    }

    /**
     * One ceiling: {@code used} of {@code limit}, ok up to 1 / headroom of it.
     *
     * @param what   what is counted, in the product's words ("messages in flight in the queue")
     * @param unit   the unit both numbers are in, or a formatter's choice: "msg/s", "B/s", "B", "" (a count)
     * @param fix    how to get past it, when it fails
     */
    private void ceiling(String id, String what, double used, double limit, String unit, String fact, String fix) {
        check(id, what, used, limit, unit, fact, fix, true);
    }

    /** A ceiling whose demand already counts its headroom (brokers sized with it): full use is allowed. */
    private void sized(String id, String what, double used, double limit, String unit, String fact, String fix) {
        check(id, what, used, limit, unit, fact, fix, false);
    }

    private void check(
            String id, String what, double used, double limit, String unit, String fact, String fix, boolean spare) {
        double allowed = spare ? limit / headroom : limit;
        String detail = what + ": " + show(used, unit) + " of " + show(limit, unit) + " (" + fact + "), "
                + percent(used, limit) + " used"
                + (spare
                        ? "; at most " + percent(allowed, limit) + " with " + Numbers.plain(headroom) + "x headroom"
                        : "");
        if (used <= allowed) {
            out.add(Check.ok(id, detail));
        } else {
            out.add(new Check(
                    id,
                    Status.FAIL,
                    detail + (used > limit ? "; past the ceiling" : "; inside the ceiling but without headroom"),
                    fix));
        }
    }

    private static String show(double n, String unit) {
        return switch (unit) {
            case "B/s" -> Numbers.rate(n);
            case "B" -> Numbers.bytes(n);
            case "" -> Numbers.plain(Math.ceil(n));
            default -> Numbers.plain(Math.ceil(n)) + " " + unit;
        };
    }

    private void add() {
        Product p = s.product();
        switch (p) {
            case DIRECT_CALL -> fleet("requests in flight at the callee");
            case JOBS_TABLE ->
                ceiling(
                        "jobs-table-throughput",
                        "jobs claimed a second from the one database",
                        load.rate(),
                        number("guide.jobs-table", "messages-per-second"),
                        "msg/s",
                        "guide.jobs-table",
                        "a broker's work queue (SQS, RabbitMQ, Pub/Sub) instead of the jobs table");
            case SQS_STANDARD, SNS_SQS, EVENTBRIDGE, SQS_FIFO, SNS_FIFO_SQS_FIFO -> aws(p);
            case KINESIS -> kinesis();
            case MSK, KAFKA, RABBITMQ_STREAMS -> brokers(p);
            case RABBITMQ_QUORUM -> {
                ceiling(
                        "queue-throughput",
                        "messages a second through one quorum queue",
                        load.rate(),
                        number("rabbitmq.queue-throughput", "messages-per-second"),
                        "msg/s",
                        "rabbitmq.queue-throughput",
                        "shard the work over "
                                + Numbers.plain(Math.ceil(load.rate()
                                        * headroom
                                        / Facts.registry()
                                                .get("rabbitmq.queue-throughput")
                                                .number("messages-per-second")))
                                + " quorum queues behind a consistent-hash exchange, or a log (Kafka) at this rate");
                brokers(p);
            }
            case PUBSUB -> {
                ceiling(
                        "region-publish-throughput",
                        "bytes a second published in the region",
                        load.bytes(),
                        number("pubsub.throughput", "bytes-per-second"),
                        "B/s",
                        "pubsub.throughput",
                        "request a higher publisher throughput quota for the project and region, or spread the"
                                + " topics over regions");
                ceiling(
                        "region-subscribe-throughput",
                        "bytes a second "
                                // a function's trigger is a push subscription: Pub/Sub pushes, nothing pulls
                                + (s.functionOutsideAws() ? "pushed" : "pulled")
                                + " in the region by " + load.readers() + " subscription(s)",
                        load.bytes() * load.readers(),
                        number("pubsub.throughput", "egress-bytes-per-second"),
                        "B/s",
                        "pubsub.throughput",
                        "request a higher subscriber throughput quota, or fewer subscriptions reading every message");
            }
            case SERVICE_BUS -> {
                double credits = load.rate() * (1 + load.readers());
                if (credits <= number("servicebus.standard-throttling", "credits-per-second")
                        && s.payloadBytes() <= s.product().profile().maxPayloadBytes()) {
                    // Standard: the namespace's credits are its ceiling, and no messaging unit is bought
                    sized(
                            "standard-tier-credits",
                            "credits a second (each message sent once and received by " + load.readers()
                                    + " reader(s)) a Standard namespace spends",
                            credits,
                            number("servicebus.standard-throttling", "credits-per-second"),
                            "",
                            "servicebus.standard-throttling",
                            "the Premium tier (the setting '" + ServiceBusRules.TIER + "'), whose messaging units are"
                                    + " not throttled by credits");
                    break;
                }
                double perUnit = Math.max(
                        load.rate() * (1 + load.readers()) / number("servicebus.messaging-unit", "records-per-second"),
                        load.bytes() * (1 + load.readers()) / number("servicebus.messaging-unit", "bytes-per-second"));
                ceiling(
                        "messaging-units",
                        "Premium messaging units for " + Numbers.plain(load.rate()) + " msg/s sent and received by "
                                + load.readers() + " reader(s)",
                        perUnit,
                        number("servicebus.messaging-unit", "max-units"),
                        "",
                        "servicebus.messaging-unit",
                        "split the traffic over several namespaces (each up to "
                                + Numbers.plain(Facts.registry()
                                        .get("servicebus.messaging-unit")
                                        .number("max-units"))
                                + " units), or a log (Event Hubs) for this rate");
            }
            case EVENT_HUBS -> {
                // the throughput-units check of the design states the namespace's units and partitions
            }
            case REDIS_STREAMS, REDIS_PUBSUB -> redis(p);
        }
    }

    /** A service or consumer fleet: instances of the guide's size, at most the fleet it signs off. */
    private void fleet(String what) {
        double perInstance = number("guide.fleet", "in-flight-per-instance");
        ceiling(
                "fleet-size",
                "instances for " + Numbers.plain(Math.ceil(load.inFlight())) + " " + what + ", "
                        + Numbers.plain(perInstance) + " each",
                Math.ceil(load.inFlight() / perInstance),
                number("guide.fleet", "max-instances"),
                "",
                "guide.fleet",
                "split the work by domain or region, each part with a fleet of its own");
    }

    private void aws(Product p) {
        boolean fifo = p == Product.SQS_FIFO || p == Product.SNS_FIFO_SQS_FIFO;
        if (p == Product.SNS_SQS) {
            ceiling(
                    "publish-quota",
                    "messages a second published to SNS in the account and region",
                    load.rate(),
                    number("sns.publish", "messages-per-second"),
                    "msg/s",
                    "sns.publish",
                    "request a higher Publish quota (Service Quotas), publish in batches to several topics, or a"
                            + " stream (Kinesis or MSK) at this rate");
        }
        if (p == Product.SNS_FIFO_SQS_FIFO) {
            ceiling(
                    "publish-quota",
                    "messages a second published to the FIFO topic",
                    load.rate(),
                    number("sns.fifo-throughput", "messages-per-second"),
                    "msg/s",
                    "sns.fifo-throughput",
                    "FifoThroughputScope=MessageGroup (the regional quota applies), or several FIFO topics with the"
                            + " key hashed to a topic");
        }
        if (p == Product.EVENTBRIDGE) {
            ceiling(
                    "put-events-quota",
                    "events a second put on the bus in the account and region",
                    load.rate(),
                    number("eventbridge.put-events", "messages-per-second"),
                    "msg/s",
                    "eventbridge.put-events",
                    "request a higher PutEvents quota, or SNS with a queue per subscriber at this rate");
        }
        if (fifo) {
            ceiling(
                    "fifo-queue-throughput",
                    "messages a second through one FIFO queue in high-throughput mode, in batches of 10",
                    load.rate(),
                    number("sqs-fifo.high-throughput", "batched-messages-per-second"),
                    "msg/s",
                    "sqs-fifo.high-throughput",
                    "several FIFO queues with the key hashed to a queue, or a stream (Kinesis or MSK), whose shards"
                            + " add up");
        }
        ceiling(
                "queue-in-flight",
                "messages in flight in each queue (rate x the time each is held)",
                load.inFlight(),
                number("sqs.in-flight", "max-count"),
                "",
                "sqs.in-flight",
                "several queues with the producers spread over them, or shorter processing per message; AWS Support"
                        + " can raise the quota");
    }

    private void kinesis() {
        double shards = load.partitions() == null ? 1 : load.partitions();
        sized(
                "shard-quota",
                "shards in the account and region",
                shards,
                number("kinesis.shard-quota", "max-count"),
                "",
                "kinesis.shard-quota",
                "request a higher shard quota (Service Quotas), or MSK, whose brokers are sized by you");
        double perShard = load.bytes() / shards;
        double catchUp = number("guide.read-headroom", "factor");
        double shared = number("kinesis.enhanced-fan-out", "shared-read-bytes-per-second");
        // a reader registered for enhanced fan-out has a shard's 2 MB/s to itself; shared readers split it
        boolean fanOut = load.readers() > 1 && perShard * load.readers() * catchUp > shared;
        int sharing = fanOut ? 1 : load.readers();
        sized(
                "shard-read-headroom",
                "reads per shard for " + sharing + " reader(s) sharing it, each at " + Numbers.plain(catchUp)
                        + "x the write rate to catch up after a lag (guide.read-headroom)"
                        + (fanOut ? ", each subscriber on enhanced fan-out" : ""),
                perShard * sharing * catchUp,
                shared,
                "B/s",
                "kinesis.enhanced-fan-out",
                "more shards, so each carries less");
    }

    /** A log or queue on brokers: network, records, partitions and disk per broker, and brokers per cluster. */
    private void brokers(Product p) {
        boolean msk = p == Product.MSK;
        String network = "guide.broker";
        double perBrokerBytes = number(network, "bytes-per-second");
        double perBrokerRecords = number(network, "records-per-second");
        double perBrokerDisk = msk ? number("msk.broker-limits", "max-bytes-per-broker") : number(network, "max-bytes");
        double maxBrokers = msk ? number("msk.broker-limits", "max-brokers") : number(network, "max-brokers");
        String brokersFact = msk ? "msk.broker-limits" : network;
        // each record comes in once, goes to (replicas - 1) followers and out to every reader
        double traffic = load.bytes() * (load.replicas() + load.readers());
        double records = load.rate() * load.replicas();
        double replicasHeld = load.partitions() == null ? 0 : load.partitions() * load.replicas();
        String partitionsFact = msk ? "msk.broker-limits" : "kafka.partition-limits";
        boolean kafka = p == Product.MSK || p == Product.KAFKA;
        double perBrokerPartitions = kafka ? number(partitionsFact, "max-partition-replicas-per-broker") : 0;
        double brokers = Fleet.brokers(p, load);
        String word = p == Product.RABBITMQ_QUORUM || p == Product.RABBITMQ_STREAMS ? "node" : "broker";
        sized(
                "cluster-size",
                word + "s needed: the most of network (" + Numbers.rate(traffic) + " in, to replicas and to readers, "
                        + "against " + Numbers.rate(perBrokerBytes) + " a " + word + "), records ("
                        + Numbers.plain(Math.ceil(records)) + "/s with replicas, against "
                        + Numbers.plain(perBrokerRecords) + "), disk (" + Numbers.bytes(load.stored()) + " against "
                        + Numbers.bytes(perBrokerDisk) + ")"
                        + (kafka
                                ? " and partition replicas (" + Numbers.plain(replicasHeld) + " against "
                                        + Numbers.plain(perBrokerPartitions) + ")"
                                : "")
                        + ", each with " + Numbers.plain(headroom) + "x headroom",
                brokers,
                maxBrokers,
                "",
                brokersFact,
                "split the traffic over several clusters by domain (each topic on one), or shorten the retention and"
                        + " archive to object storage");
        if (load.stored() > 0) {
            double brokersHolding = Math.max(brokers, load.replicas());
            sized(
                    "storage",
                    "storage = rate x payload x retention"
                            + (load.replicas() > 1
                                    ? " x " + Numbers.plain(load.replicas()) + " replicas (" + p.replicationSetting()
                                            + ")"
                                    : "")
                            + " = " + Numbers.bytes(load.stored()) + " at peak rate, over "
                            + Numbers.plain(brokersHolding) + " " + word + "s: per " + word,
                    load.stored() / brokersHolding,
                    perBrokerDisk,
                    "B",
                    msk ? "msk.broker-limits" : network,
                    "more " + word + "s (up to the cluster's ceiling), a shorter retention, or tiered storage to"
                            + " object storage");
        }
        if (kafka && load.partitions() != null && p == Product.KAFKA) {
            ceiling(
                    "cluster-partitions",
                    "partitions in the cluster",
                    load.partitions(),
                    number("kafka.partition-limits", "max-partitions"),
                    "",
                    "kafka.partition-limits",
                    "fewer, larger partitions (a consumer instance reads many records of a partition at once), or"
                            + " several clusters");
        }
    }

    private void redis(Product p) {
        double perShard = number("redis.cluster", "commands-per-second");
        double commands = Fleet.redisCommands(p, load);
        sized(
                "redis-shards",
                "Redis shards for " + Numbers.plain(Math.ceil(commands)) + " commands a second, "
                        + Numbers.plain(perShard) + " a shard with " + Numbers.plain(headroom) + "x headroom",
                Math.ceil(commands * headroom / perShard),
                number("redis.cluster", "max-nodes"),
                "",
                "redis.cluster",
                "a log (Kafka or Kinesis) at this rate");
    }
}
