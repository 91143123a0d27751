package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The numbers of one design, each computed against the product's {@link Profile} and kept inside its ranges: the
 * lease, the deliveries, the dead letter and its alarms, the retention. What one product (or family) does its own
 * way is asked of its {@link ProductRules}; sizing, settings and checks are written by {@link Sizer},
 * {@link DesignSettings} and {@link DesignChecks} over this design. Not thread-safe: {@code facts} collects the
 * facts the record cites while it is written.
 */
final class Design {

    /** The setting that batches SQS FIFO calls, which a global order's check names. */
    static final String BATCHING = "batching (send, receive and delete)";

    final Situation s;
    final Set<String> facts;
    final ProductRules rules;

    Design(Situation s, Set<String> facts) {
        this.s = s;
        this.facts = facts;
        this.rules = ProductRules.of(s.product());
    }

    static double fact(String id, String number) {
        return Facts.registry().get(id).number(number);
    }

    Answers a() {
        return s.a();
    }

    Profile profile() {
        return s.product().profile();
    }

    /** The lease the work needs, before the product's range is applied. */
    double neededLease() {
        return Math.max(workLease(), leaseFloor());
    }

    /** The lease the work itself asks for: the worst case with its buffer, or Lambda's multiple of its timeout. */
    double workLease() {
        int worst = a().failure().maxProcessingSeconds();
        if (s.lambda()) {
            facts.add("sqs.lambda-visibility");
            facts.add("lambda.timeout");
            double timeout = Math.min(worst, fact("lambda.timeout", "max-seconds"));
            return fact("sqs.lambda-visibility", "factor") * timeout;
        }
        facts.add("guide.lease-buffer");
        return Math.max(
                worst * fact("guide.lease-buffer", "factor"), worst + fact("guide.lease-buffer", "min-extra-seconds"));
    }

    /**
     * The shortest lease the product should be given whatever the work: RabbitMQ advises no consumer timeout
     * below its recommended minimum (it checks once a minute), and a log's poll interval covers a whole poll's
     * records, so it never goes below the product's default. 0 where the product asks for no floor.
     */
    double leaseFloor() {
        String id = s.product().leaseFact;
        if (id == null || s.lambda()) {
            return 0;
        }
        Facts.Fact f = Facts.registry().get(id);
        if (f.has("recommended-min-seconds")) {
            return f.number("recommended-min-seconds");
        }
        return s.product().partitioned() && f.has("default-seconds") ? f.number("default-seconds") : 0;
    }

    /**
     * How long one delivery can hold a message: the lease, or where the lease is clamped below the work and
     * renewed while it runs (a Service Bus lock of 5 minutes on a 30-minute job), the lease the work needs. The
     * clamped lease alone would undercount the window a redelivery can come back in.
     */
    double heldPerDelivery(Failure failure) {
        return failure.leaseSeconds() == null ? 0 : Math.max(failure.leaseSeconds(), neededLease());
    }

    double redeliveryWindow(Failure failure) {
        return failure.maxDeliveries() == null ? 0 : heldPerDelivery(failure) * failure.maxDeliveries();
    }

    String redeliveryFormula(Failure failure) {
        double window = redeliveryWindow(failure);
        if (failure.leaseSeconds() == null || failure.maxDeliveries() == null) {
            return Numbers.seconds(window) + ": no lease to wait out";
        }
        double held = heldPerDelivery(failure);
        return Numbers.seconds(window) + " = " + failure.maxDeliveries() + " deliveries x "
                + (held > failure.leaseSeconds()
                        ? Numbers.seconds(held) + " each, the "
                                + s.product().vocabulary().lease() + " of "
                                + Numbers.seconds(failure.leaseSeconds()) + " renewed while the work runs"
                        : "a lease of " + Numbers.seconds(held));
    }

    /** Why the lease is longer than the work asks, in words; empty when it is not. */
    String leaseFloorReason() {
        if (leaseFloor() <= workLease()) {
            return "";
        }
        String owner = owner(s.product().leaseFact);
        return Facts.registry().get(s.product().leaseFact).has("recommended-min-seconds")
                ? "; it is set to " + owner + "'s advised minimum of " + Numbers.seconds(leaseFloor()) + " instead"
                : "; it keeps " + owner + "'s default of " + Numbers.seconds(leaseFloor())
                        + ", since one poll's records are all processed within it";
    }

