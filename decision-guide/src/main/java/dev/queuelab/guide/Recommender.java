package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Evidence;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns answers into a recommendation: the six questions decide the topology, {@link Tools} the product,
 * {@link Rules} fire on the result, and every number is computed against the product's {@link Profile} and
 * printed in its own words. Pure: the same answers always give the same recommendation.
 */
public final class Recommender {

    private static final String QUEUE_CHECK = "work-queue/visibility";
    private static final String SQS_REFERENCE = "dev.queuelab.reference.workqueue.SqsWorkQueue";
    private static final String BATCHING = "batching (send, receive and delete)";
    static final String TIER = "tier";

    private Recommender() {}

    /**
     * The record for these answers: the design the questions choose, or where it cannot work, the first of the
     * products weighed against it (and, for a retention no queue keeps, the platform's logs) that passes every
     * check, with the failing designs' arithmetic kept beside it. Where none passes, the first design stays, with
     * every alternative tried listed.
     */
    public static Recommendation recommend(Answers a) {
        Recommendation first = design(a, null, null);
        if (first.feasibility().feasible() || first.topology() == Topology.NONE) {
            return first;
        }
        List<Recommendation.Rejected> tried = new ArrayList<>();
        tried.add(Recommendation.Rejected.of(first));
        for (Product p : candidates(a, first)) {
            Recommendation r = design(a, p, first);
            if (r.feasibility().feasible()) {
                return r.withRejected(tried);
            }
            tried.add(Recommendation.Rejected.of(r));
        }
        return first.withRejected(tried.subList(1, tried.size()));
    }

    /** The design the answers choose, without trying alternatives when it fails: what its checks say of it. */
    static Recommendation asked(Answers a) {
        return design(a, null, null);
    }

    /** The products to try when the first design fails: those weighed against it, then the platform's logs. */
    private static List<Product> candidates(Answers a, Recommendation first) {
        Set<Product> out = new LinkedHashSet<>(first.alternatives());
        boolean retention = first.feasibility().checks().stream()
                .anyMatch(c -> c.status() == Feasibility.Status.FAIL && c.id().equals("retention-limit"));
        if (retention || first.topology() == Topology.PARTITIONED_LOG) {
            Tools.Choice logs = Tools.choose(Topology.PARTITIONED_LOG, a);
            out.add(logs.primary());
            out.addAll(logs.alternatives());
        }
        out.remove(first.product());
        out.remove(Product.DIRECT_CALL);
        // the nearest design stays where the team runs: the same cloud, or brokers of its own
        out.removeIf(p -> home(p) != home(first.product()));
        return List.copyOf(out);
    }

    /** Where a product runs: one of the three clouds, or on brokers the team runs itself. */
    private static String home(Product p) {
        if (p.onAws()) {
            return "aws";
        }
        return switch (p) {
            case PUBSUB -> "gcp";
            case SERVICE_BUS, EVENT_HUBS -> "azure";
            default -> "self-run";
        };
    }

    /**
     * One design: the topology the questions choose, with the product the tools choose, or {@code forced}, tried
     * because {@code failed} (the first design) cannot work.
     */
    private static Recommendation design(Answers a, Product forced, Recommendation failed) {
        List<String> path = new ArrayList<>();
        Topology asked = topology(a, path);
        Tools.Choice chosen = Tools.choose(asked, a);
        Tools.Choice tool = forced == null
                ? chosen
                : new Tools.Choice(
                        forced,
                        java.util.stream.Stream.concat(
                                        java.util.stream.Stream.of(chosen.primary()), chosen.alternatives().stream())
                                .toList());
        Topology topology =
                forced != null && forced.partitioned() ? Topology.PARTITIONED_LOG : shaped(asked, tool.primary());
        if (failed != null) {
            path.add("product: " + forced.brand() + ", since "
                    + failed.product().brand() + " fails "
                    + String.join(
                            ", ",
                            failed.feasibility().checks().stream()
                                    .filter(c -> c.status() == Feasibility.Status.FAIL)
                                    .map(Check::id)
                                    .toList()));
        } else if (topology != asked) {
            path.add("product: " + tool.primary().brand() + ", a log");
        }
        Situation s = new Situation(a, topology, tool.primary());
        List<Rules.Rule> fired = Rules.firing(s);
        Set<String> facts = new LinkedHashSet<>(s.product().profile().facts());
        // a fired rule's reasoning rests on the facts its source names: the record cites them too
        fired.forEach(r -> java.util.Arrays.stream(r.source().split("[ ,()]+"))
                .filter(Facts.registry().all()::containsKey)
                .filter(id -> cites(s, id))
                .forEach(facts::add));
        facts.addAll(CostModel.facts(s.product()));
        Design d = new Design(s, facts);
        Failure failure = d.failure();
        Idempotency idempotency = d.idempotency(failure);
        Sizing sizing = d.sizing();
        Feasibility feasibility = Feasibility.of(d.checks(failure, idempotency, sizing));
        List<Warning> warnings = new ArrayList<>(Contradictions.find(s));
        if (!s.queued() && a.semantic() == Semantic.EXACTLY_ONCE) {
            warnings.add(new Warning(
                    "semantic-changed",
                    "exactly-once was asked; a direct call that is retried delivers at least once, so this record builds"
                            + " at-least-once with an idempotency key the callee stores with its result, which makes"
                            + " the effect happen once"));
        }
        RetryModel retry = d.retry(failure);
        List<Setting> settings = new ArrayList<>(d.settings(failure, idempotency));
        if (retry != null) {
            warnings.addAll(retry.warnings());
            settings.addAll(d.retrySettings(failure, retry));
        }
        Setting fairness = d.fairness();
        if (fairness != null) {
            settings.add(fairness);
        }
        warnings.forEach(w ->
                Contradictions.facts(w.id()).stream().filter(id -> cites(s, id)).forEach(facts::add));
        return new Recommendation(
                topology,
                s.product(),
                tool.alternatives(),
                s.semantic(),
                ordering(s),
                failure,
                List.copyOf(settings),
                idempotency,
                d.exactlyOnce(),
                d.producerSide(),
                sizing,
                feasibility,
                PubSubWords.of(
                        s.product(),
                        s.product()
                                .vocabulary()
                                .words(
                                        topology == Topology.EPHEMERAL_PUB_SUB
                                                ? redisBackpressure(facts)
                                                : s.a().ordering() == Ordering.GLOBAL && s.queued()
                                                        ? "buffer behind the single {lane}: one message is in flight at a time, so more"
                                                                + " consumers do not drain it faster; alarm on the oldest"
                                                                + " message's age"
                                                        : backpressure(topology))),
                List.copyOf(warnings),
                wouldChangeIf(a, topology),
                evidence(s, failure),
                fired,
                List.copyOf(facts),
                List.copyOf(path),
                List.of());
    }

    /** A rule's source fact belongs in this record: the guide's own policy, or a fact about the chosen product. */
    private static boolean cites(Situation s, String factId) {
        String family = factId.substring(0, factId.indexOf('.'));
        if (factId.contains("lambda")) {
            return s.lambda();
        }
        return family.equals("guide") || s.product().families().contains(family);
    }

    /** The six questions in order; each answer either decides the topology or passes to the next. */
    static Topology topology(Answers a, List<String> path) {
        path.add("sync: " + a.sync().word());
        if (!a.async()) {
            return Topology.NONE;
        }
        path.add("shape: " + a.shape().word());
        path.add("replay: " + a.replay());
        if (a.replay()) {
            return Topology.PARTITIONED_LOG;
        }
        path.add("ordering: " + a.ordering().word());
        if (a.broadcast()) {
            path.add("semantic: " + a.semantic().word());
            boolean nothingToKeep =
                    a.semantic() == Semantic.AT_MOST_ONCE && a.context().retentionDays() == 0;
            return nothingToKeep ? Topology.EPHEMERAL_PUB_SUB : Topology.PUB_SUB_FANOUT;
        }
        if (a.ordered()) {
            return Topology.FIFO_WORK_QUEUE;
        }
        boolean small = a.context().throughputPerSecond() <= fact("guide.small-work", "messages-per-second")
                && (a.context().platform() == Answers.Platform.SELF_HOSTED
                        || a.context().platform() == Answers.Platform.ANY);
        return small ? Topology.IN_APP_JOB_QUEUE : Topology.WORK_QUEUE;
    }

    /**
     * The topology as the chosen product builds it: per-key or global order on a log (Kafka, Event Hubs, a RabbitMQ
     * super stream) is a partitioned log read by one consumer group, not a FIFO queue of message groups, and the
     * record must speak of partitions and offsets, not of groups and visibility.
     */
    static Topology shaped(Topology asked, Product product) {
        return asked == Topology.FIFO_WORK_QUEUE && product.partitioned() ? Topology.PARTITIONED_LOG : asked;
    }

    /** The topology the record ends with for these answers: the questions', shaped by the product they choose. */
    static Topology effective(Answers a) {
        Topology asked = topology(a, new ArrayList<>());
        return shaped(asked, Tools.choose(asked, a).primary());
    }

    static double fact(String id, String number) {
        return Facts.registry().get(id).number(number);
    }

    private static String ordering(Situation s) {
        Answers a = s.a();
        if (!a.ordered() || !s.queued()) {
            return a.ordering().word();
        }
        String lane = s.product().vocabulary().lane();
        if (a.ordering() == Ordering.GLOBAL) {
            return "global: a single " + lane;
        }
        return s.product().partitioned()
                ? "per-key: each key hashed to one " + lane + ", one message of a key in flight at a time"
                : "per-key: one " + lane + " per key";
    }

