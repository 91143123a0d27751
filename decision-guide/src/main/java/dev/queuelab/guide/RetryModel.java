package dev.queuelab.guide;

import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a failing message is retried: the attempts answered, exponential backoff from a base to a cap with jitter,
 * and the retry horizon those reach, mapped to the product's own mechanism (SQS's ChangeMessageVisibility by
 * receive count, Pub/Sub's retry_policy, Service Bus scheduled messages, RabbitMQ TTL queues, Kafka retry topics
 * or a paused partition). A record that cannot keep what was asked says so in a warning, never silently.
 *
 * @param attempts the deliveries in all, the first included
 * @param base     the first retry's delay, in seconds
 * @param cap      the longest delay, in seconds
 * @param horizon  the sum of the delays: how long a message is retried before it is dead-lettered, in seconds
 * @param mechanism the product's way of waiting between attempts, in its own words
 * @param warnings where the record changed what was asked, and why
 */
record RetryModel(int attempts, double base, double cap, double horizon, String mechanism, List<Warning> warnings) {

    /**
     * @param s          the situation
     * @param deliveries the deliveries the record sets (the answers' attempts inside the product's range), or
     *                   null where the product counts none (a log's consumer retries itself)
     * @param why        why {@code deliveries} differs from the answers' attempts, empty when it does not
     * @param facts      the record's cited facts, added to
     */
    static RetryModel of(Situation s, Integer deliveries, String why, Set<String> facts) {
        Answers.Failure f = s.a().failure();
        List<Warning> warnings = new ArrayList<>();
        int attempts = deliveries != null ? deliveries : f.maxAttempts();
        if (attempts != f.maxAttempts()) {
            warnings.add(new Warning(
                    "attempts-changed",
                    "the answers ask for " + f.maxAttempts() + " attempts; the record sets " + attempts + ": " + why));
        }
        facts.add("guide.backoff");
        double base = f.backoffBaseSeconds();
        double cap = number("guide.backoff", "cap-seconds");
        double asked = f.retryHorizonHours() * 3600;
        int retries = attempts - 1;
        Double limit = productCap(s, facts);
        double most = limit == null ? Double.POSITIVE_INFINITY : limit;
        base = Math.min(base, most);
        if (asked > 0 && retries > 0) {
            if (sum(base, most, retries) >= asked) {
                // the delays double from the base to the smallest cap whose sum reaches the horizon
                cap = Math.min(most, capFor(base, retries, asked));
            } else if (retries * most >= asked) {
                // doubling from the base never gets there: start later, so the retries span the horizon
                double raised = Math.ceil(
                        most == Double.POSITIVE_INFINITY
                                ? asked / (Math.pow(2, retries) - 1)
                                : baseFor(retries, most, asked));
                warnings.add(new Warning(
                        "backoff-base-raised",
                        retries + " retries doubling from " + Numbers.plain(base) + " s reach only "
                                + Numbers.duration(sum(base, most, retries)) + " of the "
                                + Numbers.duration(asked) + " asked: the first delay is raised to "
                                + Numbers.plain(raised) + " s"));
                base = raised;
                cap = most == Double.POSITIVE_INFINITY ? base * Math.pow(2, retries - 1) : most;
            } else {
                int needed = (int) Math.ceil(asked / most) + 1;
                warnings.add(new Warning(
                        "retry-horizon-short",
                        s.product().brand() + " waits at most " + Numbers.seconds(most) + " between attempts ("
                                + mechanismFact(s) + "): " + attempts + " attempts reach "
                                + Numbers.duration(retries * most) + " of the " + Numbers.duration(asked) + " asked;"
                                + " keep failed messages in a retry store with a due time (a table polled by due"
                                + " time, Cloud Tasks, or a scheduled message), or allow about " + needed
                                + " attempts"));
                base = most;
                cap = most;
            }
        }
        cap = Math.max(Math.min(cap, most), base);
        double horizon = sum(base, cap, retries);
        Double kept = s.product().profile().retentionSeconds().max();
        if (kept != null && horizon > kept) {
            warnings.add(new Warning(
                    "retry-horizon-past-retention",
                    "the retries span " + Numbers.duration(horizon) + ", past the " + Numbers.duration(kept) + " "
                            + s.product().brand() + " keeps a message (" + s.product().retentionFact + "): a"
                            + " message would expire mid-retry; keep failed ones in a retry store with a due time"));
        }
        return new RetryModel(attempts, base, cap, horizon, mechanism(s, base, cap), List.copyOf(warnings));
    }

