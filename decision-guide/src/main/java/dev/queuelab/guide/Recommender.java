package dev.queuelab.guide;

import dev.queuelab.guide.Recommendation.Evidence;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Sizing;
import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns answers into a recommendation by firing {@link Rules}, in the order of the six questions, then
 * checks the answers against each other ({@link Contradictions}). Pure: the same answers always give the
 * same recommendation.
 */
public final class Recommender {

    private static final String QUEUE_CHECK = "work-queue/visibility";
    private static final String SQS_REFERENCE = "dev.queuelab.reference.workqueue.SqsWorkQueue";

    private Recommender() {
    }

    public static Recommendation recommend(Answers a) {
        List<Rules.Rule> fired = new ArrayList<>();
        List<String> path = new ArrayList<>();
        String topology = topology(a, fired, path);
        Set<String> facts = new LinkedHashSet<>();
        Tools.Choice tool = Tools.choose(topology, a);
        facts.addAll(tool.facts());

        String semantic = a.semantic();
        boolean logTransactions = topology.equals("partitioned-log") && a.context().sideEffects().equals("internal");
        if (a.semantic().equals("exactly-once") && !logTransactions) {
            fired.add(Rules.EXACTLY_ONCE_IS_IDEMPOTENCY);
            semantic = "at-least-once";
        } else if (a.semantic().equals("exactly-once")) {
            fired.add(Rules.EXACTLY_ONCE_IN_THE_LOG);
            facts.add("kafka.transactions");
        } else if (a.semantic().equals("at-most-once")) {
            fired.add(Rules.AT_MOST_ONCE_ACKS_FIRST);
        }
        if (semantic.equals("at-least-once") && !topology.equals("none")) {
            fired.add(Rules.AT_LEAST_ONCE_WITH_IDEMPOTENCY);
        }
        Failure failure = failure(a, topology, semantic, fired, facts);
        Idempotency idempotency = idempotency(a, topology, semantic, fired);
        List<Warning> warnings = Contradictions.find(a, topology, failure);
        warnings.forEach(w -> facts.addAll(Contradictions.facts(w.id())));
        return new Recommendation(topology, tool.primary(), tool.alternatives(), semantic, ordering(a, topology),
                failure, idempotency, sizing(a, topology), backpressure(topology), warnings, wouldChangeIf(a, topology),
                evidence(topology, failure, a), List.copyOf(fired), List.copyOf(facts), List.copyOf(path));
    }

    /** The six questions in order; each answer either decides the topology or passes to the next. */
    static String topology(Answers a, List<Rules.Rule> fired, List<String> path) {
        path.add("sync: " + a.sync());
        if (a.sync().equals("sync")) {
            fired.add(Rules.NO_QUEUE_WHEN_SYNC);
            return "none";
        }
        path.add("shape: " + a.shape());
        path.add("replay: " + a.replay());
        if (a.replay()) {
            fired.add(Rules.REPLAY_NEEDS_A_LOG);
            if (a.context().throughputPerSecond() < 1000) {
                fired.add(Rules.RESIST_KAFKA_WHEN_SMALL);
            }
            orderingRule(a, fired);
            return "partitioned-log";
        }
        path.add("ordering: " + a.ordering());
        orderingRule(a, fired);
        if (a.shape().equals("broadcast")) {
            path.add("semantic: " + a.semantic());
            boolean nothingToKeep = a.semantic().equals("at-most-once") && a.context().retentionDays() == 0;
            fired.add(nothingToKeep ? Rules.EPHEMERAL_WHEN_LOSS_IS_FINE : Rules.BROADCAST_NEEDS_FANOUT);
            return nothingToKeep ? "ephemeral-pub-sub" : "pub-sub-fanout";
        }
        if (!a.ordering().equals("none")) {
            fired.add(Rules.DISTRIBUTE_WITH_A_WORK_QUEUE);
            return "fifo-work-queue";
        }
        boolean small = a.context().throughputPerSecond() <= 10
                && (a.context().platform().equals("self-hosted") || a.context().platform().equals("any"));
        fired.add(small ? Rules.SMALL_WORK_IN_APP : Rules.DISTRIBUTE_WITH_A_WORK_QUEUE);
        return small ? "in-app-job-queue" : "work-queue";
    }