    /** The numbers of one design, each computed against the product's profile and kept inside its ranges. */
    private record Design(Situation s, Set<String> facts) {

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
                    worst * fact("guide.lease-buffer", "factor"),
                    worst + fact("guide.lease-buffer", "min-extra-seconds"));
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
            if (s.lambda() && s.product() != Product.KINESIS) {
                facts.add("sqs.lambda-receives");
                wanted = Math.max(wanted, fact("sqs.lambda-receives", "min-count"));
            }
            return (int) profile().attempts().clamp(wanted);
        }

        String attemptsReason() {
            int asked = a().failure().maxAttempts();
            if (s.lambda() && s.product() != Product.KINESIS && asked < fact("sqs.lambda-receives", "min-count")) {
                return "a Lambda consumer's queue needs at least "
                        + Numbers.plain(fact("sqs.lambda-receives", "min-count"))
                        + " receives, so that throttled batches are not dead-lettered (sqs.lambda-receives)";
            }
            return s.product().brand() + "'s " + s.product().vocabulary().attempts() + " takes "
                    + profile().attempts() + " (" + s.product().attemptsFact + ")";
        }

        /** How one tenant's burst is kept from delaying the others, in the product's own terms. */
        Setting fairness() {
            if (!a().context().tenantFairness() || !s.queued()) {
                return null;
            }
            if (s.product() == Product.SQS_STANDARD || s.product() == Product.SNS_SQS) {
                facts.add("sqs.fair-queues");
                return new Setting(
                        "MessageGroupId (fair queues)",
                        "the tenant id on every send: a standard queue whose messages carry a message group id is a"
                                + " fair queue, so one tenant's backlog does not hold back the others' messages (no"
                                + " order is implied); alarm on the noisy tenant's dwell time",
                        null,
                        null,
                        null,
                        "sqs.fair-queues");
            }
            return new Setting(
                    "tenant fairness",
                    s.product().brand() + " has no fairness across tenants of its own: a queue (or "
                            + s.product().vocabulary().words("{reader}") + ") per tenant class, with the consumers"
                            + " taking from each in turn, or a per-tenant limit on the handlers in flight",
                    null,
                    null,
                    null,
                    "guide.headroom");
        }

        /** The retry settings: backoff in the product's mechanism, the horizon it reaches, and a heartbeat. */
        List<Setting> retrySettings(Failure failure, RetryModel retry) {
            List<Setting> out = new ArrayList<>();
            out.add(new Setting("retry backoff", retry.mechanism(), null, null, null, "guide.backoff"));
            out.add(new Setting(
                    "retry horizon",
                    Numbers.duration(retry.horizon()) + " of waiting over " + retry.attempts() + " attempts (base "
                            + Numbers.plain(retry.base()) + " s, cap " + Numbers.plain(retry.cap()) + " s)"
                            + (failure.deadLetter() != null ? ", then the " + failure.deadLetter() : "")
                            + (a().failure().retryHorizonHours() > 0
                                    ? "; asked: "
                                            + Numbers.duration(a().failure().retryHorizonHours() * 3600)
                                    : ""),
                    Math.ceil(retry.horizon()),
                    null,
                    "s",
                    "guide.backoff"));
            if (heartbeat() && failure.leaseSeconds() != null) {
                double renew = Math.floor(failure.leaseSeconds() / 3.0);
                out.add(new Setting(
                        "heartbeat",
                        "renew the " + s.product().vocabulary().leaseWord() + " to "
                                + Numbers.plain(failure.leaseSeconds()) + " s every " + Numbers.plain(renew)
                                + " s while the work runs (" + renewCall() + "): a crashed worker's message is back"
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

        private String renewCall() {
            return switch (s.product()) {
                case PUBSUB -> "modifyAckDeadline; the client libraries do it up to their maximum extension, below";
                case SERVICE_BUS -> "RenewMessageLock; the processor does it up to MaxAutoLockRenewalDuration, below";
                case REDIS_STREAMS ->
                    "XCLAIM of the entry to the same consumer with JUSTID, which resets its idle time";
                case JOBS_TABLE -> "UPDATE jobs SET locked_until = now() + the lease WHERE id = the job";
                default -> "ChangeMessageVisibility with the receipt handle";
            };
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
            boolean renewable = switch (s.product()) {
                case SQS_STANDARD,
                        SQS_FIFO,
                        SNS_SQS,
                        SNS_FIFO_SQS_FIFO,
                        EVENTBRIDGE,
                        PUBSUB,
                        SERVICE_BUS,
                        REDIS_STREAMS,
                        JOBS_TABLE -> true;
                default -> false;
            };
            return renewable
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
            Product.Vocabulary v = s.product().vocabulary();
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
                deadLetter = kinesisWithoutLambda() ? KINESIS_CONSUMER_DEAD_LETTER : v.deadLetter();
                alarms.add(
                        kinesisWithoutLambda()
                                ? "records written to the dead-letter stream above 0"
                                : v.deadLetterAlarm());
            }
            facts.add("guide.age-alarm");
            // a lease clamped below the work (a renewed lock) must not make the alarm fire on every long job
            double basis = Math.max(lease != null ? lease : 0, a().failure().maxProcessingSeconds());
            double age = Math.max(fact("guide.age-alarm", "min-seconds"), fact("guide.age-alarm", "factor") * basis);
            alarms.add(ageAlarm() + (ageAlarm().endsWith("more than") ? " " : " above ") + Numbers.plain(Math.ceil(age))
                    + " s");
            return new Failure(lease, deliveries, deadLetter, alarms);
        }

        Idempotency idempotency(Failure failure) {
            Answers.SideEffects effects = a().context().sideEffects();
            if (!s.queued()) {
                if (Rules.IDEMPOTENCY_KEY_FOR_RETRIED_CALLS.firesOn(s)) {
                    return new Idempotency(
                            "an idempotency key per logical request, sent with every retry",
                            "the callee stores each key with its result and answers a repeat from it",
                            null);
                }
                return new Idempotency(null, null, null);
            }
            if (s.semantic() != Semantic.AT_LEAST_ONCE) {
                return new Idempotency(null, null, null);
            }
            facts.add("guide.dedupe-ttl");
            RetryModel retry = retry(failure);
            double redelivery = redeliveryWindow(failure) + (retry == null ? 0 : retry.horizon());
            double replay = a().context().retentionDays() * 86_400.0;
            double ttl = Math.max(fact("guide.dedupe-ttl", "min-seconds"), Math.max(redelivery, replay));
            String key = effects == Answers.SideEffects.EXTERNAL
                    ? "a business key (order id, payment id), also sent downstream as the provider's idempotency key"
                    : producerSetKey();
            return new Idempotency(
                    key,
                    effects == Answers.SideEffects.EXTERNAL
                            // an e-mail or a payment API cannot join the consumer's database transaction
                            ? "a processed-keys table with a unique key and an expiry: mark the key in progress"
                                    + " before the external call and done after it; the call itself cannot share the"
                                    + " table's transaction, so the provider's idempotency key (above) is what drops"
                                    + " a repeat that comes after a crash between the two"
                            : "a processed-keys table with a unique key and an expiry (or Redis SET NX with a TTL),"
                                    + " written in the same transaction as the consumer's effect",
                    (int) Math.ceil(ttl / 3600));
        }

        /**
         * The consumer's dedupe key where effects stay inside: an id the producer sets once per event, since a
         * broker-assigned id is new on every send (SQS MessageId, Pub/Sub message id, a log's offset).
         */
        String producerSetKey() {
            String base = "an id the producer sets once per event (the outbox row id, or a business key)";
            return switch (s.product()) {
                case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE ->
                    base + ", in a message attribute: "
                            + "SQS gives every send a new MessageId, so a producer's retry would not be caught";
                case PUBSUB -> {
                    facts.add("pubsub.exactly-once");
                    yield base + ", in an attribute: a publisher's retry gets a new message id";
                }
                case SERVICE_BUS -> base + ", as the MessageId (duplicate detection reads the same field)";
                case RABBITMQ_QUORUM -> base + ", as the message_id property";
                case KINESIS ->
                    base + ", in the record's data (an envelope field): a Kinesis record has only its data, a partition"
                            + " key (the ordering key) and an explicit hash key, no headers, and its sequence number"
                            + " catches a redelivery but not a producer's retry";
                case KAFKA, MSK, EVENT_HUBS, RABBITMQ_STREAMS, REDIS_STREAMS ->
                    base + ", in the record's key or a "
                            + "header: records carry no message id, and the position ("
                            + (s.product() == Product.REDIS_STREAMS ? "entry id" : "partition and offset")
                            + ") catches a redelivery but not a producer's retry";
                default -> base;
            };
        }

        String exactlyOnce() {
            if (a().semantic() != Semantic.EXACTLY_ONCE || !s.queued()) {
                return null;
            }
            String fact = s.product().exactlyOnceFact;
            String offer;
            if (fact == null) {
                offer = s.product().brand() + " offers no exactly-once mechanism";
            } else {
                facts.add(fact);
                offer = s.product().brand() + " offers: "
                        + Facts.registry().get(fact).fact()
                        + (pushSubscription() ? " (not to a function, whose trigger is a push subscription)" : "");
            }
            String gap = s.exactlyOnceInside()
                    ? "It does not cover effects outside the log: keep every effect inside it (consume, transform, produce)."
                    : "It does not cover the consumer's effect"
                            + (a().context().sideEffects() == Answers.SideEffects.EXTERNAL
                                    ? " on the external system"
                                    : "")
                            + ": build at-least-once with an idempotent consumer (below).";
            return offer + ". " + gap;
        }

        String producerSide() {
            if (!s.queued() || a().producer() != Answers.Producer.DB_THEN_PUBLISH) {
                return null;
            }
            if (s.product() == Product.JOBS_TABLE) {
                // the queue is a table in the same database: the insert is the outbox, and nothing relays it
                return "required: insert the job row in the same database transaction as the write it stems from;"
                        + " the jobs table is its own outbox, with no relay to run";
            }
            return "required: a transactional outbox (the event is written in the database transaction, then a relay "
                    + "publishes it and marks it sent) or change data capture on the database's log; never write then "
                    + "publish, which loses or invents events on a crash between the two";
        }

        Sizing sizing() {
            Answers.Context c = a().context();
            facts.add("guide.headroom");
            double bytes = c.throughputPerSecond() * c.payloadBytes();
            int needed = (int) Math.max(
                    1,
                    Math.ceil(c.throughputPerSecond() * c.p99ProcessingSeconds() * fact("guide.headroom", "factor")));
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
                double laneCap = laneConcurrency();
                double byConcurrency = Math.ceil(needed / laneCap);
                // brokers you run set no quota per partition: the guide's own size keeps each replica on one disk
                // and each partition's reads and writes within one broker's share
                double byThroughput = 1;
                double byStorage = 1;
                if (sizedByBrokers()) {
                    facts.add("guide.partition-size");
                    byThroughput = Math.ceil(bytes * readers() * h / fact("guide.partition-size", "bytes-per-second"));
                    byStorage = Math.ceil(bytes * retentionSeconds() * h / fact("guide.partition-size", "max-bytes"));
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
                        + " per " + laneWord() + " (" + laneCapFact() + ")"
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
                                        + " for " + Numbers.rate(bytes * readers()) + " read, "
                                        + Numbers.plain(byStorage) + " for " + Numbers.bytes(bytes * retentionSeconds())
                                        + " kept per copy");
            }
            Integer units = null;
            if (s.product() == Product.EVENT_HUBS && s.queued()) {
                // units are bought for the namespace and cap ingress and egress alike; a partition carries about one
                String tu = "eventhubs.throughput-unit";
                facts.add(tu);
                facts.add("eventhubs.partitions");
                double out = bytes * readers();
                double hu = fact("guide.headroom", "factor");
                double unitsIn = Math.max(
                        Math.ceil(bytes * hu / fact(tu, "bytes-per-second")),
                        Math.ceil(c.throughputPerSecond() * hu / fact(tu, "records-per-second")));
                double unitsOut = Math.max(
                        Math.ceil(out * hu / fact(tu, "egress-bytes-per-second")),
                        Math.ceil(c.throughputPerSecond() * readers() * hu / fact(tu, "egress-records-per-second")));
                units = (int) Math.max(1, Math.max(unitsIn, unitsOut));
                formula += "; throughput units = the larger of ingress (" + Numbers.rate(bytes) + " or "
                        + Numbers.plain(c.throughputPerSecond()) + " events/s, against "
                        + Numbers.rate(fact(tu, "bytes-per-second")) + " or "
                        + Numbers.plain(fact(tu, "records-per-second")) + " events/s a unit) and egress ("
                        + Numbers.rate(out) + " to " + readers() + " reader(s), against "
                        + Numbers.rate(fact(tu, "egress-bytes-per-second")) + " or "
                        + Numbers.plain(fact(tu, "egress-records-per-second")) + " events/s a unit), each with "
                        + Numbers.plain(hu) + "x headroom = "
                        + Numbers.plain(units) + " (" + tu + ")";
                if (partitions != null && a().ordering() != Ordering.GLOBAL && partitions < units) {
                    partitions = units;
                    perPartition = (int) Math.ceil((double) needed / partitions);
                    formula += "; partitions >= throughput units (eventhubs.partitions) = " + Numbers.plain(partitions);
                }
            }
            // stated once, from the final partition count, so the sentence never gives two answers
            if (lanes && a().ordering() != Ordering.GLOBAL && partitions != null) {
                formula += "; in flight per " + laneWord() + " = " + Numbers.plain(needed) + " / "
                        + Numbers.plain(partitions) + " = " + Numbers.plain(perPartition);
            }
            double retention = retentionSeconds();
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

        /**
         * The retry setting in the product's words; under order a retry topic would let later records of the key
         * pass the failed one, so an ordered log retries in place (the partition waits) instead.
         */
        String attemptsName() {
            if (s.product() == Product.KINESIS) {
                // MaximumRetryAttempts is an event source mapping's: a KCL consumer retries in its own code
                return s.lambda()
                        ? "MaximumRetryAttempts (event source mapping: the retries after the first attempt)"
                        : "retries in the consumer (the KCL record processor), then the dead-letter stream";
            }
            String name = s.product().vocabulary().attempts();
            return a().ordered() && name.contains("retry topics")
                    ? "blocking retries in the consumer, with backoff (the partition waits: a retry topic would break the order)"
                    : name;
        }

        /** Independent readers of every record: the subscribers of a broadcast, else one consumer group. */
        int readers() {
            return a().broadcast() ? Math.max(1, a().context().subscribers()) : 1;
        }

        /** What all readers together ask of one shard when they share its reads. */
        double sharedReadBytesPerShard() {
            Sizing z = sizing();
            return z.partitions() == null ? 0 : z.bytesPerSecond() / z.partitions() * readers();
        }

        static final String KINESIS_CONSUMER_DEAD_LETTER = "a dead-letter stream (or an S3 prefix) the consumer writes";

        /** A Kinesis stream read by a service (KCL): the event source mapping's settings do not exist there. */
        boolean kinesisWithoutLambda() {
            return s.product() == Product.KINESIS && !s.lambda();
        }

        /**
         * The metric that shows readers falling behind: a Kinesis reader registered for enhanced fan-out is not
         * counted by GetRecords' iterator age, and a Lambda consumer reports its own.
         */
        String ageAlarm() {
            if (s.product() != Product.KINESIS) {
                return s.product().vocabulary().ageAlarm();
            }
            if (s.lambda()) {
                return "IteratorAge (the function's metric)";
            }
            return enhancedFanOut()
                    ? "SubscribeToShardEvent.MillisBehindLatest"
                    : s.product().vocabulary().ageAlarm();
        }

        boolean enhancedFanOut() {
            return s.product() == Product.KINESIS
                    && readers() > 1
                    && sharedReadBytesPerShard() * fact("guide.read-headroom", "factor")
                            > fact("kinesis.enhanced-fan-out", "shared-read-bytes-per-second");
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

        List<Setting> settings(Failure failure, Idempotency idempotency) {
            List<Setting> out = new ArrayList<>();
            Product.Vocabulary v = s.product().vocabulary();
            if (!s.queued()) {
                out.addAll(callSettings());
            }
            if (failure.leaseSeconds() != null) {
                // a setting named in milliseconds (max.poll.interval.ms) is given in them, value and range alike, as
                // the product takes it
                boolean ms = v.lease().endsWith(".ms") || v.lease().endsWith(" ms)");
                Profile.Range seconds = bounded(profile().leaseSeconds());
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
            if (s.lambda()) {
                facts.add("lambda.timeout");
                double timeout = Math.min(a().failure().maxProcessingSeconds(), fact("lambda.timeout", "max-seconds"));
                out.add(new Setting(
                        "function timeout",
                        Numbers.plain(timeout) + " s",
                        timeout,
                        new Profile.Range(null, fact("lambda.timeout", "max-seconds")),
                        "s",
                        "lambda.timeout"));
                out.add(new Setting(
                        "FunctionResponseTypes",
                        lambdaOnShards()
                                // a stream is checkpointed: everything after the failed record is read again
                                ? "ReportBatchItemFailures: return the first failed record's sequence number; Lambda"
                                        + " checkpoints below it and retries that record and every later one of the"
                                        + " batch"
                                : a().ordered()
                                        ? "ReportBatchItemFailures: stop at the first failed message and report it and"
                                                + " every later one of the batch, so its message group keeps its order"
                                        : "ReportBatchItemFailures (a failed message is retried alone, not its whole"
                                                + " batch)",
                        null,
                        null,
                        null,
                        null));
                if (!lambdaOnShards()) {
                    Profile.Range r = range("lambda.sqs-max-concurrency");
                    double wanted = r.clamp(sizing().consumersNeeded());
                    out.add(new Setting(
                            "MaximumConcurrency (event source mapping)",
                            Numbers.plain(wanted),
                            wanted,
                            r,
                            "",
                            "lambda.sqs-max-concurrency"));
                }
            }
            if (failure.maxDeliveries() != null) {
                // Lambda's MaximumRetryAttempts counts retries: one less than the deliveries
                int shown = lambdaOnShards() ? failure.maxDeliveries() - 1 : failure.maxDeliveries();
                out.add(new Setting(
                        attemptsName(),
                        shown
                                + (lambdaOnShards() ? " (" + failure.maxDeliveries() + " deliveries in all)" : "")
                                + attemptsClampNote(failure.maxDeliveries()),
                        (double) shown,
                        bounded(profile().attempts()),
                        "",
                        s.product().attemptsFact));
                out.add(new Setting(
                        failure.deadLetter(),
                        dlqRetentionText(),
                        null,
                        null,
                        null,
                        lambdaOnShards() ? "lambda.on-failure-destination" : s.product().retentionFact));
            }
            Setting kept = retentionSetting();
            if (kept != null) {
                out.add(kept);
            }
            if (s.product() == Product.PUBSUB && a().replay()) {
                out.add(new Setting(
                        "retain_acked_messages (subscription)",
                        "true: acknowledged messages stay for the retention above, so seeking the subscription to a"
                                + " time (or a snapshot) replays them; without it, acknowledged messages are gone",
                        null,
                        null,
                        null,
                        s.product().retentionFact));
            }
            if (s.a().ordering() == Ordering.PER_KEY && s.queued()) {
                out.add(new Setting(
                        v.lane(),
                        "the key whose order matters (an order id, a user id)",
                        null,
                        null,
                        null,
                        s.product().laneFact));
            }
            Sizing sizing = sizing();
            if (sizing.inFlightPerPartition() != null && s.queued()) {
                int n = sizing.inFlightPerPartition();
                if (lambdaOnShards()) {
                    Profile.Range r = range("lambda.kinesis-parallelization");
                    out.add(new Setting(
                            "ParallelizationFactor (event source mapping)",
                            Numbers.plain(n) + " batches at once per shard"
                                    + " (records of one partition key stay in order)",
                            (double) n,
                            r,
                            "",
                            "lambda.kinesis-parallelization"));
                } else if (n > 1) {
                    out.add(new Setting(
                            "records in flight per " + laneWord(),
                            Numbers.plain(n)
                                    + (a().ordered()
                                            ? ": a key-parallel consumer, records of different keys of one "
                                                    + laneWord() + " at once, one at a time per key"
                                                    + (s.product().transactional()
                                                            ? " (an application design, such as Confluent's"
                                                                    + " Parallel Consumer: KafkaConsumer has no such"
                                                                    + " setting)"
                                                            : "")
                                            : ": records of one " + laneWord() + " processed at once")
                                    + "; " + offsetVerb() + " only the "
                                    + (s.product() == Product.KINESIS ? "sequence number" : "offset")
                                    + " below the oldest unfinished record",
                            (double) n,
                            new Profile.Range(1.0, fact("guide.consumer-concurrency", "max-in-flight")),
                            "",
                            "guide.consumer-concurrency"));
                }
            }
            Profile p = profile();
            if (p.raisedPayloadBytes() != null && s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
                double raised = Math.ceil(s.payloadBytes());
                if (s.product() == Product.SERVICE_BUS) {
                    // the nearest design is the premium tier, whose entities take 1,024 KB unless raised
                    String id = s.product().payloadFact;
                    double kb = Math.max(fact(id, "premium-default-kilobytes"), Math.ceil(s.payloadBytes() / 1024));
                    out.add(new Setting(
                            "Premium tier, MaxMessageSizeInKilobytes",
                            Numbers.plain(kb) + " KB",
                            kb,
                            new Profile.Range(fact(id, "premium-default-kilobytes"), fact(id, "premium-max-kilobytes")),
                            "KB",
                            id));
                } else {
                    // the setting's own range where the fact states it (SNS takes 1,024 bytes up), else from the
                    // default
                    Facts.Fact size = Facts.registry().get(s.product().payloadFact);
                    out.add(new Setting(
                            s.product().sns() ? "MaximumMessageSize" : "maximum record size",
                            Numbers.plain(raised) + " bytes",
                            raised,
                            new Profile.Range(
                                    size.has("min-bytes") ? size.number("min-bytes") : p.maxPayloadBytes(),
                                    p.raisedPayloadBytes()),
                            "bytes",
                            s.product().payloadFact));
                }
            }
            if (s.product() == Product.SERVICE_BUS && s.queued()) {
                facts.add("servicebus.pricing");
                facts.add("servicebus.standard-throttling");
                out.add(new Setting(
                        TIER,
                        premium()
                                ? "Premium: dedicated messaging units (1 to "
                                        + Numbers.plain(fact("servicebus.pricing", "max-messaging-units"))
                                        + "), since " + premiumReason()
                                : "Standard: " + Numbers.plain(standardCredits()) + " credits a second of the "
                                        + Numbers.plain(fact("servicebus.standard-throttling", "credits-per-second"))
                                        + " a namespace gets",
                        null,
                        null,
                        null,
                        premium() ? "servicebus.pricing" : "servicebus.standard-throttling"));
            }
            if (s.product() == Product.RABBITMQ_STREAMS && s.queued()) {
                facts.add("rabbitmq.stream-deduplication");
                out.add(new Setting(
                        "producer name and publishing id",
                        "one live producer per name (the outbox relay, say), each message's publishing id taken from"
                                + " an always-growing source such as the outbox row id: the stream drops a retry it"
                                + " already stored",
                        null,
                        null,
                        null,
                        "rabbitmq.stream-deduplication"));
            }
            if (s.product() == Product.SQS_FIFO || s.product() == Product.SNS_FIFO_SQS_FIFO) {
                facts.add("sqs-fifo.dedup-interval");
                out.add(new Setting(
                        "MessageDeduplicationId",
                        "the outbox row id (or the event's own id) on every send, so a "
                                + "producer's retry within the deduplication interval is dropped; or ContentBasedDeduplication: true "
                                + "where equal bodies are the same event",
                        null,
                        null,
                        null,
                        "sqs-fifo.dedup-interval"));
            }
            if (needsBatches()) {
                String id = s.product().laneFact;
                out.add(new Setting(
                        BATCHING,
                        "SendMessageBatch, ReceiveMessage with MaxNumberOfMessages="
                                + Numbers.plain(fact(id, "messages-per-batch")) + " and DeleteMessageBatch: the one "
                                + laneWord() + " lives in one partition, which takes "
                                + Numbers.plain(profile().laneUnbatchedRecordsPerSecond())
                                + " calls a second per action; the group's next batch is handed out only once this one"
                                + " is deleted, so the receive and delete round trip counts against the 1 / p99 pace",
                        null,
                        null,
                        null,
                        id));
            }
            if (highThroughputMode()) {
                facts.add("sqs-fifo.throughput");
                out.add(new Setting(
                        "high-throughput mode",
                        "FifoThroughputLimit=perMessageGroupId, DeduplicationScope=messageGroup: "
                                + Numbers.plain(a().context().throughputPerSecond())
                                + " msg/s is above the "
                                + Numbers.plain(fact("sqs-fifo.throughput", "transactions-per-second"))
                                + " calls a second per action (SendMessage, ReceiveMessage, DeleteMessage) a FIFO"
                                + " queue takes without it; send and delete in batches too (SendMessageBatch,"
                                + " DeleteMessageBatch), so the outbox relay is not throttled",
                        null,
                        null,
                        null,
                        "sqs-fifo.throughput"));
            }
            if (s.product() == Product.KINESIS && readers() > 1) {
                Profile.Range r = new Profile.Range(1.0, fact("kinesis.enhanced-fan-out", "max-consumers"));
                facts.add("kinesis.enhanced-fan-out");
                double wanted = r.clamp(readers());
                if (enhancedFanOut()) {
                    facts.add("guide.read-headroom");
                    out.add(new Setting(
                            "enhanced fan-out (RegisterStreamConsumer)",
                            Numbers.plain(wanted)
                                    + " registered consumers, one per subscriber, each with its own 2 MB/s per shard",
                            wanted,
                            r,
                            "",
                            "kinesis.enhanced-fan-out"));
                }
            }
            if (sizing.throughputUnits() != null) {
                String tu = "eventhubs.throughput-unit";
                Profile.Range r = new Profile.Range(1.0, fact(tu, "max-units"));
                double units = r.clamp(sizing.throughputUnits());
                out.add(new Setting(
                        "throughput units (namespace, standard tier)",
                        Numbers.plain(units) + ", with auto-inflate capped at the same number so a burst is throttled,"
                                + " not billed",
                        units,
                        r,
                        "",
                        tu));
            }
            String replication = s.product().replicationFact();
            if (replication != null && s.queued()) {
                out.add(new Setting(
                        s.product().replicationSetting(),
                        Numbers.plain(fact(replication, "replicas")),
                        fact(replication, "replicas"),
                        null,
                        "",
                        replication));
            }
            if (s.product().transactional() && s.queued()) {
                out.add(new Setting(
                        "min.insync.replicas",
                        Numbers.plain(fact("kafka.replication", "min-in-sync")),
                        fact("kafka.replication", "min-in-sync"),
                        null,
                        "",
                        "kafka.replication"));
            }
            if (pushSubscription()) {
                out.add(new Setting(
                        "subscription type",
                        "push (the function's Eventarc trigger): exactly-once delivery is for pull subscriptions only,"
                                + " so the consumer's dedupe (below) is what stops a repeat",
                        null,
                        null,
                        null,
                        "pubsub.exactly-once"));
            }
            if (s.product() == Product.SERVICE_BUS
                    && failure.leaseSeconds() != null
                    && heldPerDelivery(failure) > failure.leaseSeconds()) {
                // the lock is renewed by the client, and only for as long as its renewal duration allows
                facts.add("servicebus.auto-lock-renewal");
                double renew = Math.ceil(neededLease());
                out.add(new Setting(
                        s.functionOutsideAws()
                                ? "maxAutoLockRenewalDuration (host.json, extensions.serviceBus)"
                                : "MaxAutoLockRenewalDuration (ServiceBusProcessorOptions)",
                        Numbers.plain(renew) + " s: the renewal must outlast the work, and its default of "
                                + Numbers.seconds(fact("servicebus.auto-lock-renewal", "default-seconds"))
                                + " would lose the lock and deliver the message again",
                        renew,
                        null,
                        "s",
                        "servicebus.auto-lock-renewal"));
            }
            if (s.product() == Product.PUBSUB
                    && !pushSubscription()
                    && failure.leaseSeconds() != null
                    && heldPerDelivery(failure) > failure.leaseSeconds()) {
                // the client library renews the ack deadline, and only for its maximum extension period
                facts.add("pubsub.lease-management");
                double extend = Math.max(
                        Math.ceil(neededLease()), fact("pubsub.lease-management", "default-max-extension-seconds"));
                out.add(new Setting(
                        "maximum lease extension (subscriber client: maxAckExtensionPeriod, max_lease_duration)",
                        Numbers.plain(extend) + " s"
                                + (neededLease() > fact("pubsub.lease-management", "default-max-extension-seconds")
                                        ? ": raised from the libraries' default of "
                                                + Numbers.seconds(fact(
                                                        "pubsub.lease-management", "default-max-extension-seconds"))
                                                + ", past which the message is delivered again mid-work"
                                        : ": the libraries' default, longer than the work"),
                        extend,
                        null,
                        "s",
                        "pubsub.lease-management"));
            }
            for (String extra : v.extra()) {
                if (pushSubscription() && extra.startsWith("enable_exactly_once_delivery")) {
                    continue;
                }
                if (extra.startsWith("prefetch (basic.qos)") && failure.leaseSeconds() != null) {
                    out.add(prefetch(failure.leaseSeconds()));
                    continue;
                }
                if (kinesisWithoutLambda() && extra.contains("Lambda")) {
                    continue;
                }
                String[] nameValue = extra.split(": ", 2);
                out.add(new Setting(nameValue[0], nameValue[1], null, null, null, null));
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
            String note = untilConsumed && s.topology() != Topology.PARTITIONED_LOG && keepsEnqueueTime()
                    ? ": half the longest " + owner(s.product().retentionFact) + " keeps, so a backlog survives an"
                            + " outage and a dead letter, which keeps its enqueue time when it moves, still has "
                            + Numbers.seconds(range.max() - seconds) + " in the dead-letter queue"
                    : untilConsumed && s.topology() != Topology.PARTITIONED_LOG
                            ? ": the longest " + owner(s.product().retentionFact)
                                    + " keeps, so a backlog survives an outage;"
                                    + " a message still unconsumed after it is deleted"
                            : seconds < wanted
                                    ? ": the most " + owner(s.product().retentionFact) + " keeps, short of the "
                                            + Numbers.seconds(wanted) + " asked"
                                    : untilConsumed
                                            ? ": the product's default, as no retention was asked"
                                            : defaultRetention() > 0 && defaultRetention() < seconds
                                                    ? ": the retention asked; the default of "
                                                            + Numbers.seconds(defaultRetention())
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

        /**
         * A standard SQS queue's dead letter keeps its original enqueue time, so it expires from the dead-letter
         * queue as early as it would have from its source: the source must keep messages less long.
         */
        boolean keepsEnqueueTime() {
            return (s.product() == Product.SQS_STANDARD
                            || s.product() == Product.SNS_SQS
                            || s.product() == Product.EVENTBRIDGE)
                    && s.deadLetters();
        }

        /** The retention the record asks of the main entity, before the product's range. */
        double retentionWanted() {
            Profile.Range range = profile().retentionSeconds();
            if (a().context().retentionDays() == 0 && s.topology() != Topology.PARTITIONED_LOG && range.max() != null) {
                return keepsEnqueueTime() ? Math.floor(range.max() / 2) : range.max();
            }
            return retentionSeconds();
        }

        /** The retention the record sets on the main entity: what a dead letter is compared with. */
        double retentionSet() {
            return s.product().retentionSetting() == null
                    ? retentionSeconds()
                    : profile().retentionSeconds().clamp(retentionWanted());
        }

        /** The named ways to keep a log longer than its product does, on the answers' platform. */
        String longerRetention() {
            return switch (s.product()) {
                case KINESIS ->
                    "Amazon MSK, whose retention is bounded by its disks (tiered storage for the old"
                            + " segments), or Amazon Data Firehose delivering the stream to S3 and replay from there";
                case EVENT_HUBS ->
                    "Event Hubs Capture to Blob Storage (or Data Lake) and replay from there, the"
                            + " premium or dedicated tier (90 days), or an event store that keeps every event";
                case PUBSUB ->
                    "a Cloud Storage subscription archiving every message, replayed from there, or Kafka"
                            + " with retention bounded by its disks";
                default ->
                    "a longer retention.ms with tiered storage, or archive the old segments to object storage"
                            + " and replay from there";
            };
        }

        /** What the product keeps when its retention is not set; 0 where it states no default. */
        double defaultRetention() {
            String id = s.product().retentionFact;
            return id != null && Facts.registry().get(id).has("default-seconds") ? fact(id, "default-seconds") : 0;
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

        /**
         * A RabbitMQ consumer's prefetch: a prefetched message's consumer timeout runs from its own delivery, while
         * it waits behind the ones before it, so the k-th in a consumer's buffer must finish within the timeout
         * after k jobs of the worst case.
         */
        Setting prefetch(int timeoutSeconds) {
            int worst = Math.max(1, a().failure().maxProcessingSeconds());
            int count = Math.max(1, timeoutSeconds / worst);
            return new Setting(
                    "prefetch (basic.qos)",
                    count
                            + (count == 1
                                    ? ": one message per consumer, since a prefetched message's x-consumer-timeout runs from"
                                            + " its delivery while it waits behind a job of up to "
                                            + Numbers.seconds(worst)
                                    : " at most per consumer: a prefetched message's x-consumer-timeout runs from its"
                                            + " delivery, and the last of " + count + " waits " + (count - 1)
                                            + " jobs of up"
                                            + " to " + Numbers.seconds(worst)),
                    (double) count,
                    null,
                    "",
                    "rabbitmq.consumer-timeout");
        }

        /** How the product's readers record their position: Kafka commits, Event Hubs and Kinesis checkpoint. */
        String offsetVerb() {
            return switch (s.product()) {
                case KINESIS, EVENT_HUBS -> "checkpoint";
                case RABBITMQ_STREAMS -> "store";
                default -> "commit";
            };
        }

        /**
         * A direct call's timeout and retries: the timeout covers the worst case like a lease would, and a retry
         * budget keeps an outage of the callee from multiplying its load by the attempts.
         */
        List<Setting> callSettings() {
            facts.add("guide.lease-buffer");
            facts.add("guide.retry-budget");
            double timeout = Math.ceil(workLease());
            double rate = a().context().throughputPerSecond();
            int attempts = a().failure().maxAttempts();
            double budget = fact("guide.retry-budget", "ratio");
            return List.of(
                    new Setting(
                            "timeout (per attempt)",
                            Numbers.plain(timeout) + " s: the worst case of "
                                    + Numbers.seconds(a().failure().maxProcessingSeconds()) + " with its buffer",
                            timeout,
                            null,
                            "s",
                            "guide.lease-buffer"),
                    new Setting(
                            "retry budget",
                            attempts <= 1
                                    ? "none: one attempt answered"
                                    : "up to " + attempts + " attempts, with exponential backoff and jitter, but"
                                            + " retries at most " + Numbers.plain(budget * 100) + "% of calls ("
                                            + Numbers.perSecond(rate * budget).replace("msg/s", "calls/s")
                                            + " at peak), so an outage sends "
                                            + Numbers.perSecond(rate * (1 + budget))
                                                    .replace("msg/s", "calls/s") + " to the callee, not "
                                            + Numbers.perSecond(rate * attempts).replace("msg/s", "calls/s"),
                            attempts <= 1 ? null : budget,
                            null,
                            "",
                            "guide.retry-budget"));
        }

        /** Whose limit a fact states: SNS's payload, but its subscriber queues' (SQS's) visibility timeout. */
        private static String owner(String factId) {
            return Facts.registry().get(factId).product();
        }

        /** A fact's min-count..max-count. */
        private Profile.Range range(String id) {
            facts.add(id);
            return new Profile.Range(fact(id, "min-count"), fact(id, "max-count"));
        }

        /** The range a setting must keep, or none when the product states neither end. */
        private static Profile.Range bounded(Profile.Range r) {
            return r.min() == null && r.max() == null ? null : r;
        }

        private String dlqRetentionText() {
            Profile.Range r = profile().retentionSeconds();
            switch (s.product()) {
                case KINESIS -> {
                    if (!s.lambda()) {
                        return "written by the consumer after its last retry, then its checkpoint moves on; keep it"
                                + " longer than the time to notice and repair, and alarm on anything written to it";
                    }
                    facts.add("lambda.on-failure-destination");
                    facts.add("sqs.retention");
                    return "an S3 bucket, which receives the failed records (an SQS queue, kept "
                            + Numbers.seconds(fact("sqs.retention", "max-seconds"))
                            + " at most, or an SNS topic, which keeps nothing, receive only the batch's shard and sequence numbers:"
                            + " re-read those from the stream before its retention ends)";
                }
                case PUBSUB -> {
                    return "a dead-letter topic with a subscription attached (a topic without one loses what it receives), "
                            + "retention up to " + Numbers.seconds(r.max());
                }
                case RABBITMQ_QUORUM -> {
                    // an exchange routes and keeps nothing: the depth to watch is the queue bound to it
                    return "routes to a dead-letter queue bound to it, which keeps messages until read; alarm on that"
                            + " queue's depth";
                }
                case SERVICE_BUS, JOBS_TABLE -> {
                    return "kept until read; alarm on its depth";
                }
                default -> {
                    if (s.product().nativeDeadLetter() && r.max() != null) {
                        boolean fifo = s.product() == Product.SQS_FIFO || s.product() == Product.SNS_FIFO_SQS_FIFO;
                        if (fifo) {
                            facts.add("sqs-fifo.dead-letter");
                        }
                        return (fifo ? "a FIFO queue itself (a FIFO queue's dead-letter queue must be FIFO), " : "")
                                + "retention " + Numbers.seconds(r.max()) + " (its maximum: longer than the source's)";
                    }
                    // a dead letter the consumer writes to a log is trimmed like any log
                    return "deleted by its own retention like any "
                            + laneWord().replace("super stream partition", "stream")
                            + "'s records ("
                            + (s.product().transactional()
                                    ? "retention.ms"
                                    : s.product() == Product.REDIS_STREAMS
                                            ? "MAXLEN"
                                            : s.product() == Product.RABBITMQ_STREAMS ? "max-age" : "its retention")
                            + "): keep it longer than the time to notice and repair; alarm on anything written to it";
                }
            }
        }

        /** What one lane takes whatever the consumers, in the product's words; empty where it states nothing. */
        String laneQuota() {
            Profile p = profile();
            String lane = laneWord();
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

        /**
         * The credits a second a Service Bus Standard namespace would spend: every message is sent once and received
         * once by each reader (a subscription of a topic, or the queue's consumers).
         */
        double standardCredits() {
            return a().context().throughputPerSecond()
                    * (1 + readers())
                    * fact("servicebus.standard-throttling", "credits-per-message-operation");
        }

        /** Service Bus needs the Premium tier: a message above Standard's size, or more credits than it grants. */
        boolean premium() {
            return s.product() == Product.SERVICE_BUS && !premiumReason().isEmpty();
        }

        String premiumReason() {
            List<String> why = new ArrayList<>();
            if (s.payloadBytes() > profile().maxPayloadBytes()) {
                why.add("messages of " + Numbers.bytes(s.payloadBytes()) + " are over Standard's "
                        + Numbers.bytes(profile().maxPayloadBytes()));
            }
            if (standardCredits() > fact("servicebus.standard-throttling", "credits-per-second")) {
                why.add(Numbers.plain(standardCredits()) + " credits a second are over Standard's "
                        + Numbers.plain(fact("servicebus.standard-throttling", "credits-per-second")));
            }
            return String.join(" and ", why);
        }

        /**
         * What one ordered lane delivers: 1 / p99 where the next message follows as soon as one is acknowledged;
         * on SQS FIFO a group's next receive waits until the last batch is deleted, so each receive's batch,
         * processed in order, pays a receive and delete round trip as well.
         */
        double lanePace(double p99) {
            if (profile().laneUnbatchedRecordsPerSecond() == null) {
                return p99 > 0 ? 1 / p99 : Double.POSITIVE_INFINITY;
            }
            facts.add("sqs-fifo.message-group");
            facts.add("guide.receive-round-trip");
            double batch = fact("sqs-fifo.message-group", "max-messages-per-receive");
            return batch / (batch * p99 + fact("guide.receive-round-trip", "seconds"));
        }

        /** How {@link #lanePace} was reached, where it is more than 1 / p99; empty otherwise. */
        String lanePaceFormula(double p99) {
            if (profile().laneUnbatchedRecordsPerSecond() == null) {
                return "";
            }
            double batch = fact("sqs-fifo.message-group", "max-messages-per-receive");
            return " (" + Numbers.plain(batch) + " messages a receive, processed in order, then deleted before the "
                    + laneWord() + "'s next receive: " + Numbers.plain(batch) + " / (" + Numbers.plain(batch)
                    + " x " + Numbers.plain(p99) + " s + a receive and delete round trip of "
                    + Numbers.plain(fact("guide.receive-round-trip", "seconds")) + " s, guide.receive-round-trip))";
        }

        /**
         * The concurrent executions the functions need against the account's quota in the Region, which every
         * function shares: an SQS event source runs one per batch in flight, a Kinesis one ParallelizationFactor
         * batches per shard.
         */
        Check accountConcurrency(Sizing sizing) {
            String id = "lambda.concurrency";
            facts.add(id);
            double needed = lambdaOnShards() && sizing.partitions() != null && sizing.inFlightPerPartition() != null
                    ? (double) sizing.partitions() * sizing.inFlightPerPartition()
                    : sizing.consumersNeeded();
            double quota = fact(id, "default-count");
            double raised = fact(id, "raised-count");
            String detail = Numbers.plain(needed) + " concurrent executions"
                    + (lambdaOnShards()
                            ? " (" + Numbers.plain(sizing.partitions()) + " shards x ParallelizationFactor "
                                    + Numbers.plain(sizing.inFlightPerPartition()) + ")"
                            : "")
                    + " against the account's " + Numbers.plain(quota)
                    + " per Region by default, shared by every function in it";
            detail += "; " + Capacity.percent(needed, quota) + " used";
            if (needed <= quota) {
                return Check.ok("lambda-account-concurrency", detail);
            }
            return needed <= raised
                    ? new Check(
                            "lambda-account-concurrency",
                            Status.WARN,
                            detail,
                            "request a Service Quotas increase of Lambda's concurrent executions in the Region to at"
                                    + " least " + Numbers.plain(needed) + ", before the traffic arrives")
                    : new Check(
                            "lambda-account-concurrency",
                            Status.FAIL,
                            detail,
                            "run the consumers as long-running services (containers): " + Numbers.plain(needed)
                                    + " concurrent executions is past the " + Numbers.plain(raised)
                                    + " a raised quota is sure to reach");
        }

        /** A log on brokers you size yourself: no per-partition quota of the product's own applies. */
        boolean sizedByBrokers() {
            return s.product().partitioned() && profile().laneRecordsPerSecond() == null;
        }

        /**
         * A function on Google Cloud or Azure runs for at most its platform's limit: 540 s for an event-driven Cloud
         * Run function, 10 minutes for Azure Functions on the Consumption plan. Null where neither applies.
         */
        Check functionRuntimeLimit() {
            if (!s.functionOutsideAws()) {
                return null;
            }
            Answers.Platform platform = a().context().platform();
            String id;
            double limit;
            String fix;
            if (s.product() == Product.PUBSUB) {
                id = "gcp.functions-timeout";
                limit = fact(id, "max-event-seconds");
                fix = "run the consumer as a service (Cloud Run or GKE) on a pull subscription, or split the job into"
                        + " steps that each finish within " + Numbers.plain(limit) + " s";
            } else if (platform == Answers.Platform.AZURE) {
                id = "azure.functions-timeout";
                limit = fact(id, "consumption-max-seconds");
                fix = "the Flex Consumption or Premium plan (no fixed functionTimeout cap), or a service, or split"
                        + " the job into steps that each finish within " + Numbers.plain(limit) + " s";
            } else {
                return null;
            }
            facts.add(id);
            int worst = a().failure().maxProcessingSeconds();
            String detail = "worst-case processing of " + Numbers.plain(worst) + " s against the "
                    + Numbers.plain(limit) + " s " + owner(id)
                    + (id.startsWith("gcp") ? " gives an event-driven function" : " allows on the Consumption plan");
            detail += "; " + Capacity.percent(worst, limit) + " used";
            // a job whose worst case is the limit itself is stopped at it: the worst case must end below it
            return worst < limit
                    ? Check.ok("consumer-runtime-limit", detail)
                    : new Check("consumer-runtime-limit", Status.FAIL, detail, fix);
        }

        /** A Pub/Sub-triggered function receives by push, where exactly-once delivery does not apply. */
        boolean pushSubscription() {
            return s.product() == Product.PUBSUB && s.functionOutsideAws();
        }

        /** The subscribers a broadcast needs against what one topic of the product takes. */
        Check subscriptionLimit(String id, String number, String what, String fix) {
            facts.add(id);
            double max = fact(id, number);
            int wanted = a().context().subscribers();
            String detail =
                    Numbers.plain(wanted) + " subscriptions against the " + Numbers.plain(max) + " " + what + " takes";
            detail += "; " + Capacity.percent(wanted, max) + " used";
            return wanted <= max
                    ? Check.ok("topic-subscriptions", detail)
                    : new Check("topic-subscriptions", Status.FAIL, detail, String.format(fix, Numbers.plain(max)));
        }

        /**
         * What a Service Bus queue or topic must hold when its consumers stop: the answered retention's worth of
         * messages, counted once (a topic's subscriptions share the copy), against the tier's entity size.
         */
        Check entitySize() {
            String id = "servicebus.entity-size";
            facts.add(id);
            double max = fact(id, premium() ? "premium-max-bytes" : "standard-max-bytes");
            double premiumMax = fact(id, "premium-max-bytes");
            double bytes = a().context().throughputPerSecond() * s.payloadBytes();
            double retention = a().context().retentionDays() * 86_400.0;
            double held = bytes * retention;
            String tier = premium() ? "Premium" : "Standard";
            String detail = (retention > 0
                            ? Numbers.plural(a().context().retentionDays(), "day") + " of messages at "
                                    + Numbers.rate(bytes) + " = " + Numbers.bytes(held) + " against the "
                            : "messages kept until consumed, against the ")
                    + Numbers.bytes(max) + " a " + tier + " queue or topic holds: full after "
                    + (bytes > 0 ? Numbers.duration(max / bytes) : "no time at all (nothing is sent)")
                    + " of consumer outage";
            detail += "; " + Capacity.percent(held, max) + " used";
            if (held <= max) {
                return Check.ok("entity-size", detail);
            }
            return held <= premiumMax
                    ? new Check(
                            "entity-size",
                            Status.WARN,
                            detail,
                            "the Premium tier (the setting '" + TIER + "'), whose entities hold "
                                    + Numbers.bytes(premiumMax))
                    : new Check(
                            "entity-size",
                            Status.FAIL,
                            detail,
                            "claim check for the bodies (object storage, a reference in the message) and an archive"
                                    + " for the long retention, so the entity holds at most "
                                    + Numbers.bytes(premiumMax));
        }

        /** Every reader of an event hub is a consumer group of its own, and the tier caps how many. */
        Check consumerGroups() {
            String id = "eventhubs.consumer-groups";
            facts.add(id);
            double standard = fact(id, "standard-max-count");
            double premiumGroups = fact(id, "premium-max-count");
            double dedicated = fact(id, "dedicated-max-count");
            int wanted = readers();
            String detail =
                    Numbers.plain(wanted) + " consumer group(s), one per reader, against the " + Numbers.plain(standard)
                            + " a standard event hub takes (" + Numbers.plain(premiumGroups) + " premium, "
                            + Numbers.plain(dedicated) + " dedicated)";
            detail += "; " + Capacity.percent(wanted, standard) + " used";
            return wanted <= standard
                    ? Check.ok("consumer-groups", detail)
                    : new Check(
                            "consumer-groups",
                            Status.FAIL,
                            detail,
                            wanted <= dedicated
                                    ? "the " + (wanted <= premiumGroups ? "premium" : "dedicated")
                                            + " tier, or readers that share a consumer group (and so split its"
                                            + " events between them)"
                                    : "copy the events to several event hubs, each read by at most "
                                            + Numbers.plain(dedicated) + " consumer groups");
        }

        /**
         * An SQS FIFO queue carrying more messages than its unbatched calls allow, across many groups: without
         * high-throughput mode every action is throttled at the queue's quota. A global order is one group, which
         * the mode does not help: batches do ({@link #needsBatches}).
         */
        boolean highThroughputMode() {
            return (s.product() == Product.SQS_FIFO || s.product() == Product.SNS_FIFO_SQS_FIFO)
                    && a().ordering() != Ordering.GLOBAL
                    && a().context().throughputPerSecond() > fact("sqs-fifo.throughput", "transactions-per-second");
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
                    readers(),
                    inFlight,
                    sizing.partitions(),
                    sizing.storageBytes(),
                    replication != null ? fact(replication, "replicas") : 1,
                    sizing.throughputUnits());
        }

        List<Check> checks(Failure failure, Idempotency idempotency, Sizing sizing) {
            List<Check> out = new ArrayList<>();
            Answers.Context c = a().context();
            if (!s.queued()) {
                if (a().ordering() == Ordering.GLOBAL) {
                    // calls in one global order go one at a time: the caller waits for each before the next
                    double pace =
                            c.p99ProcessingSeconds() > 0 ? 1 / c.p99ProcessingSeconds() : Double.POSITIVE_INFINITY;
                    double h = fact("guide.headroom", "factor");
                    String detail = "calls in one global order go one at a time: at most " + Numbers.perSecond(pace)
                            + " at a p99 of " + Numbers.plain(c.p99ProcessingSeconds()) + " s, against a peak of "
                            + Numbers.perSecond(c.throughputPerSecond()) + "; "
                            + Capacity.percent(c.throughputPerSecond(), pace) + " used, at most "
                            + Capacity.percent(pace / h, pace) + " with " + Numbers.plain(h) + "x headroom";
                    out.add(
                            c.throughputPerSecond() * h <= pace
                                    ? Check.ok("global-order-capacity", detail)
                                    : new Check(
                                            "global-order-capacity",
                                            Status.FAIL,
                                            detail,
                                            "order per key (each key's calls one at a time, keys in parallel), or make the"
                                                    + " callee fast enough: a p99 under "
                                                    + Numbers.plain(1 / (c.throughputPerSecond() * h)) + " s"));
                }
                out.addAll(Capacity.checks(s, load(sizing), facts));
                return out;
            }
            double p99 = c.p99ProcessingSeconds();
            double laneRate = lanePace(p99);
            Profile p = profile();
            if (a().ordering() == Ordering.GLOBAL) {
                double bytes = sizing.bytesPerSecond();
                boolean rateOk = c.throughputPerSecond() <= laneRate;
                boolean quotaOk =
                        (p.laneRecordsPerSecond() == null || c.throughputPerSecond() <= p.laneRecordsPerSecond())
                                && (p.laneBytesPerSecond() == null || bytes <= p.laneBytesPerSecond());
                // the keys each run below their pace by the same headroom the consumers are sized with
                int keys = (int) Math.ceil(c.throughputPerSecond()
                        * fact("guide.headroom", "factor")
                        / Math.min(
                                laneRate,
                                p.laneRecordsPerSecond() == null
                                        ? Double.POSITIVE_INFINITY
                                        : p.laneRecordsPerSecond()));
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
                                : needsBatches()
                                        ? new Check(
                                                "global-order-capacity",
                                                Status.WARN,
                                                detail,
                                                "send, receive and delete in batches of "
                                                        + Numbers.plain(
                                                                fact(s.product().laneFact, "messages-per-batch"))
                                                        + " (the setting '" + BATCHING + "')")
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
            if (s.lambda()) {
                double limit = fact("lambda.timeout", "max-seconds");
                int worst = a().failure().maxProcessingSeconds();
                String detail = "worst-case processing of " + Numbers.plain(worst) + " s against Lambda's "
                        + Numbers.plain(limit) + " s limit";
                detail += "; " + Capacity.percent(worst, limit) + " used";
                out.add(
                        worst < limit
                                ? Check.ok("consumer-runtime-limit", detail)
                                : new Check(
                                        "consumer-runtime-limit",
                                        Status.FAIL,
                                        detail,
                                        "run the job where it may take as long as it needs: AWS Batch or ECS tasks on"
                                                + " Fargate started from the queue, AWS Elemental MediaConvert for media"
                                                + " transcodes, or Step Functions over steps that each finish within "
                                                + Numbers.plain(limit) + " s"));
            }
            if (s.lambda() && !lambdaOnShards()) {
                facts.add("lambda.sqs-max-concurrency");
                double max = fact("lambda.sqs-max-concurrency", "max-count");
                String detail = Numbers.plain(sizing.consumersNeeded())
                        + " concurrent invocations needed; one SQS event source " + "mapping runs at most "
                        + Numbers.plain(max) + " batches at once";
                detail += "; " + Capacity.percent(sizing.consumersNeeded(), max) + " used";
                int queues = (int) Math.ceil(sizing.consumersNeeded() / max);
                out.add(
                        sizing.consumersNeeded() <= max
                                ? Check.ok("lambda-concurrency", detail)
                                : new Check(
                                        "lambda-concurrency",
                                        Status.FAIL,
                                        detail,
                                        "the event source mapping's provisioned mode (provisioned pollers, which"
                                                + " scale further), run the consumers as long-running services "
                                                + "(containers), or spread the work over " + Numbers.plain(queues)
                                                + " queues, each with its own event source mapping, within the"
                                                + " account's concurrent executions (lambda-account-concurrency)"));
            }
            if (s.lambda()) {
                out.add(accountConcurrency(sizing));
            }
            Check functionLimit = functionRuntimeLimit();
            if (functionLimit != null) {
                out.add(functionLimit);
            }
            Profile.Range lease = p.leaseSeconds();
            if (failure.leaseSeconds() != null && lease.max() != null) {
                double needed = neededLease();
                String name = s.product().vocabulary().lease();
                String detail = "the work needs a lease (" + name + ") of " + Numbers.plain(Math.ceil(workLease()))
                        + " s" + leaseFloorReason() + "; " + owner(s.product().leaseFact) + " allows at most "
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
                        + owner(s.product().payloadFact) + "'s "
                        + Numbers.bytes(p.maxPayloadBytes())
                        + (p.raisedPayloadBytes() != null
                                ? " (up to " + Numbers.bytes(p.raisedPayloadBytes()) + " once raised)"
                                : "");
                detail += "; " + Capacity.percent(s.payloadBytes(), limit) + " used";
                out.add(
                        !s.payloadOverLimit()
                                ? Check.ok("payload-limit", detail)
                                : new Check(
                                        "payload-limit",
                                        Status.FAIL,
                                        detail,
                                        "claim check: store the body in object storage and send its reference"));
            }
            if (s.product() == Product.KINESIS && s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
                // a raised maximum record size serves records that are large now and then, not every record
                out.add(new Check(
                        "large-records",
                        Status.WARN,
                        "every record of " + Numbers.bytes(s.payloadBytes()) + " is above the "
                                + Numbers.bytes(p.maxPayloadBytes()) + " default: a stream's raised maximum is meant"
                                + " for occasional large records, and each shard still takes "
                                + Numbers.rate(p.laneBytesPerSecond()) + " in",
                        "claim check: store each body in S3 and put its key in the record, unless large records are"
                                + " rare"));
            }
            if (s.product().sns() && s.payloadBytes() > p.maxPayloadBytes() && !s.payloadOverLimit()) {
                double cap = fact("sns.max-message-size", "large-topic-max-subscriptions");
                String detail = "a topic raised above " + Numbers.bytes(p.maxPayloadBytes()) + " allows at most "
                        + Numbers.plain(cap) + " subscriptions (SQS, Lambda or Firehose); " + c.subscribers()
                        + " are needed";
                detail += "; " + Capacity.percent(c.subscribers(), cap) + " used";
                out.add(
                        c.subscribers() <= cap
                                ? Check.ok("sns-large-message-subscriptions", detail)
                                : new Check(
                                        "sns-large-message-subscriptions",
                                        Status.FAIL,
                                        detail,
                                        "claim check, so the topic keeps its default size and its subscription limit"));
            }
            Profile.Range retention = p.retentionSeconds();
            if (retention.max() != null && c.retentionDays() > 0) {
                double wanted = c.retentionDays() * 86_400.0;
                String detail = "keeping messages " + Numbers.plural(c.retentionDays(), "day") + " against "
                        + owner(s.product().retentionFact) + "'s " + Numbers.seconds(retention.max());
                detail += "; " + Capacity.percent(wanted, retention.max()) + " used";
                out.add(
                        wanted <= retention.max()
                                ? Check.ok("retention-limit", detail)
                                : new Check(
                                        "retention-limit",
                                        Status.FAIL,
                                        detail,
                                        s.topology() == Topology.PARTITIONED_LOG
                                                ? longerRetention()
                                                : "a log with retention (answer replay: true), or archive messages to object storage as they are consumed"));
            }
            if (failure.deadLetter() != null && s.product().nativeDeadLetter() && retention.max() != null) {
                // the retention the record sets on the source, not the product's default
                double source = retentionSet();
                boolean fifo = s.product() == Product.SQS_FIFO || s.product() == Product.SNS_FIFO_SQS_FIFO;
                boolean standardSqs = s.product().onAws() && !fifo;
                if (s.product().onAws()) {
                    facts.add("sqs.dead-letter-retention");
                }
                String detail = "the dead letter keeps messages " + Numbers.seconds(retention.max()) + ", its source "
                        + Numbers.seconds(source)
                        + (standardSqs
                                ? "; a standard queue's message keeps its original enqueue "
                                        + "time when dead-lettered, so a dead letter's retention must be longer than its source's"
                                : fifo
                                        ? "; a FIFO queue's message gets a new enqueue time when dead-lettered, so the dead letter's own "
                                                + "retention counts from the move"
                                        : "");
                detail += "; " + Capacity.percent(source, retention.max()) + " used";
                out.add(
                        source < retention.max() || !keepsEnqueueTime()
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
                String detail = "each " + laneWord() + " is consumed in order: " + Numbers.plain(sizing.partitions())
                        + " "
                        + laneWord() + "(s) x " + Numbers.plain(sizing.inFlightPerPartition()) + " in flight each"
                        + (sizing.inFlightPerPartition() > 1 && a().ordered() ? " (different keys at once)" : "")
                        + " / p99 " + Numbers.plain(p99) + " s = " + Numbers.perSecond(capacity)
                        + ", against a peak of "
                        + Numbers.plain(c.throughputPerSecond()) + " msg/s";
                detail += "; " + Capacity.percent(c.throughputPerSecond(), capacity) + " used";
                int wanted = (int) Math.ceil(c.throughputPerSecond() * p99 / laneConcurrency());
                out.add(
                        capacity >= c.throughputPerSecond()
                                ? Check.ok("partition-capacity", detail)
                                : new Check(
                                        "partition-capacity",
                                        Status.FAIL,
                                        detail,
                                        "at least " + Numbers.plain(wanted) + " " + laneWord() + "s"));
            }
            if (s.product() == Product.KINESIS && readers() > 1) {
                facts.add("kinesis.enhanced-fan-out");
                double shared = fact("kinesis.enhanced-fan-out", "shared-read-bytes-per-second");
                double max = fact("kinesis.enhanced-fan-out", "max-consumers");
                // each reader may need twice the write rate to catch up after a lag (guide.read-headroom)
                double demand = sharedReadBytesPerShard() * fact("guide.read-headroom", "factor");
                String detail = readers() + " subscribers read each shard, each at twice the write rate to catch up: "
                        + Numbers.rate(demand) + " per shard against the "
                        + Numbers.rate(shared) + " its readers share"
                        + (demand > shared
                                ? "; enhanced fan-out gives each registered " + "consumer its own, for at most "
                                        + Numbers.plain(max) + " consumers per stream"
                                : "");
                detail += "; " + Capacity.percent(demand, shared) + " used";
                out.add(
                        demand <= shared || readers() <= max
                                ? Check.ok("shard-read-throughput", detail)
                                : new Check(
                                        "shard-read-throughput",
                                        Status.FAIL,
                                        detail,
                                        "at most " + Numbers.plain(max)
                                                + " enhanced fan-out consumers per stream: copy the stream for the other subscribers, or fan out "
                                                + "downstream (SNS with a queue per subscriber)"));
            }
            // a message over Standard's size already means Premium, where credits do not apply
            if (s.product() == Product.SERVICE_BUS && s.payloadBytes() <= p.maxPayloadBytes()) {
                double credits = fact("servicebus.standard-throttling", "credits-per-second");
                String detail = Numbers.plain(standardCredits()) + " credits a second (each message sent once and "
                        + "received by " + readers() + " reader(s)) against the " + Numbers.plain(credits)
                        + " a Standard namespace gets";
                detail += "; " + Capacity.percent(standardCredits(), credits) + " used";
                out.add(
                        standardCredits() <= credits
                                ? Check.ok("standard-tier-credits", detail)
                                : new Check(
                                        "standard-tier-credits",
                                        Status.WARN,
                                        detail,
                                        "the Premium tier (the setting '" + TIER + "'), whose messaging units are not"
                                                + " throttled by credits"));
            }
            if (s.product() == Product.SERVICE_BUS && a().broadcast()) {
                out.add(subscriptionLimit(
                        "servicebus.topic-subscriptions",
                        "max-count",
                        "a Service Bus topic",
                        "several topics, each with at most %s subscriptions (the producer sends to each, or a first"
                                + " topic auto-forwards to the others)"));
            }
            if (s.product() == Product.SNS_FIFO_SQS_FIFO) {
                out.add(subscriptionLimit(
                        "sns.fifo-subscriptions",
                        "max-count",
                        "an SNS FIFO topic",
                        "two or more FIFO topics of at most %s subscriptions each, the key hashed to a topic; or a"
                                + " standard topic, if each subscriber can restore the order from a sequence number"));
            }
            if (s.product() == Product.SERVICE_BUS) {
                out.add(entitySize());
            }
            if (s.product() == Product.EVENT_HUBS && s.queued()) {
                out.add(consumerGroups());
            }
            if (sizing.throughputUnits() != null) {
                String tu = "eventhubs.throughput-unit";
                double maxUnits = fact(tu, "max-units");
                double maxPartitions = fact("eventhubs.partitions", "max-count");
                boolean unitsOk = sizing.throughputUnits() <= maxUnits;
                boolean partitionsOk = sizing.partitions() <= maxPartitions;
                String unitsText = Numbers.plain(sizing.throughputUnits()) + " throughput unit(s) for "
                        + Numbers.rate(sizing.bytesPerSecond()) + " in and "
                        + Numbers.rate(sizing.bytesPerSecond() * readers()) + " out, of the " + Numbers.plain(maxUnits)
                        + " a standard namespace takes";
                String partitionsText = Numbers.plain(sizing.partitions()) + " partition(s), of the "
                        + Numbers.plain(maxPartitions) + " an event hub takes";
                // a failure names only the limit that is passed, so its reason is not read into the other
                String detail = unitsOk == partitionsOk
                        ? unitsText + "; " + partitionsText
                        : unitsOk
                                ? partitionsText + " (the " + unitsText + ", fit)"
                                : unitsText + " (the " + partitionsText + ", fit)";
                detail += "; units " + Capacity.percent(sizing.throughputUnits(), maxUnits) + " used, partitions "
                        + Capacity.percent(sizing.partitions(), maxPartitions) + " used";
                out.add(
                        unitsOk && partitionsOk
                                ? Check.ok("throughput-units", detail)
                                : new Check(
                                        "throughput-units",
                                        Status.FAIL,
                                        detail,
                                        "a tier above standard (premium or dedicated), or split the traffic over "
                                                + "several event hubs in several namespaces"));
            }
            if (sizing.partitions() != null && sizedByBrokers() && a().ordering() == Ordering.PER_KEY) {
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
                        + "window (" + redeliveryFormula(failure) + ")"
                        + (retry(failure) != null && retry(failure).horizon() > 0
                                ? " with the retry horizon ("
                                        + Numbers.duration(retry(failure).horizon()) + ")"
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
            // every ceiling of the product, each with its utilisation: egress and storage are counted there
            out.addAll(Capacity.checks(s, load(sizing), facts));
            return out;
        }
    }

    /** Redis does not drop for a slow subscriber: it disconnects it, past the pub/sub output buffer limit. */
    private static String redisBackpressure(Set<String> facts) {
        Facts.Fact f = Facts.registry().get("redis.pubsub-buffer");
        facts.add(f.id());
        return "disconnect: a subscriber that cannot keep up is cut off once its output buffer passes"
                + " client-output-buffer-limit pubsub (" + Numbers.bytes(f.number("hard-limit-bytes")) + " at once, or "
                + Numbers.bytes(f.number("soft-limit-bytes")) + " for " + Numbers.seconds(f.number("soft-seconds"))
                + "), and misses what is published until it subscribes again (at-most-once)";
    }

    private static String backpressure(Topology topology) {
        return Map.of(
                        Topology.NONE,
                                "block: the caller waits, so shed load at the edge with timeouts and a concurrency limit",
                        Topology.IN_APP_JOB_QUEUE,
                                "buffer in the jobs table; alarm on its depth and oldest job, add workers",
                        Topology.WORK_QUEUE,
                                "buffer in the queue (it absorbs bursts); alarm on depth and oldest-message age; scale consumers on them",
                        Topology.FIFO_WORK_QUEUE,
                                "buffer in the queue; a slow key holds back only its own {lane}; scale consumers up to the number of active keys",
                        Topology.PUB_SUB_FANOUT,
                                "buffer per subscriber queue: a slow subscriber falls behind alone; alarm per queue",
                        Topology.EPHEMERAL_PUB_SUB,
                                "drop: a subscriber that cannot keep up or is offline misses messages (at-most-once)",
                        Topology.PARTITIONED_LOG,
                                "consumers lag behind the head, bounded by retention; alarm on lag; scale consumers up to the partition count")
                .get(topology);
    }

    /** Flips one answer at a time and reports those that change the topology, in plain words. */
    private static List<String> wouldChangeIf(Answers a, Topology topology) {
        Map<String, UnaryOperator<Answers>> flips = new LinkedHashMap<>();
        Answers.Sync otherSync = a.async() ? Answers.Sync.SYNC : Answers.Sync.ASYNC;
        flips.put(
                a.async()
                        ? "the caller needed the result now (sync)"
                        : "the caller could leave the work for later (async)",
                x -> with(x, otherSync, x.shape(), x.replay(), x.ordering(), x.semantic()));
        Answers.Shape otherShape = a.broadcast() ? Answers.Shape.DISTRIBUTE : Answers.Shape.BROADCAST;
        flips.put(
                a.broadcast()
                        ? "each message went to one consumer (distribute)"
                        : "every subscriber needed each message (broadcast)",
                x -> with(x, x.sync(), otherShape, x.replay(), x.ordering(), x.semantic()));
        flips.put(
                a.replay() ? "replay were not needed" : "replay were needed",
                x -> with(x, x.sync(), x.shape(), !x.replay(), x.ordering(), x.semantic()));
        for (Ordering o : Ordering.values()) {
            if (o != a.ordering()) {
                flips.put("ordering were " + o.word(), x -> with(x, x.sync(), x.shape(), x.replay(), o, x.semantic()));
            }
        }
        for (Semantic s : List.of(Semantic.AT_MOST_ONCE, Semantic.AT_LEAST_ONCE)) {
            if (s != a.semantic()) {
                flips.put(
                        "the semantic were " + s.word(),
                        x -> with(x, x.sync(), x.shape(), x.replay(), x.ordering(), s));
            }
        }
        List<String> out = new ArrayList<>();
        flips.forEach((what, flip) -> {
            Topology changed = effective(flip.apply(a));
            if (changed != topology) {
                out.add("if " + what + ": " + changed.phrase());
            }
        });
        return out;
    }

    private static Answers with(
            Answers a, Answers.Sync sync, Answers.Shape shape, boolean replay, Ordering ordering, Semantic semantic) {
        return new Answers(sync, shape, replay, ordering, semantic, a.failure(), a.producer(), a.context());
    }

    private static List<Evidence> evidence(Situation s, Failure failure) {
        List<Evidence> out = new ArrayList<>();
        Topology t = s.topology();
        if (t.leases()) {
            out.add(new Evidence(
                    "A message leaves the queue only when a consumer acks it; a consumer's crash "
                            + "before the ack means a redelivery after the "
                            + s.product().vocabulary().lease(),
                    QUEUE_CHECK,
                    SQS_REFERENCE));
            if (failure.deadLetter() != null) {
                out.add(new Evidence(
                        "After " + s.product().vocabulary().attempts().replace("retries in retry topics", "retries")
                                + " deliveries a poison message moves to the " + failure.deadLetter()
                                + " instead of being delivered again",
                        "work-queue/dead-letters",
                        SQS_REFERENCE));
            }
            if (s.a().ordered()) {
                out.add(new Evidence(
                        s.product()
                                .vocabulary()
                                .words("Messages of one {lane} are delivered in send order, one in flight at a time"),
                        "work-queue/fifo",
                        SQS_REFERENCE));
                String dedup = s.product().exactlyOnceFact;
                if (dedup != null && Facts.registry().get(dedup).has("window-seconds")) {
                    // only a broker that drops a producer's repeat within a window (SQS FIFO, Service Bus) does this
                    out.add(new Evidence(
                            "A producer's retry inside the deduplication window is not enqueued twice",
                            "work-queue/fifo",
                            "dev.queuelab.reference.workqueue.DedupWindow"));
                }
            }
        } else if (t == Topology.PARTITIONED_LOG) {
            out.add(new Evidence(
                    s.product()
                            .vocabulary()
                            .words("Consumers replay from a committed position; each {reader} keeps its own"),
                    null,
                    null));
        } else if (t == Topology.EPHEMERAL_PUB_SUB) {
            out.add(new Evidence("Offline subscribers miss messages (at-most-once)", null, null));
        } else {
            out.add(new Evidence("A direct call needs no broker: the caller sees the failure", null, null));
        }
        return out;
    }
}