    /** The smallest first delay whose retries, doubling up to {@code cap}, add up to the horizon. */
    private static double baseFor(int retries, double cap, double horizon) {
        double lo = 0;
        double hi = cap;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (sum(mid, cap, retries) >= horizon) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The delays of {@code retries} retries doubling from {@code base}, each at most {@code cap}. */
    static double sum(double base, double cap, int retries) {
        double total = 0;
        double delay = base;
        for (int i = 0; i < retries; i++) {
            total += Math.min(cap, delay);
            delay = delay >= cap ? cap : delay * 2;
            if (total > 1e15) {
                break;
            }
        }
        return total;
    }

    /** The smallest cap whose delays add up to the horizon: the delays double to it, then stay at it. */
    private static double capFor(double base, int retries, double horizon) {
        double lo = base;
        double hi = Math.max(base, horizon);
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (sum(base, mid, retries) >= horizon) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.ceil(hi);
    }

    private static double number(String id, String name) {
        return Facts.registry().get(id).number(name);
    }

    /** The longest wait the product's own mechanism can put between two attempts; null where it sets none. */
    private static Double productCap(Situation s, Set<String> facts) {
        return switch (s.product()) {
            case PUBSUB -> {
                facts.add("pubsub.retry-policy");
                yield number("pubsub.retry-policy", "max-seconds");
            }
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE -> {
                facts.add("sqs.visibility-timeout");
                yield number("sqs.visibility-timeout", "max-seconds");
            }
            default -> null;
        };
    }

    private static String mechanismFact(Situation s) {
        return s.product() == Product.PUBSUB ? "pubsub.retry-policy" : "sqs.visibility-timeout";
    }

    /** How the product waits between attempts, in its own words. */
    private static String mechanism(Situation s, double base, double cap) {
        String delays = "delay before retry n = min(" + Numbers.plain(cap) + " s, " + Numbers.plain(base)
                + " s x 2^(n-1)), jittered to 80-100%";
        boolean ordered = s.a().ordered();
        return switch (s.product()) {
            case DIRECT_CALL -> "the caller retries with " + delays + ", within the retry budget and its own timeout";
            case JOBS_TABLE -> "on failure set the job's run_at to now + the delay (" + delays + ") and release it";
            case SQS_STANDARD, SQS_FIFO, SNS_SQS, SNS_FIFO_SQS_FIFO, EVENTBRIDGE ->
                "on failure call ChangeMessageVisibility with the delay for its ApproximateReceiveCount (" + delays
                        + ") instead of waiting out the visibility timeout"
                        + (ordered ? "; the message group waits meanwhile, which keeps its order" : "")
                        + "; DelaySeconds (at most 15 minutes) delays only a new send";
            case PUBSUB ->
                "retry_policy on the subscription: minimum_backoff " + Numbers.plain(Math.min(base, cap))
                        + " s, maximum_backoff " + Numbers.plain(cap) + " s (Pub/Sub doubles between them)";
            case SERVICE_BUS ->
                "on failure complete the message and send a copy as a scheduled message"
                        + " (ScheduledEnqueueTimeUtc = now + the delay; " + delays + ") with its attempt count in an"
                        + " application property; abandon would redeliver at once";
            case RABBITMQ_QUORUM ->
                "delayed retry through retry queues, one per delay step, each with x-message-ttl"
                        + " set to its delay and x-dead-letter-exchange back to the work queue (" + delays
                        + "); the attempt count in a header";
            case KINESIS ->
                s.lambda()
                        ? "Lambda retries the failed batch at once and the shard waits; bound it with"
                                + " MaximumRecordAgeInSeconds, and back off in the function only for short waits"
                        : "the record processor retries in place with " + delays + ", the shard waiting meanwhile";
            case EVENT_HUBS, RABBITMQ_STREAMS, REDIS_STREAMS -> {
                // Kafka's words (consumer.pause, retry topics) are not these products': each retries in its reader
                String log = s.product() == Product.EVENT_HUBS ? "event hub" : "stream";
                yield ordered
                        ? "the consumer retries the record in place with " + delays + ", the "
                                + s.product().vocabulary().laneUnit() + " waiting meanwhile (read no further, and"
                                + " store no position past it): a retry " + log + " would let later records of the"
                                + " key pass it"
                        : "retry " + log + "s, one per delay step, each read no earlier than its delay (" + delays
                                + ")";
            }
            case MSK, KAFKA ->
                ordered
                        ? "pause the partition (consumer.pause) for the delay and retry the record in place (" + delays
                                + "): a retry topic would let later records of the key pass it"
                        : "retry topics, one per delay step (retry-" + Numbers.plain(base) + "s ... retry-"
                                + Numbers.plain(cap) + "s), each consumed no earlier than its delay (" + delays + ")";
            case REDIS_PUBSUB -> "none: a missed message is gone (at-most-once)";
        };
    }
}
