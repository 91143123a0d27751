package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The settings of one design, in the order a record lists them: the lease, the function's own (under a function
 * runtime), the deliveries and dead letter, the retention, the lane and its concurrency, then what the product
 * sets its own way ({@link ProductRules#settings}), its extras and the dedupe key's lifetime. Retries, heartbeat
 * and tenant fairness follow ({@link #retrySettings}, {@link #fairness}).
 */
final class DesignSettings {

    private final Design d;
    private final Situation s;
    private final Set<String> facts;

    DesignSettings(Design d) {
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

    List<Setting> settings(Failure failure, Idempotency idempotency) {
        List<Setting> out = new ArrayList<>();
        Vocabulary v = s.product().vocabulary();
        if (failure.leaseSeconds() != null) {
            // a setting named in milliseconds (max.poll.interval.ms) is given in them, value and range alike, as
            // the product takes it
            boolean ms = v.lease().endsWith(".ms") || v.lease().endsWith(" ms)");
            Profile.Range seconds = Design.bounded(profile().leaseSeconds());
            out.add(
                    ms
                            ? new Setting(
                                    v.lease(),
                                    Numbers.plain(failure.leaseSeconds() * 1000.0) + " ms ("
                                            + Numbers.plain(failure.leaseSeconds()) + " s)",
                                    failure.leaseSeconds() * 1000.0,
                                    seconds == null
                                            ? null
                                            : new Profile.Range(
                                                    seconds.min() == null ? null : seconds.min() * 1000,
                                                    seconds.max() == null ? null : seconds.max() * 1000),
                                    "ms",
                                    s.product().leaseFact)
                            : new Setting(
                                    v.lease(),
                                    Numbers.plain(failure.leaseSeconds()) + " s",
                                    (double) failure.leaseSeconds(),
                                    seconds,
                                    "s",
                                    s.product().leaseFact));
        }
        out.addAll(FunctionRuntime.settings(d));
        if (failure.maxDeliveries() != null) {
            // Lambda's MaximumRetryAttempts counts retries: one less than the deliveries
            int shown = d.lambdaOnShards() ? failure.maxDeliveries() - 1 : failure.maxDeliveries();
            out.add(new Setting(
                    d.rules.attemptsName(d),
                    shown
                            + (d.lambdaOnShards() ? " (" + failure.maxDeliveries() + " deliveries in all)" : "")
                            + d.attemptsClampNote(failure.maxDeliveries()),
                    (double) shown,
                    Design.bounded(profile().attempts()),
                    "",
                    s.product().attemptsFact));
            out.add(new Setting(
                    failure.deadLetter(),
                    d.rules.deadLetterKept(d),
                    null,
                    null,
                    null,
                    d.lambdaOnShards() ? "lambda.on-failure-destination" : s.product().retentionFact));
        }
        Setting kept = retentionSetting();
        if (kept != null) {
            out.add(kept);
        }
        out.addAll(d.rules.retentionSettings(d));
        if (s.a().ordering() == Ordering.PER_KEY && s.queued()) {
            out.add(new Setting(
                    v.lane(),
                    "the key whose order matters (an order id, a user id)",
                    null,
                    null,
                    null,
                    s.product().laneFact));
        }
        Sizing sizing = d.sizing();
        if (sizing.inFlightPerPartition() != null && s.queued()) {
            int n = sizing.inFlightPerPartition();
            if (d.lambdaOnShards()) {
                out.add(FunctionRuntime.parallelization(d, n));
            } else if (n > 1) {
                out.add(new Setting(
                        "records in flight per " + d.laneWord(),
                        Numbers.plain(n)
                                + (a().ordered()
                                        ? ": a key-parallel consumer, records of different keys of one "
                                                + d.laneWord() + " at once, one at a time per key"
                                                + (s.product().transactional()
                                                        ? " (an application design, such as Confluent's"
                                                                + " Parallel Consumer: KafkaConsumer has no such"
                                                                + " setting)"
                                                        : "")
                                        : ": records of one " + d.laneWord() + " processed at once")
                                + "; " + d.rules.offsetVerb() + " only the "
                                + d.rules.position()
                                + " below the oldest unfinished record",
                        (double) n,
                        new Profile.Range(1.0, fact("guide.consumer-concurrency", "max-in-flight")),
                        "",
                        "guide.consumer-concurrency"));
            }
        }
        Profile p = profile();
        if (p.raisedPayloadBytes() != null && s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
            out.add(d.rules.payloadSetting(d));
        }
        out.addAll(d.rules.settings(d, failure, sizing));
        for (String extra : v.extra()) {
            Setting set = d.rules.extra(d, failure, extra);
            if (set != null) {
                out.add(set);
            }
        }
        if (idempotency.ttlHours() != null) {
            out.add(new Setting(
                    "dedupe key lifetime",
                    idempotency.ttlHours() + " h",
                    (double) idempotency.ttlHours(),
                    null,
                    "h",
                    "guide.dedupe-ttl"));
        }
        return out;
    }

    /** "the dead-letter queue", but "a dead-letter stream written by the consumer" as the vocabulary has it. */
    static String definite(String noun) {
        return noun.startsWith("a ") || noun.startsWith("an ") ? noun : "the " + noun;
    }

    /** The retry settings: backoff in the product's mechanism, the horizon it reaches, and a heartbeat. */
    List<Setting> retrySettings(Failure failure, RetryModel retry) {
        List<Setting> out = new ArrayList<>();
        out.add(new Setting("retry backoff", retry.mechanism(), null, null, null, "guide.backoff"));
        out.add(new Setting(
                "retry horizon",
                Numbers.duration(retry.horizon()) + " of waiting over " + retry.attempts() + " attempts (base "
                        + Numbers.plain(retry.base()) + " s, cap " + Numbers.plain(retry.cap()) + " s)"
                        + (failure.deadLetter() != null ? ", then " + definite(failure.deadLetter()) : "")
                        + (a().failure().retryHorizonHours() > 0
                                ? "; asked: " + Numbers.duration(a().failure().retryHorizonHours() * 3600)
                                : ""),
                Math.ceil(retry.horizon()),
                null,
                "s",
                "guide.backoff"));
        if (d.heartbeat() && failure.leaseSeconds() != null) {
            double renew = Math.floor(failure.leaseSeconds() / 3.0);
            out.add(new Setting(
                    "heartbeat",
                    "renew the " + s.product().vocabulary().leaseWord() + " to "
                            + Numbers.plain(failure.leaseSeconds()) + " s every " + Numbers.plain(renew)
                            + " s while the work runs (" + d.rules.renewCall(d)
                            + "): a crashed worker's message is back"
                            + " within " + Numbers.plain(failure.leaseSeconds())
                            + " s, not after the worst case of "
                            + Numbers.duration(a().failure().maxProcessingSeconds()),
                    renew,
                    null,
                    "s",
                    "guide.heartbeat"));
        }
        return out;
    }

    /** How one tenant's burst is kept from delaying the others, in the product's own terms. */
    Setting fairness() {
        if (!a().context().tenantFairness() || !s.queued()) {
            return null;
        }
        return d.rules.fairness(d);
    }

    /**
     * The main entity's retention in the product's own name and unit: the answer, kept inside the product's
     * range; "until consumed" on a queue takes the product's maximum, since its default (SQS's 4 days) would
     * delete a backlog an outage left behind. Null where the product has no such setting.
     */
    Setting retentionSetting() {
        Product.RetentionSetting r = s.product().retentionSetting();
        if (r == null || !s.queued() || s.topology() == Topology.EPHEMERAL_PUB_SUB) {
            return null;
        }
        Profile.Range range = profile().retentionSeconds();
        boolean untilConsumed = a().context().retentionDays() == 0;
        double wanted = retentionWanted();
        double seconds = range.clamp(wanted);
        double value = seconds * r.perSecond();
        String note = untilConsumed && s.topology() != Topology.PARTITIONED_LOG && d.rules.keepsEnqueueTime(d)
                ? ": half the longest " + Design.owner(s.product().retentionFact) + " keeps, so a backlog survives an"
                        + " outage and a dead letter, which keeps its enqueue time when it moves, still has "
                        + Numbers.seconds(range.max() - seconds) + " in the dead-letter queue"
                : untilConsumed && s.topology() != Topology.PARTITIONED_LOG
                        ? ": the longest " + Design.owner(s.product().retentionFact)
                                + " keeps, so a backlog survives an outage;"
                                + " a message still unconsumed after it is deleted"
                        : seconds < wanted
                                ? ": the most " + Design.owner(s.product().retentionFact) + " keeps, short of the "
                                        + Numbers.seconds(wanted) + " asked"
                                : untilConsumed
                                        ? ": the product's default, as no retention was asked"
                                        : d.defaultRetention() > 0 && d.defaultRetention() < seconds
                                                ? ": the retention asked; the default of "
                                                        + Numbers.seconds(d.defaultRetention())
                                                        + " would delete sooner"
                                                : ": the retention asked";
        Profile.Range shown = range.min() == null && range.max() == null
                ? null
                : new Profile.Range(
                        range.min() == null ? null : range.min() * r.perSecond(),
                        range.max() == null ? null : range.max() * r.perSecond());
        return new Setting(
                r.name(),
                Numbers.plain(value) + " " + r.unit()
                        + (Numbers.seconds(seconds).equals(Numbers.plain(value) + " s")
                                        || Numbers.seconds(seconds).equals(Numbers.plain(value) + " " + r.unit())
                                ? ""
                                : " (" + Numbers.seconds(seconds) + ")")
                        + note,
                value,
                shown,
                r.unit(),
                s.product().retentionFact);
    }

    /** The retention the record asks of the main entity, before the product's range. */
    double retentionWanted() {
        Profile.Range range = profile().retentionSeconds();
        if (a().context().retentionDays() == 0 && s.topology() != Topology.PARTITIONED_LOG && range.max() != null) {
            return d.rules.keepsEnqueueTime(d) ? Math.floor(range.max() / 2) : range.max();
        }
        return d.retentionSeconds();
    }

    /** The retention the record sets on the main entity: what a dead letter is compared with. */
    double retentionSet() {
        return s.product().retentionSetting() == null
                ? d.retentionSeconds()
                : profile().retentionSeconds().clamp(retentionWanted());
    }
}
