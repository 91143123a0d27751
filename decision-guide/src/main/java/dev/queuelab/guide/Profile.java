package dev.queuelab.guide;

import java.util.ArrayList;
import java.util.List;

/**
 * A product's limits, resolved from the facts its {@link Product} cites: every bound a setting or a check
 * uses. An absent bound (null) means the product states none that the guide relies on.
 *
 * @param leaseSeconds     the range of the lease setting (visibility timeout, ack deadline, lock duration...)
 * @param attempts         the range of the delivery-attempts setting
 * @param maxPayloadBytes  the largest message as configured by default
 * @param raisedPayloadBytes the largest message once the product's own setting is raised (null: cannot be)
 * @param retentionSeconds the range of retention
 * @param laneRecordsPerSecond what one lane (shard, partition unit, ordering key) accepts, in records
 * @param laneBytesPerSecond   what one lane accepts, in bytes
 * @param laneUnbatchedRecordsPerSecond what one lane accepts when every call carries one message (SQS FIFO's
 *                        partition: 300 calls a second per action), where batching raises it; null otherwise
 * @param facts            the ids of the facts these come from, for the record's sources
 */
public record Profile(
        Range leaseSeconds,
        Range attempts,
        Double maxPayloadBytes,
        Double raisedPayloadBytes,
        Range retentionSeconds,
        Double laneRecordsPerSecond,
        Double laneBytesPerSecond,
        Double laneUnbatchedRecordsPerSecond,
        List<String> facts) {

    /** A closed range; either end may be null for "no bound". */
    public record Range(Double min, Double max) {
        public double clamp(double value) {
            double v = min != null ? Math.max(min, value) : value;
            return max != null ? Math.min(max, v) : v;
        }

        public boolean contains(double value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }

        @Override
        public String toString() {
            if (min == null) {
                return max == null ? "any" : "at most " + Numbers.plain(max);
            }
            return max == null ? "at least " + Numbers.plain(min) : Numbers.plain(min) + ".." + Numbers.plain(max);
        }
    }

    static final Range UNBOUNDED = new Range(null, null);

    static Profile of(Product p) {
        Facts f = Facts.registry();
        List<String> ids = new ArrayList<>();
        Range lease = range(f, p.leaseFact, "seconds", ids);
        Range attempts = range(f, p.attemptsFact, "count", ids);
        Range retention = range(f, p.retentionFact, "seconds", ids);
        Double payload = null;
        Double raised = null;
        if (p.payloadFact != null) {
            Facts.Fact fact = f.get(p.payloadFact);
            ids.add(fact.id());
            // a fact with a default below its maximum names a limit the product lets you raise (SNS, Kinesis)
            payload = fact.has("default-bytes") ? fact.number("default-bytes") : fact.number("max-bytes");
            raised = fact.has("default-bytes") && fact.has("max-bytes") ? fact.number("max-bytes") : null;
        }
        Double laneRecords = null;
        Double laneBytes = null;
        Double laneUnbatched = null;
        if (p.laneFact != null) {
            Facts.Fact fact = f.get(p.laneFact);
            ids.add(fact.id());
            laneRecords = fact.has("records-per-second") ? fact.number("records-per-second") : null;
            laneBytes = fact.has("bytes-per-second") ? fact.number("bytes-per-second") : null;
            laneUnbatched =
                    fact.has("unbatched-records-per-second") ? fact.number("unbatched-records-per-second") : null;
        }
        return new Profile(
                lease, attempts, payload, raised, retention, laneRecords, laneBytes, laneUnbatched, List.copyOf(ids));
    }

    private static Range range(Facts f, String id, String unit, List<String> ids) {
        if (id == null) {
            return UNBOUNDED;
        }
        Facts.Fact fact = f.get(id);
        ids.add(id);
        return new Range(
                fact.has("min-" + unit) ? fact.number("min-" + unit) : null,
                fact.has("max-" + unit) ? fact.number("max-" + unit) : null);
    }
}
