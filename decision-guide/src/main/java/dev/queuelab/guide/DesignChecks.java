package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of one design, each with its utilisation: order's pace, the function runtime's limits, the lease,
 * the payload, the retention and the dead letter's, the partitions, then the product's own ceilings
 * ({@link ProductRules#checks}), the dedupe store and every ceiling of {@link Capacity}.
 */
final class DesignChecks {

    private final Design d;
    private final Situation s;
    private final Set<String> facts;

    DesignChecks(Design d) {
        this.d = d;
        this.s = d.s;
        this.facts = d.facts;
    }

    private Answers a() {
        return s.a();
    }

    List<Check> checks(Failure failure, Idempotency idempotency, Sizing sizing) {
        List<Check> out = new ArrayList<>();
        Answers.Context c = a().context();
        if (!s.queued()) {
            out.addAll(d.rules.checks(d, sizing));
            out.addAll(Budgets.checks(d, failure, sizing));
            out.addAll(Capacity.checks(s, d.load(sizing), facts));
            return out;
        }
        double p99 = c.p99ProcessingSeconds();
        double laneRate = lanePace(p99);
        Profile p = d.profile();
        if (a().ordering() == Ordering.GLOBAL) {
            double bytes = sizing.bytesPerSecond();
            boolean rateOk = c.throughputPerSecond() <= laneRate;
            boolean quotaOk = (p.laneRecordsPerSecond() == null || c.throughputPerSecond() <= p.laneRecordsPerSecond())
                    && (p.laneBytesPerSecond() == null || bytes <= p.laneBytesPerSecond());
            // the keys each run below their pace by the same headroom the consumers are sized with
            int keys = (int) Math.ceil(c.throughputPerSecond()
                    * fact("guide.headroom", "factor")
                    / Math.min(
                            laneRate,
                            p.laneRecordsPerSecond() == null ? Double.POSITIVE_INFINITY : p.laneRecordsPerSecond()));
            String detail = "one lane carries one message at a time: at most "
                    + Numbers.perSecond(laneRate)
                    + " at a p99 of " + Numbers.plain(p99) + " s"
                    + lanePaceFormula(p99)
                    + laneQuota()
                    + ", against a peak of " + Numbers.plain(c.throughputPerSecond()) + " msg/s";
            detail += "; "
                    + Capacity.percent(
                            c.throughputPerSecond(),
                            Math.min(
                                    laneRate,
                                    p.laneRecordsPerSecond() == null
                                            ? Double.POSITIVE_INFINITY
                                            : p.laneRecordsPerSecond()))
                    + " used";
            out.add(
                    !(rateOk && quotaOk)
                            ? new Check(
                                    "global-order-capacity",
                                    Status.FAIL,
                                    detail,
                                    "order per key instead of globally: at least " + Numbers.plain(keys)
                                            + " keys with traffic spread " + "evenly, each at most "
                                            + Numbers.perSecond(laneRate))
                            : d.needsBatches()
                                    ? new Check(
                                            "global-order-capacity",
                                            Status.WARN,
                                            detail,
                                            "send, receive and delete in batches of "
                                                    + Numbers.plain(fact(s.product().laneFact, "messages-per-batch"))
                                                    + " (the setting '" + Design.BATCHING + "')")
                                    : Check.ok("global-order-capacity", detail));
        }
        if (a().ordering() == Ordering.PER_KEY) {
            out.add(Check.ok(
                    "hot-key-capacity",
                    "one key carries at most " + (lanePaceFormula(p99).isEmpty() ? "1 / p99 = " : "")
                            + Numbers.perSecond(laneRate) + lanePaceFormula(p99)
                            + laneQuota()
                            + ": a key hotter than that falls behind, whatever the consumers"));
        }
        out.addAll(FunctionRuntime.checks(d, sizing));
        Profile.Range lease = p.leaseSeconds();
        if (failure.leaseSeconds() != null && lease.max() != null) {
            double needed = d.neededLease();
            String name = s.product().vocabulary().lease();
            String detail = "the work needs a lease (" + name + ") of " + Numbers.plain(Math.ceil(d.workLease()))
                    + " s" + d.leaseFloorReason() + "; " + Design.owner(s.product().leaseFact) + " allows at most "
                    + Numbers.plain(lease.max()) + " s";
            detail += "; " + Capacity.percent(needed, lease.max()) + " used";
            out.add(
                    needed <= lease.max()
                            ? Check.ok("lease-limit", detail)
                            : new Check(
                                    "lease-limit",
                                    Status.WARN,
                                    detail,
                                    "renew the " + name + " while the work runs (a heartbeat every "
                                            + Numbers.plain(Math.floor(lease.max() / 2))
                                            + " s), or split the job"));
        }
        Double limit = p.raisedPayloadBytes() != null ? p.raisedPayloadBytes() : p.maxPayloadBytes();
        if (limit != null) {
            String detail = "payloads of " + Numbers.bytes(s.payloadBytes()) + " against "
                    + Design.owner(s.product().payloadFact) + "'s "
                    + Numbers.bytes(p.maxPayloadBytes())
                    + (p.raisedPayloadBytes() != null
                            ? " (up to " + Numbers.bytes(p.raisedPayloadBytes()) + " once raised)"
                            : "");
            // a payload within the default limit is measured against it: the raised one is a setting the record
            // does not make (12 KiB on Service Bus Standard is 4.7% of 256 KB, not 0.01% of 100 MiB)
            double against = s.payloadBytes() <= p.maxPayloadBytes() ? p.maxPayloadBytes() : limit;
            detail += "; " + Capacity.percent(s.payloadBytes(), against) + " used";
            out.add(
                    !s.payloadOverLimit()
                            ? Check.ok("payload-limit", detail)
                            : new Check(
                                    "payload-limit",
                                    Status.FAIL,
                                    detail,
                                    "claim check: store the body in object storage and send its reference"));
        }
        out.addAll(d.rules.payloadChecks(d));
        Profile.Range retention = p.retentionSeconds();
        if (retention.max() != null && c.retentionDays() > 0) {
            double wanted = c.retentionDays() * 86_400.0;
            String detail = "keeping messages " + Numbers.plural(c.retentionDays(), "day") + " against "
                    + Design.owner(s.product().retentionFact) + "'s " + Numbers.seconds(retention.max());
            detail += "; " + Capacity.percent(wanted, retention.max()) + " used";
            out.add(
                    wanted <= retention.max()
                            ? Check.ok("retention-limit", detail)
                            : new Check(
                                    "retention-limit",
                                    Status.FAIL,
                                    detail,
                                    s.topology() == Topology.PARTITIONED_LOG
                                            ? d.rules.longerRetention()
                                            : "a log with retention (answer replay: true), or archive messages to object storage as they are consumed"));
        }
        if (failure.deadLetter() != null && s.product().nativeDeadLetter() && retention.max() != null) {
            // the retention the record sets on the source, not the product's default
            double source = new DesignSettings(d).retentionSet();
            String detail = "the dead letter keeps messages " + Numbers.seconds(retention.max()) + ", its source "
                    + Numbers.seconds(source)
                    + d.rules.deadLetterRetentionNote(d);
            detail += "; " + Capacity.percent(source, retention.max()) + " used";
            out.add(
                    source < retention.max() || !d.rules.keepsEnqueueTime(d)
                            ? Check.ok("dead-letter-retention", detail)
                            : new Check(
                                    "dead-letter-retention",
                                    Status.FAIL,
                                    detail,
                                    "keep the source's retention below the dead letter's, or archive dead letters elsewhere"));
        }
        if (sizing.partitions() != null
                && sizing.inFlightPerPartition() != null
                && p99 > 0
                && a().ordering() != Ordering.GLOBAL) {
            double capacity = sizing.partitions() * (double) sizing.inFlightPerPartition() / p99;
            String detail = "each " + d.laneWord() + " is consumed in order: " + Numbers.plain(sizing.partitions())
                    + " "
                    + d.laneWord() + "(s) x " + Numbers.plain(sizing.inFlightPerPartition()) + " in flight each"
                    + (sizing.inFlightPerPartition() > 1 && a().ordered() ? " (different keys at once)" : "")
                    + " / p99 " + Numbers.plain(p99) + " s = " + Numbers.perSecond(capacity)
                    + ", against a peak of "
                    + Numbers.plain(c.throughputPerSecond()) + " msg/s";
            detail += "; " + Capacity.percent(c.throughputPerSecond(), capacity) + " used";
            int wanted = (int) Math.ceil(c.throughputPerSecond() * p99 / d.laneConcurrency());
            out.add(
                    capacity >= c.throughputPerSecond()
                            ? Check.ok("partition-capacity", detail)
                            : new Check(
                                    "partition-capacity",
                                    Status.FAIL,
                                    detail,
                                    "at least " + Numbers.plain(wanted) + " " + d.laneWord() + "s"));
        }
        out.addAll(d.rules.checks(d, sizing));
        if (sizing.partitions() != null && d.sizedByBrokers() && a().ordering() == Ordering.PER_KEY) {
            out.add(new Check(
                    "partition-growth",
                    Status.WARN,
                    Numbers.plain(sizing.partitions()) + " partition(s) for today's peak: a key is hashed to a"
                            + " partition by the partition count, so adding partitions later sends keys to new"
                            + " partitions, and a key's records before and after the change are read out of order",
                    "create the topic with the partitions the peak of its whole life needs; to grow past them,"
                            + " create a larger topic and move producers and consumers over at a cut-over point"));
        }
        if (sizing.partitions() != null) {
            out.add(Check.ok(
                    "consumers-within-partitions",
                    Numbers.plain(sizing.consumers()) + " consumer(s) on " + Numbers.plain(sizing.partitions())
                            + " partition(s): a consumer beyond the partition count would sit idle; "
                            + Capacity.percent(sizing.consumers(), sizing.partitions()) + " of the partitions"
                            + " have a consumer of their own"));
        }
        if (idempotency.ttlHours() != null) {
            double keys = c.throughputPerSecond() * idempotency.ttlHours() * 3600.0;
            double maxKeys = fact("guide.dedupe-ttl", "max-keys");
            String detail = "dedupe keys live " + Numbers.plain(idempotency.ttlHours())
                    + " h: longer than the redelivery "
                    + "window (" + d.redeliveryFormula(failure) + ")"
                    + (d.retry(failure) != null && d.retry(failure).horizon() > 0
                            ? " with the retry horizon ("
                                    + Numbers.duration(d.retry(failure).horizon()) + ")"
                            : "")
                    + " and the replay window ("
                    + Numbers.seconds(c.retentionDays() * 86_400.0) + "); at peak rate the store holds "
                    + Numbers.plain(Math.ceil(keys)) + " keys";
            detail += "; " + Capacity.percent(keys, maxKeys) + " used";
            out.add(
                    keys <= maxKeys
                            ? Check.ok("dedupe-ttl", detail)
                            : new Check(
                                    "dedupe-ttl",
                                    Status.WARN,
                                    detail,
                                    s.topology() == Topology.PARTITIONED_LOG
                                            ? "a high-water mark per key instead of a set of ids: store the last"
                                                    + " offset (or version) applied for each key, and skip a record"
                                                    + " at or below it"
                                            : "a version per entity instead of a set of ids: apply an event only"
                                                    + " if its version is above the one stored with the entity"));
        }
        out.addAll(Budgets.checks(d, failure, sizing));
        // every ceiling of the product, each with its utilisation: egress and storage are counted there
        out.addAll(Capacity.checks(s, d.load(sizing), facts));
        Check tiered = tieredStorage(sizing);
        if (tiered != null) {
            out.add(tiered);
        }
        return out;
    }

    /**
     * A Kafka topic kept for months sizes its brokers by disk: past the guide's long retention, tiered storage
     * keeps the old segments in object storage and the brokers only the recent ones.
     */
    private Check tieredStorage(Sizing sizing) {
        double days = a().context().retentionDays();
        double limit = fact("guide.long-retention", "days");
        if ((s.product() != Product.MSK && s.product() != Product.KAFKA) || days <= limit) {
            return null;
        }
        facts.add("guide.long-retention");
        facts.add("kafka.tiered-storage");
        return new Check(
                "tiered-storage",
                Status.WARN,
                "keeping " + Numbers.plural(days, "day") + " (" + Numbers.bytes(sizing.storageBytes())
                        + " with replicas) on the brokers' disks, against the " + Numbers.plain(limit)
                        + " days past which the guide keeps old segments off them (guide.long-retention); "
                        + Capacity.percent(days, limit) + " used",
                "tiered storage (remote.storage.enable=true, local.retention.ms of the days consumers read, "
                        + "kafka.tiered-storage): the brokers then hold only those days, and the cluster is sized by"
                        + " throughput, not by the archive");
    }

    /**
     * What one ordered lane delivers: 1 / p99 where the next message follows as soon as one is acknowledged;
     * on SQS FIFO a group's next receive waits until the last batch is deleted, so each receive's batch,
     * processed in order, pays a receive and delete round trip as well.
     */
    double lanePace(double p99) {
        if (d.profile().laneUnbatchedRecordsPerSecond() == null) {
            return p99 > 0 ? 1 / p99 : Double.POSITIVE_INFINITY;
        }
        facts.add("sqs-fifo.message-group");
        facts.add("guide.receive-round-trip");
        double batch = fact("sqs-fifo.message-group", "max-messages-per-receive");
        return batch / (batch * p99 + fact("guide.receive-round-trip", "seconds"));
    }

    /** How {@link #lanePace} was reached, where it is more than 1 / p99; empty otherwise. */
    String lanePaceFormula(double p99) {
        if (d.profile().laneUnbatchedRecordsPerSecond() == null) {
            return "";
        }
        double batch = fact("sqs-fifo.message-group", "max-messages-per-receive");
        return " (" + Numbers.plain(batch) + " messages a receive, processed in order, then deleted before the "
                + d.laneWord() + "'s next receive: " + Numbers.plain(batch) + " / (" + Numbers.plain(batch)
                + " x " + Numbers.plain(p99) + " s + a receive and delete round trip of "
                + Numbers.plain(fact("guide.receive-round-trip", "seconds")) + " s, guide.receive-round-trip))";
    }

    /** What one lane takes whatever the consumers, in the product's words; empty where it states nothing. */
    String laneQuota() {
        Profile p = d.profile();
        String lane = d.laneWord();
        if (p.laneUnbatchedRecordsPerSecond() != null) {
            return ", and at most " + Numbers.plain(p.laneUnbatchedRecordsPerSecond()) + " msg/s per " + lane
                    + " unbatched (" + Numbers.plain(p.laneRecordsPerSecond()) + " in batches of "
                    + Numbers.plain(fact(s.product().laneFact, "messages-per-batch")) + ", since a " + lane
                    + " lives in one partition)";
        }
        List<String> quota = new ArrayList<>();
        if (p.laneRecordsPerSecond() != null) {
            quota.add(Numbers.plain(p.laneRecordsPerSecond()) + " records/s");
        }
        if (p.laneBytesPerSecond() != null) {
            quota.add(Numbers.rate(p.laneBytesPerSecond()));
        }
        return quota.isEmpty() ? "" : ", and at most " + String.join(" and ", quota) + " per " + lane;
    }
}
