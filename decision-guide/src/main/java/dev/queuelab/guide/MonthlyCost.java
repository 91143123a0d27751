package dev.queuelab.guide;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The month's bill of a record at its answered peak held for 30 days, from the priced facts ({@code *.price}, list
 * prices with their source and date): an upper figure, since real traffic sits below its peak, with the free tiers
 * and commitments left out. Each figure shows its arithmetic, so a reader can redo it with their own prices. The
 * machines a cluster runs are those its ceilings size ({@link Fleet}); a jobs table and a direct call add no bill of
 * their own.
 */
final class MonthlyCost {

    /** Seconds and hours in the month the figures are for (30 days). */
    private static final double MONTH = 30 * 86_400.0;

    private static final double HOURS = 30 * 24.0;

    private static final double GB = 1e9;

    /** The guide sizes a broker for a 10 Gbit/s link, which the priced size reaches only in bursts. */
    private static final String BURST = " (the guide sizes a broker for a 10 Gbit/s link, which this size reaches"
            + " only in bursts: price a larger one for a sustained peak)";

    private final Recommendation r;
    private final Answers.Context c;
    private final Capacity.Load load;
    private final double messages;

    private MonthlyCost(Recommendation r, Answers a) {
        this.r = r;
        this.c = a.context();
        this.load = new Design(new Situation(a, r.topology(), r.product()), new LinkedHashSet<>()).load(r.sizing());
        this.messages = c.throughputPerSecond() * MONTH;
    }

    /** The priced facts a product's figure reads, so the record cites them. */
    static List<String> facts(Product p) {
        return switch (p) {
            case SQS_STANDARD, SQS_FIFO -> List.of("sqs.price");
            case SNS_SQS, SNS_FIFO_SQS_FIFO -> List.of("sns.price", "sqs.price");
            case EVENTBRIDGE -> List.of("eventbridge.price", "sqs.price");
            case KINESIS -> List.of("kinesis.price");
            case EVENT_HUBS -> List.of("eventhubs.price");
            case SERVICE_BUS -> List.of("servicebus.price");
            case MSK -> List.of("msk.price");
            case KAFKA -> List.of("ec2.price");
            case RABBITMQ_QUORUM, RABBITMQ_STREAMS -> List.of("amazonmq.price", "ec2.price");
            case REDIS_STREAMS, REDIS_PUBSUB -> List.of("elasticache.price");
            case PUBSUB -> List.of("pubsub.price");
            case JOBS_TABLE, DIRECT_CALL -> List.of();
        };
    }

    /** The figure, as a sentence that follows the cost model's drivers; empty where the product adds no bill. */
    static String of(Recommendation r, Answers a) {
        return new MonthlyCost(r, a).figure();
    }

    private static double n(String id, String name) {
        return Facts.registry().get(id).number(name);
    }

    /** Dollars: cents below $10, whole dollars above. */
    static String usd(double x) {
        return x < 10 ? "$" + String.format(Locale.ROOT, "%.2f", x) : "$" + Numbers.plain(Math.round(x));
    }

