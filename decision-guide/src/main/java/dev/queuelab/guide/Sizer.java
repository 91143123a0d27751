package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.Set;

/**
 * How many of everything one design needs at peak: handlers in flight by Little's law with headroom, consumer
 * instances, partitions (by concurrency, by each lane's quota, or by the guide's own partition size on brokers you
 * run), units a namespace buys ({@link ProductRules#units}), and the bytes stored for a log's retention.
 */
final class Sizer {

    private final Design d;
    private final Situation s;
    private final Set<String> facts;

    Sizer(Design d) {
        this.d = d;
        this.s = d.s;
        this.facts = d.facts;
    }

    private Answers a() {
        return s.a();
    }

    private Profile profile() {
        return d.profile();
    }

    Sizing sizing() {
        Answers.Context c = a().context();
        facts.add("guide.headroom");
        double bytes = c.throughputPerSecond() * c.payloadBytes();
        int needed = (int) Math.max(
                1, Math.ceil(c.throughputPerSecond() * c.p99ProcessingSeconds() * fact("guide.headroom", "factor")));
        String formula = (s.queued()
                        ? "messages in flight (concurrent handlers) = peak rate x p99 processing time x headroom = "
                        : "requests in flight at the callee = peak rate x p99 x headroom = ")
                + Numbers.plain(c.throughputPerSecond()) + " x " + Numbers.plain(c.p99ProcessingSeconds()) + " s x "
                + Numbers.plain(fact("guide.headroom", "factor")) + " = " + Numbers.plain(needed)
                + " (Little's law takes the mean time; the p99 in its place sizes for the slow spells)";
        Integer partitions = null;
        Integer perPartition = null;
        int consumers = needed;
        boolean lanes = s.product().partitioned();
        if (a().ordering() == Ordering.GLOBAL) {
            consumers = 1;
            partitions = lanes ? 1 : null;
            perPartition = lanes ? 1 : null;
            formula += "; global order: one lane, so one consumer at a time";
        } else if (lanes) {
            Profile p = profile();
            // a lane is sized with the same headroom as the consumers: no shard runs past 80% of its quota
            double h = fact("guide.headroom", "factor");
            double byRecords = p.laneRecordsPerSecond() == null
                    ? 1
                    : Math.ceil(c.throughputPerSecond() * h / p.laneRecordsPerSecond());
            double byBytes = p.laneBytesPerSecond() == null ? 1 : Math.ceil(bytes * h / p.laneBytesPerSecond());
            // Little's law counts messages in flight; a consumer instance holds many at once (keyed by record
            // key, so order holds), so the instances, and the partitions they need, are fewer
            facts.add("guide.consumer-concurrency");
            double inFlight = fact("guide.consumer-concurrency", "max-in-flight");
            int instances = (int) Math.ceil(needed / inFlight);
            // a partition is read in order: what it carries is (records in flight on it) / p99, and that
            // concurrency is capped by the consumer (a Lambda shard takes ParallelizationFactor batches at once)
            double laneCap = d.laneConcurrency();
            double byConcurrency = Math.ceil(needed / laneCap);
            // brokers you run set no quota per partition: the guide's own size keeps each replica on one disk
            // and each partition's reads and writes within one broker's share
            double byThroughput = 1;
            double byStorage = 1;
            if (d.sizedByBrokers()) {
                facts.add("guide.partition-size");
                byThroughput = Math.ceil(bytes * d.readers() * h / fact("guide.partition-size", "bytes-per-second"));
                byStorage = Math.ceil(bytes * d.retentionSeconds() * h / fact("guide.partition-size", "max-bytes"));
            }
            partitions = (int) Math.max(
                    Math.max(Math.max(instances, byConcurrency), Math.max(1, Math.max(byRecords, byBytes))),
                    Math.max(byThroughput, byStorage));
            perPartition = (int) Math.ceil((double) needed / partitions);
            consumers = Math.min(instances, partitions);
            formula += "; consumer instances = " + Numbers.plain(needed) + " in flight / " + Numbers.plain(inFlight)
                    + " per instance (guide.consumer-concurrency) = " + Numbers.plain(instances);
            formula += "; partitions >= consumers and >= " + Numbers.plain(needed) + " in flight / "
                    + Numbers.plain(laneCap)
                    + " per " + d.laneWord() + " (" + d.laneCapFact() + ")"
                    + (p.laneRecordsPerSecond() != null
                            ? ", and each " + s.product().vocabulary().lane() + " takes at most "
                                    + Numbers.plain(p.laneRecordsPerSecond()) + " records/s and "
                                    + Numbers.rate(p.laneBytesPerSecond())
                                    + " (" + s.product().laneFact + "), used to at most 1 / "
                                    + Numbers.plain(h) + " of it: " + Numbers.plain(Math.max(byRecords, byBytes))
                                    + " for " + Numbers.plain(c.throughputPerSecond()) + " records/s and "
                                    + Numbers.rate(bytes)
                            : "; " + s.product().brand()
                                    + " sets no per-partition quota, so each partition carries at most "
                                    + Numbers.rate(fact("guide.partition-size", "bytes-per-second"))
                                    + " in or out and " + Numbers.bytes(fact("guide.partition-size", "max-bytes"))
                                    + " per copy (guide.partition-size): " + Numbers.plain(byThroughput)
                                    + " for " + Numbers.rate(bytes * d.readers()) + " read, "
                                    + Numbers.plain(byStorage) + " for " + Numbers.bytes(bytes * d.retentionSeconds())
                                    + " kept per copy");
        }
        Integer units = null;
        ProductRules.Units bought = s.queued() ? d.rules.units(d, bytes) : null;
        if (bought != null) {
            units = bought.count();
            formula += bought.formula();
            if (partitions != null && a().ordering() != Ordering.GLOBAL && partitions < units) {
                partitions = units;
                perPartition = (int) Math.ceil((double) needed / partitions);
                formula += "; partitions >= throughput units (" + bought.partitionsFact() + ") = "
                        + Numbers.plain(partitions);
            }
        }
        // a log's readers fail over like a queue's: at least the guide's two instances unless more were asked
        boolean defaulted = c.minConsumerInstances() <= 0;
        int asked = defaulted ? (int) fact("guide.failover", "min-instances") : c.minConsumerInstances();
        boolean instances = s.queued() && c.consumerRuntime() != Answers.Runtime.FUNCTION;
        if (asked > 0 && instances && lanes && partitions != null) {
            if (a().ordering() == Ordering.GLOBAL) {
                formula += "; " + asked + " consumer instances " + (defaulted ? "(guide.failover)" : "asked")
                        + ": one reads the single " + d.laneWord()
                        + ", the others stand by to take it over";
            } else if (consumers < asked) {
                // an instance beyond the partition count would sit idle, so the partitions follow the instances
                consumers = asked;
                partitions = Math.max(partitions, asked);
                perPartition = (int) Math.ceil((double) needed / partitions);
                if (defaulted) {
                    facts.add("guide.failover");
                }
                formula += "; consumer instances >= the " + asked
                        + (defaulted ? " the guide runs for failover (guide.failover)" : " asked for failover")
                        + ", and " + d.laneWord()
                        + "s >= instances so that none is idle = " + Numbers.plain(partitions);
            }
        }
        // stated once, from the final partition count, so the sentence never gives two answers
        if (lanes && a().ordering() != Ordering.GLOBAL && partitions != null) {
            formula += "; in flight per " + d.laneWord() + " = " + Numbers.plain(needed) + " / "
                    + Numbers.plain(partitions) + " = " + Numbers.plain(perPartition);
        }
        formula += Budgets.bulkFormula(d, needed);
        double retention = d.retentionSeconds();
        String replication = s.product().replicationFact();
        double replicas = replication != null ? fact(replication, "replicas") : 1;
        if (replication != null && s.queued()) {
            facts.add(replication);
        }
        double subscribers = a().broadcast() ? c.subscribers() : 1;
        // a queue deletes what is consumed, so only a log stores rate x retention
        double stored = s.topology() == Topology.PARTITIONED_LOG ? bytes * retention * replicas : 0;
        return new Sizing(
                needed,
                s.queued() ? consumers : 0,
                partitions,
                perPartition,
                units,
                bytes,
                bytes * subscribers,
                stored,
                formula);
    }

    /** What the design asks of the product at peak, for its ceilings. */
    Capacity.Load load(Sizing sizing) {
        Answers.Context c = a().context();
        String replication = s.product().replicationFact();
        double held = Math.max(c.p99ProcessingSeconds(), fact("guide.receive-round-trip", "seconds"));
        double inFlight = c.throughputPerSecond() * held;
        if (a().ordering() == Ordering.GLOBAL && s.product().onAws()) {
            // one lane has at most one receive's batch in flight, whatever the rate
            inFlight = Math.min(inFlight, fact("sqs.batch", "max-messages"));
        }
        return new Capacity.Load(
                c.throughputPerSecond(),
                sizing.bytesPerSecond(),
                d.readers(),
                inFlight,
                sizing.partitions(),
                sizing.storageBytes(),
                replication != null ? fact(replication, "replicas") : 1,
                sizing.throughputUnits());
    }
}