    private static void orderingRule(Answers a, List<Rules.Rule> fired) {
        if (a.ordering().equals("per-key")) {
            fired.add(Rules.PER_KEY_ORDER_BY_PARTITION);
        } else if (a.ordering().equals("global")) {
            fired.add(Rules.GLOBAL_ORDER_IS_ONE_LANE);
        }
    }

    private static String ordering(Answers a, String topology) {
        if (a.ordering().equals("none") || topology.equals("none")) {
            return a.ordering();
        }
        String lane = topology.equals("partitioned-log") ? "partition" : "message group";
        return a.ordering().equals("per-key") ? "per-key: one " + lane + " per key" : "global: a single " + lane;
    }

    private static Failure failure(Answers a, String topology, String semantic, List<Rules.Rule> fired, Set<String> facts) {
        boolean queue = Set.of("in-app-job-queue", "work-queue", "fifo-work-queue", "pub-sub-fanout").contains(topology);
        int worst = a.failure().maxProcessingSeconds();
        if (topology.equals("partitioned-log")) {
            fired.add(Rules.ALARM_ON_DLQ_AND_AGE);
            return new Failure(null, Math.max(3, Math.min(5, a.failure().maxAttempts())), !semantic.equals("at-most-once"),
                    List.of("consumer lag above " + Math.max(60, 10 * worst) + " s behind the head",
                            "dead-letter topic depth above 0"));
        }
        if (!queue) {
            return new Failure(null, null, false, topology.equals("none")
                    ? List.of("error rate and p99 latency of the call") : List.of("subscriber disconnects"));
        }
        fired.add(Rules.VISIBILITY_FROM_WORST_CASE);
        facts.add(a.context().consumerRuntime().equals("function") ? "sqs.lambda-visibility" : "sqs.visibility-timeout");
        long visibility = a.context().consumerRuntime().equals("function") ? 6L * worst : worst + Math.max(10, (worst + 1) / 2);
        int receives = Math.max(3, Math.min(5, a.failure().maxAttempts()));
        boolean dlq = !semantic.equals("at-most-once");
        if (dlq) {
            fired.add(Rules.THREE_TO_FIVE_RECEIVES);
            facts.add("sqs.max-receive-count");
        }
        fired.add(Rules.ALARM_ON_DLQ_AND_AGE);
        int capped = (int) Math.min(visibility, 43_200);
        List<String> alarms = new ArrayList<>();
        if (dlq) {
            alarms.add("dead-letter queue depth above 0");
        }
        alarms.add("age of the oldest message above " + Math.max(60, 2 * capped) + " s");
        return new Failure(capped, dlq ? receives : null, dlq, alarms);
    }

    private static Idempotency idempotency(Answers a, String topology, String semantic, List<Rules.Rule> fired) {
        if (!semantic.equals("at-least-once") || topology.equals("none")) {
            return new Idempotency(null, null, null);
        }
        fired.add(Rules.DEDUP_KEYS_EXPIRE);
        int ttl = Math.max(24, Math.min(168, a.context().retentionDays() * 24));
        String key = a.context().sideEffects().equals("external")
                ? "a business key (order id, payment id), also sent downstream as the provider's idempotency key"
                : "the message id";
        return new Idempotency(key, "a processed-keys table with a unique key and an expiry (or Redis SET NX with a TTL),"
                + " written in the same transaction as the consumer's effect", ttl);
    }

    private static Sizing sizing(Answers a, String topology) {
        Answers.Context c = a.context();
        long bytes = (long) c.throughputPerSecond() * c.payloadKb() * 1024L;
        int consumers = (int) Math.max(1, Math.ceil(c.throughputPerSecond() * c.p99ProcessingSeconds() * 1.25));
        Integer partitions = null;
        String note = "consumers = peak rate x p99 processing time x 1.25 (Little's law with headroom)";
        if (topology.equals("partitioned-log")) {
            partitions = (int) Math.max(Math.max(1, Math.ceil(c.throughputPerSecond() / 1000.0)), Math.ceil(bytes / 1_000_000.0));
            partitions = Math.max(partitions, Math.min(consumers, 1024));
            note += "; partitions >= consumers, and each takes about 1,000 records/s or 1 MB/s (kinesis.shard-limits)";
        }
        if (a.ordering().equals("global")) {
            partitions = topology.equals("partitioned-log") ? 1 : null;
            consumers = 1;
            note = "global order: one consumer at a time, whatever the rate";
        }
        return new Sizing(topology.equals("none") ? 0 : consumers, partitions, bytes, note);
    }