    /**
     * The deliveries before the dead letter: the attempts answered, raised only to Lambda's floor (so throttled
     * batches are not dead-lettered) and kept inside the product's range; {@link #attemptsReason} says why
     * where they differ.
     */
    int deliveries() {
        double wanted = a().failure().maxAttempts();
        // SQS's advice against dead-lettering throttled batches: a stream's event source has no receive count
        if (s.lambda() && !lambdaOnShards()) {
            facts.add("sqs.lambda-receives");
            wanted = Math.max(wanted, fact("sqs.lambda-receives", "min-count"));
        }
        return (int) profile().attempts().clamp(wanted);
    }

    String attemptsReason() {
        int asked = a().failure().maxAttempts();
        if (s.lambda() && !lambdaOnShards() && asked < fact("sqs.lambda-receives", "min-count")) {
            return "a Lambda consumer's queue needs at least "
                    + Numbers.plain(fact("sqs.lambda-receives", "min-count"))
                    + " receives, so that throttled batches are not dead-lettered (sqs.lambda-receives)";
        }
        return s.product().brand() + "'s " + s.product().vocabulary().attempts() + " takes "
                + profile().attempts() + " (" + s.product().attemptsFact + ")";
    }

    /** The retry model of this design; null where nothing is retried (ephemeral pub/sub). */
    RetryModel retry(Failure failure) {
        if (s.topology() == Topology.EPHEMERAL_PUB_SUB) {
            return null;
        }
        return RetryModel.of(s, failure.maxDeliveries(), attemptsReason(), facts);
    }

    /**
     * Long work holds a short lease and renews it while it runs, so a crashed worker's message comes back
     * within the heartbeat's lease rather than after the worst case: where the product's lease can be renewed
     * by the consumer (not by Lambda's poller or a push subscription, and not RabbitMQ's consumer timeout or
     * a log's poll interval, which are no per-message lease).
     */
    boolean heartbeat() {
        return rules.renewCall(this) != null
                && s.queued()
                && !s.lambda()
                && !pushSubscription()
                && a().failure().maxProcessingSeconds() > fact("guide.heartbeat", "threshold-seconds");
    }

    Failure failure() {
        Topology t = s.topology();
        if (t == Topology.NONE) {
            return new Failure(null, null, null, List.of("error rate and p99 latency of the call"));
        }
        if (t == Topology.EPHEMERAL_PUB_SUB) {
            return new Failure(null, null, null, List.of("subscriber disconnects"));
        }
        boolean leases = t.leases() || s.product().leaseFact != null;
        double leaseWanted = neededLease();
        if (heartbeat()) {
            facts.add("guide.heartbeat");
            leaseWanted = Math.min(leaseWanted, fact("guide.heartbeat", "lease-seconds"));
        }
        Integer lease = leases ? (int) Math.ceil(profile().leaseSeconds().clamp(leaseWanted)) : null;
        Integer deliveries = null;
        String deadLetter = null;
        List<String> alarms = new ArrayList<>();
        if (s.deadLetters()) {
            facts.add("guide.receives");
            deliveries = deliveries();
            deadLetter = rules.deadLetter(this);
            alarms.add(rules.deadLetterAlarm(this));
        }
        facts.add("guide.age-alarm");
        // a lease clamped below the work (a renewed lock) must not make the alarm fire on every long job
        double basis = Math.max(lease != null ? lease : 0, a().failure().maxProcessingSeconds());
        double age = Math.max(fact("guide.age-alarm", "min-seconds"), fact("guide.age-alarm", "factor") * basis);
        String ageAlarm = rules.ageAlarm(this);
        alarms.add(
                ageAlarm + (ageAlarm.endsWith("more than") ? " " : " above ") + Numbers.plain(Math.ceil(age)) + " s");
        return new Failure(lease, deliveries, deadLetter, alarms);
    }

    Sizing sizing() {
        return new Sizer(this).sizing();
    }

    Capacity.Load load(Sizing sizing) {
        return new Sizer(this).load(sizing);
    }

    List<Setting> settings(Failure failure, Idempotency idempotency) {
        return new DesignSettings(this).settings(failure, idempotency);
    }

    List<Check> checks(Failure failure, Idempotency idempotency, Sizing sizing) {
        return new DesignChecks(this).checks(failure, idempotency, sizing);
    }