    /** A unit price as the fact states it, in cents at least: "$0.0135", "$0.928", "$0.40", "$40". */
    static String price(double x) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(x).stripTrailingZeros();
        if (d.scale() > 0 && d.scale() < 2) {
            d = d.setScale(2);
        }
        return "$" + d.toPlainString();
    }

    private String count(double x) {
        return Numbers.plain(Math.round(x));
    }

    /** Requests per message: one per started 64 KB chunk. */
    private double chunks(String fact) {
        return Math.max(1, Math.ceil(c.payloadBytes() / n(fact, "chunk-bytes")));
    }

    private String figure() {
        String peak = " At the peak held for a month (" + count(messages) + " messages): ";
        String body = switch (r.product()) {
            case SQS_STANDARD, SQS_FIFO ->
                sqs(1, r.product() == Product.SQS_FIFO) + "; about " + usd(sqsCost(1, r.product() == Product.SQS_FIFO))
                        + " a month.";
            case SNS_SQS, SNS_FIFO_SQS_FIFO -> sns();
            case EVENTBRIDGE -> {
                double events = messages * chunks("eventbridge.price");
                double bus = events / 1e6 * n("eventbridge.price", "usd-per-million");
                yield count(events) + " events x " + price(n("eventbridge.price", "usd-per-million"))
                        + " per million = " + usd(bus) + " (eventbridge.price), plus each target's queue: "
                        + sqs(load.readers(), false) + "; about " + usd(bus + sqsCost(load.readers(), false))
                        + " a month.";
            }
            case KINESIS -> kinesis();
            case EVENT_HUBS -> eventHubs();
            case SERVICE_BUS -> serviceBus();
            case MSK ->
                machines(
                                Fleet.brokers(r.product(), load),
                                "broker",
                                "kafka.m5.large",
                                "msk.price",
                                "usd-per-broker-hour",
                                "msk.price")
                        + BURST
                        + ".";
            case KAFKA ->
                machines(
                                Fleet.brokers(r.product(), load),
                                "broker",
                                "m5.large on EC2",
                                "ec2.price",
                                "usd-per-instance-hour",
                                "ec2.price")
                        + elsewhere("your cloud's machines and disks", "machines you run") + ", plus the"
                        + " people who run them"
                        + BURST
                        + ".";
            case RABBITMQ_QUORUM, RABBITMQ_STREAMS -> rabbit();
            case REDIS_STREAMS, REDIS_PUBSUB -> {
                double nodes = Fleet.redisShards(r.product(), load) * 2;
                yield machines(
                                nodes,
                                "node",
                                "cache.m6g.large on ElastiCache, a primary and a replica a shard",
                                "elasticache.price",
                                "usd-per-node-hour",
                                null)
                        + elsewhere(
                                "Memorystore for Redis (GCP) and Azure Cache for Redis", "nodes you may run yourself")
                        + ".";
            }
            case PUBSUB -> pubsub();
            case JOBS_TABLE, DIRECT_CALL -> null;
        };
        return body == null
                ? ""
                : peak + body + " List prices, before free tiers and commitments" + unconfirmed() + ".";
    }

    /** The priced facts of this figure whose numbers were not confirmed against the vendor's page. */
    private String unconfirmed() {
        List<String> ids = facts(r.product()).stream()
                .filter(id -> !Facts.registry().get(id).confirmed())
                .toList();
        return ids.isEmpty() ? "" : "; unconfirmed: " + String.join(", ", ids) + " (not read off the vendor's page)";
    }

    /** SQS requests a month: send, receive and delete per message and queue, per 64 KB chunk. */
    private double sqsCost(int queues, boolean fifo) {
        double perMillion = n("sqs.price", fifo ? "fifo-usd-per-million" : "standard-usd-per-million");
        return messages * queues * 3 * chunks("sqs.price") / 1e6 * perMillion;
    }

    private String sqs(int queues, boolean fifo) {
        double perMillion = n("sqs.price", fifo ? "fifo-usd-per-million" : "standard-usd-per-million");
        double requests = messages * queues * 3 * chunks("sqs.price");
        return count(messages * queues) + " messages received x 3 requests (send, receive, delete)"
                + (chunks("sqs.price") > 1 ? " x " + count(chunks("sqs.price")) + " 64 KB chunks" : "") + " = "
                + count(requests) + " requests x " + price(perMillion) + " per million = "
                + usd(sqsCost(queues, fifo)) + " unbatched (sqs.price; batches of 10 divide it by up to 10)"
                // past the first tier a standard queue's requests cost less per million: the figure is an upper bound
                + (!fifo && requests > n("sqs.price", "first-tier-requests")
                        ? ", at the first tier's rate, which holds up to "
                                + count(n("sqs.price", "first-tier-requests"))
                                + " requests a month (the rest cost less per million, so the bill is lower)"
                        : "");
    }

    private String sns() {
        boolean fifo = r.product() == Product.SNS_FIFO_SQS_FIFO;
        double publishes = messages * chunks("sns.price");
        double gb = messages * c.payloadBytes() / GB;
        if (!fifo) {
            double perMillion = n("sns.price", "standard-usd-per-million");
            double publish = publishes / 1e6 * perMillion;
            return count(publishes) + " publishes x " + price(perMillion) + " per million = " + usd(publish)
                    + " (sns.price; deliveries to SQS are free), plus " + load.readers() + " subscriber queue(s): "
                    + sqs(load.readers(), false) + "; about " + usd(publish + sqsCost(load.readers(), false))
                    + " a month.";
        }
        double publish =
                messages / 1e6 * n("sns.price", "fifo-usd-per-million") + gb * n("sns.price", "fifo-usd-per-gb");
        double deliveries = messages * load.readers() / 1e6 * n("sns.price", "fifo-delivery-usd-per-million")
                + gb * load.readers() * n("sns.price", "fifo-delivery-usd-per-gb");
        return count(messages) + " publishes of " + Numbers.plain(Math.round(gb)) + " GB = " + usd(publish)
                + ", deliveries to " + load.readers() + " FIFO queue(s) = " + usd(deliveries)
                + " (sns.price), plus the queues: " + sqs(load.readers(), true) + "; about "
                + usd(publish + deliveries + sqsCost(load.readers(), true)) + " a month.";
    }

    private String kinesis() {
        double shards = r.sizing().partitions() == null ? 1 : r.sizing().partitions();
        double hours = shards * HOURS * n("kinesis.price", "usd-per-shard-hour");
        double units = messages * Math.max(1, Math.ceil(c.payloadBytes() / n("kinesis.price", "put-unit-bytes")));
        double puts = units / 1e6 * n("kinesis.price", "usd-per-million-put-units");
        double days = c.retentionDays();
        double extended = days > 1 ? shards * HOURS * n("kinesis.price", "extended-retention-usd-per-shard-hour") : 0;
        double longTerm = days > 7
                ? c.throughputPerSecond()
                        * c.payloadBytes()
                        * (days - 7)
                        * 86_400
                        / GB
                        * n("kinesis.price", "long-term-usd-per-gb-month")
                : 0;
        // each consumer registered for enhanced fan-out pays by the shard hour and by the byte it reads
        boolean fanOut = r.settings().stream().anyMatch(x -> x.name().startsWith("enhanced fan-out"));
        double efo = fanOut
                ? load.readers() * shards * HOURS * n("kinesis.price", "efo-usd-per-consumer-shard-hour")
                        + load.readers() * load.bytes() * MONTH / GB * n("kinesis.price", "efo-usd-per-gb")
                : 0;
        return count(shards) + " shard(s) x " + count(HOURS) + " h x " + price(n("kinesis.price", "usd-per-shard-hour"))
                + " = " + usd(hours) + ", " + count(units) + " PUT payload units (25 KB each) = " + usd(puts)
                + (extended > 0 ? ", retention past 24 h = " + usd(extended) : "")
                + (longTerm > 0 ? ", retention past 7 days = " + usd(longTerm) : "")
                + (fanOut
                        ? ", enhanced fan-out for " + load.readers()
                                + " consumer(s) by the shard hour and the GB read = " + usd(efo)
                        : "")
                + "; about " + usd(hours + puts + extended + longTerm + efo) + " a month (kinesis.price).";
    }

    private String eventHubs() {
        double units = r.sizing().throughputUnits() == null ? 1 : r.sizing().throughputUnits();
        double hours = units * HOURS * n("eventhubs.price", "usd-per-tu-hour");
        double events = messages * Math.max(1, Math.ceil(c.payloadBytes() / n("eventhubs.price", "event-bytes")));
        double ingress = events / 1e6 * n("eventhubs.price", "usd-per-million-events");
        return count(units) + " throughput unit(s) x " + count(HOURS) + " h x "
                + price(n("eventhubs.price", "usd-per-tu-hour")) + " = " + usd(hours) + ", " + count(events)
                + " ingress events x " + price(n("eventhubs.price", "usd-per-million-events")) + " per million = "
                + usd(ingress) + "; about " + usd(hours + ingress) + " a month (eventhubs.price, Standard).";
    }

    private String serviceBus() {
        boolean premium = r.settings().stream()
                .anyMatch(
                        x -> x.name().equals(ServiceBusRules.TIER) && x.value().startsWith("Premium"));
        int readers = load.readers();
        if (premium) {
            double wanted = Math.max(
                    load.rate() * (1 + readers) / n("servicebus.messaging-unit", "records-per-second"),
                    load.bytes() * (1 + readers) / n("servicebus.messaging-unit", "bytes-per-second"));
            double units = 1;
            while (units < wanted && units < n("servicebus.messaging-unit", "max-units")) {
                units *= 2; // a namespace takes 1, 2, 4, 8 or 16
            }
            double bill = units * HOURS * n("servicebus.price", "premium-usd-per-unit-hour");
            return count(units) + " messaging unit(s) x " + count(HOURS) + " h x "
                    + price(n("servicebus.price", "premium-usd-per-unit-hour")) + " = about " + usd(bill)
                    + " a month (servicebus.price, Premium), operations included.";
        }
        // each message is sent once, then received and completed by every reader
        double ops = messages * (1 + 2.0 * readers);
        double left = Math.max(0, ops - n("servicebus.price", "included-operations"));
        double t1 = Math.min(
                left, n("servicebus.price", "tier1-operations") - n("servicebus.price", "included-operations"));
        double t2 = Math.min(
                left - t1, n("servicebus.price", "tier2-operations") - n("servicebus.price", "tier1-operations"));
        double t3 = Math.max(0, left - t1 - t2);
        double bill = HOURS * n("servicebus.price", "standard-usd-per-hour")
                + t1 / 1e6 * n("servicebus.price", "tier1-usd-per-million")
                + t2 / 1e6 * n("servicebus.price", "tier2-usd-per-million")
                + t3 / 1e6 * n("servicebus.price", "tier3-usd-per-million");
        return count(ops) + " operations (a send, and a receive and a complete per reader), the first "
                + count(n("servicebus.price", "included-operations"))
                + " in the base charge and the rest by tier = about "
                + usd(bill) + " a month (servicebus.price, Standard).";
    }

    private String rabbit() {
        double nodes = Fleet.brokers(r.product(), load);
        if (nodes <= n("amazonmq.price", "cluster-nodes")) {
            return machines(
                            n("amazonmq.price", "cluster-nodes"),
                            "node",
                            "mq.m5.large, an Amazon MQ cluster",
                            "amazonmq.price",
                            "usd-per-node-hour",
                            "amazonmq.price")
                    + elsewhere("a RabbitMQ cluster on your cloud's machines", "nodes you may run yourself") + ".";
        }
        return machines(
                        nodes,
                        "node",
                        "m5.large on EC2, past Amazon MQ's three-node cluster",
                        "ec2.price",
                        "usd-per-instance-hour",
                        "ec2.price")
                + ", plus the people who run them.";
    }

    /**
     * The AWS price as what it is where the team runs: the bill itself on AWS, a yardstick for machines of their
     * own, and on another cloud a yardstick to redo with that cloud's own price.
     */
    private String elsewhere(String theirs, String own) {
        return switch (c.platform()) {
            case AWS -> "";
            case GCP, AZURE -> ", an AWS list price as a yardstick: price " + theirs + " from its own page";
            default -> ", as a yardstick for " + own;
        };
    }

    /** Machines by the hour and, where {@code diskFact} is given, the bytes they keep (replicas included). */
    private String machines(double count, String noun, String size, String fact, String hourly, String diskFact) {
        double hours = count * HOURS * n(fact, hourly);
        double gb = load.stored() / GB;
        double disk = diskFact == null ? 0 : gb * n(diskFact, "usd-per-gb-month");
        return Numbers.plural(count, noun) + " (" + size + ") x " + count(HOURS) + " h x " + price(n(fact, hourly))
                + " = "
                + usd(hours)
                + (diskFact == null || gb < 1
                        ? ""
                        : ", " + Numbers.plain(Math.round(gb)) + " GB kept with replicas x "
                                + price(n(diskFact, "usd-per-gb-month")) + " per GB-month = " + usd(disk))
                + "; about " + usd(hours + disk) + " a month (" + fact
                + (diskFact != null && gb >= 1 && !diskFact.equals(fact) ? ", " + diskFact : "") + ")";
    }

    private String pubsub() {
        double min = n("pubsub.pricing", "min-billable-bytes-per-request");
        double each = Math.max(c.payloadBytes(), min);
        int readers = load.readers();
        double tib = messages * each * (1 + readers) / Math.pow(1024, 4);
        double price = n("pubsub.price", "usd-per-tib");
        return count(messages) + " messages x " + Numbers.plain(each) + " bytes billed each, published once and"
                + " delivered to " + readers + " subscription(s) = " + Numbers.plain(Math.round(tib * 100) / 100.0)
                + " TiB x " + price(price) + " = about " + usd(tib * price) + " a month unbatched (pubsub.price).";
    }
}