    private static String backpressure(String topology) {
        return Map.of(
                "none", "block: the caller waits, so shed load at the edge with timeouts and a concurrency limit",
                "in-app-job-queue", "buffer in the jobs table; alarm on its depth and oldest job, add workers",
                "work-queue", "buffer in the queue (it absorbs bursts); alarm on depth and oldest-message age; scale consumers on them",
                "fifo-work-queue", "buffer in the queue; a slow key holds back only its own group; scale consumers up to the number of active keys",
                "pub-sub-fanout", "buffer per subscriber queue: a slow subscriber falls behind alone; alarm per queue",
                "ephemeral-pub-sub", "drop: a subscriber that cannot keep up or is offline misses messages (at-most-once)",
                "partitioned-log", "consumers lag behind the head, bounded by retention; alarm on lag; scale consumers up to the partition count"
        ).get(topology);
    }

    /** Flips one answer at a time and reports those that change the topology. */
    private static List<String> wouldChangeIf(Answers a, String topology) {
        Map<String, UnaryOperator<Answers>> flips = new java.util.LinkedHashMap<>();
        flips.put("sync were " + other(a.sync(), "sync", "async"), x -> with(x, "sync", other(a.sync(), "sync", "async")));
        flips.put("shape were " + other(a.shape(), "distribute", "broadcast"),
                x -> with(x, "shape", other(a.shape(), "distribute", "broadcast")));
        flips.put("replay were " + !a.replay(), x -> with(x, "replay", String.valueOf(!a.replay())));
        for (String o : List.of("none", "per-key", "global")) {
            if (!o.equals(a.ordering())) {
                flips.put("ordering were " + o, x -> with(x, "ordering", o));
            }
        }
        for (String s : List.of("at-most-once", "at-least-once")) {
            if (!s.equals(a.semantic())) {
                flips.put("semantic were " + s, x -> with(x, "semantic", s));
            }
        }
        List<String> out = new ArrayList<>();
        flips.forEach((what, flip) -> {
            String changed = topology(flip.apply(a), new ArrayList<>(), new ArrayList<>());
            if (!changed.equals(topology)) {
                out.add("if " + what + ": " + changed);
            }
        });
        return out;
    }

    private static String other(String value, String one, String two) {
        return value.equals(one) ? two : one;
    }

    private static Answers with(Answers a, String key, String value) {
        return new Answers(key.equals("sync") ? value : a.sync(), key.equals("shape") ? value : a.shape(),
                key.equals("replay") ? Boolean.parseBoolean(value) : a.replay(), key.equals("ordering") ? value : a.ordering(),
                key.equals("semantic") ? value : a.semantic(), a.failure(), a.context());
    }

    private static List<Evidence> evidence(String topology, Failure failure, Answers a) {
        List<Evidence> out = new ArrayList<>();
        switch (topology) {
            case "work-queue", "fifo-work-queue", "in-app-job-queue", "pub-sub-fanout" -> {
                out.add(new Evidence("A message leaves the queue only when a consumer acks it; a consumer's crash "
                        + "before the ack means a redelivery after the visibility timeout", QUEUE_CHECK, SQS_REFERENCE));
                if (failure.deadLetterQueue()) {
                    out.add(new Evidence("After max-receive-count receives a poison message moves to the dead-letter "
                            + "queue instead of being delivered again", "work-queue/dead-letters", SQS_REFERENCE));
                }
                if (!a.ordering().equals("none")) {
                    out.add(new Evidence("Messages of one group are delivered in send order, one in flight at a time",
                            "work-queue/fifo", SQS_REFERENCE));
                    out.add(new Evidence("A producer's retry inside the deduplication window is not enqueued twice",
                            "work-queue/fifo", "dev.queuelab.reference.workqueue.DedupWindow"));
                }
            }
            case "partitioned-log" -> out.add(new Evidence("Consumers replay from a committed offset; each group keeps "
                    + "its own offsets", null, null));
            case "ephemeral-pub-sub" -> out.add(new Evidence("Offline subscribers miss messages (at-most-once)", null, null));
            default -> out.add(new Evidence("A direct call needs no broker: the caller sees the failure", null, null));
        }
        return out;
    }
}