    /** How long stored messages are kept: the answer, or the product's default when "until consumed". */
    double retentionSeconds() {
        if (!s.queued() || s.topology() == Topology.EPHEMERAL_PUB_SUB) {
            return 0;
        }
        if (a().context().retentionDays() > 0) {
            return a().context().retentionDays() * 86_400.0;
        }
        String id = s.product().retentionFact;
        return id != null && Facts.registry().get(id).has("default-seconds") ? fact(id, "default-seconds") : 0;
    }

    /** What the product keeps when its retention is not set; 0 where it states no default. */
    double defaultRetention() {
        String id = s.product().retentionFact;
        return id != null && Facts.registry().get(id).has("default-seconds") ? fact(id, "default-seconds") : 0;
    }

    /** Independent readers of every record: the subscribers of a broadcast, else one consumer group. */
    int readers() {
        return a().broadcast() ? Math.max(1, a().context().subscribers()) : 1;
    }

    /** Lambda on Kinesis reads a shard with ParallelizationFactor batches at once. */
    boolean lambdaOnShards() {
        return s.lambda() && s.product() == Product.KINESIS;
    }

    /** How many records one partition may have in flight at once: the consumer's own cap. */
    double laneConcurrency() {
        if (s.exactlyOnceInside()) {
            // a transaction commits the consumed offsets with the outputs: records after an unfinished one,
            // already produced, would be produced again after a restart, so a partition is processed in order
            return 1;
        }
        if (lambdaOnShards()) {
            facts.add("lambda.kinesis-parallelization");
            return fact("lambda.kinesis-parallelization", "max-count");
        }
        facts.add("guide.consumer-concurrency");
        return fact("guide.consumer-concurrency", "max-in-flight");
    }

    String laneCapFact() {
        if (s.exactlyOnceInside()) {
            return "kafka.transactions: one record at a time, since the offsets commit with the outputs";
        }
        return lambdaOnShards() ? "lambda.kinesis-parallelization" : "guide.consumer-concurrency";
    }

    /** "partition" or "shard", without the key in brackets. */
    String laneWord() {
        return s.product().vocabulary().lane().split(" \\(")[0];
    }

    /** A log on brokers you size yourself: no per-partition quota of the product's own applies. */
    boolean sizedByBrokers() {
        return s.product().partitioned() && profile().laneRecordsPerSecond() == null;
    }

    /** One global lane above what unbatched calls carry: the design runs only with batches. */
    boolean needsBatches() {
        Double unbatched = profile().laneUnbatchedRecordsPerSecond();
        double rate = a().context().throughputPerSecond();
        // above the batched quota no setting helps: the capacity check fails instead
        return a().ordering() == Ordering.GLOBAL
                && unbatched != null
                && rate > unbatched
                && rate <= profile().laneRecordsPerSecond();
    }

    /** The consumer receives by push (a function's trigger), where the product's pull-only features do not apply. */
    boolean pushSubscription() {
        return rules.pushDelivery(this);
    }

    /**
     * Why the deliveries differ from the attempts answered, so a record never overrides an answer silently;
     * empty where they agree.
     */
    String attemptsClampNote(int deliveries) {
        int asked = a().failure().maxAttempts();
        if (deliveries == asked) {
            return "";
        }
        String why;
        if (s.lambda()
                && !lambdaOnShards()
                && deliveries == (int) fact("sqs.lambda-receives", "min-count")
                && asked < deliveries) {
            why = "under Lambda at least " + deliveries + ", so throttled batches are not dead-lettered"
                    + " (sqs.lambda-receives)";
        } else if (profile().attempts().min() != null
                && deliveries == profile().attempts().min().intValue()
                && asked < deliveries) {
            why = owner(s.product().attemptsFact) + " takes no fewer (" + s.product().attemptsFact + ")";
        } else {
            why = owner(s.product().attemptsFact) + " takes no more (" + s.product().attemptsFact + ")";
        }
        return " (the " + asked + " attempt(s) asked, " + (deliveries > asked ? "raised" : "lowered") + ": " + why
                + ")";
    }

    /** Whose limit a fact states: SNS's payload, but its subscriber queues' (SQS's) visibility timeout. */
    static String owner(String factId) {
        return Facts.registry().get(factId).product();
    }

    /** A fact's min-count..max-count. */
    Profile.Range range(String id) {
        facts.add(id);
        return new Profile.Range(fact(id, "min-count"), fact(id, "max-count"));
    }

    /** The range a setting must keep, or none when the product states neither end. */
    static Profile.Range bounded(Profile.Range r) {
        return r.min() == null && r.max() == null ? null : r;
    }
}
