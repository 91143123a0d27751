package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Recommendation.Evidence;
import dev.queuelab.guide.Recommendation.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a record says around its design: how the topology takes backpressure, which single answer would change the
 * topology, and the queuelab checks that let a reader watch the record's claims happen.
 */
final class Explanations {

    private static final String QUEUE_CHECK = "work-queue/visibility";
    private static final String SQS_REFERENCE = "dev.queuelab.reference.workqueue.SqsWorkQueue";
    private static final String STREAMS_REFERENCE = "dev.queuelab.reference.streams.RedisStreams";
    private static final String BROADCAST_REFERENCE = "dev.queuelab.reference.pubsub.broadcast.RedisBroadcast";

    private Explanations() {}

    /** Redis does not drop for a slow subscriber: it disconnects it, past the pub/sub output buffer limit. */
    static String redisBackpressure(Set<String> facts) {
        Facts.Fact f = Facts.registry().get("redis.pubsub-buffer");
        facts.add(f.id());
        return "disconnect: a subscriber that cannot keep up is cut off once its output buffer passes"
                + " client-output-buffer-limit pubsub (" + Numbers.bytes(f.number("hard-limit-bytes")) + " at once, or "
                + Numbers.bytes(f.number("soft-limit-bytes")) + " for " + Numbers.seconds(f.number("soft-seconds"))
                + "), and misses what is published until it subscribes again (at-most-once)";
    }

    static String backpressure(Topology topology) {
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
    static List<String> wouldChangeIf(Answers a, Topology topology) {
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
            Topology changed = RuleEngine.effective(flip.apply(a));
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

    static List<Evidence> evidence(Situation s, Failure failure) {
        List<Evidence> out = new ArrayList<>();
        Topology t = s.topology();
        if (t.leases()) {
            out.add(new Evidence(
                    "A message leaves the queue only when a consumer acks it; a consumer's crash "
                            + "before the ack means a redelivery after the "
                            + s.product().vocabulary().lease(),
                    QUEUE_CHECK,
                    SQS_REFERENCE,
                    "at-least-once-crash-before-ack, visibility-timeout-too-short, extend-visibility"));
            if (failure.deadLetter() != null) {
                out.add(new Evidence(
                        "After " + s.product().vocabulary().attempts().replace("retries in retry topics", "retries")
                                + " deliveries a poison message moves to the " + failure.deadLetter()
                                + " instead of being delivered again",
                        "work-queue/dead-letters",
                        SQS_REFERENCE,
                        "poison-message-to-dlq"));
            }
            if (s.product() == Product.JOBS_TABLE) {
                out.add(new Evidence(
                        "The jobs table (SELECT ... FOR UPDATE SKIP LOCKED, a visibility deadline column, attempts and"
                                + " a dead status) passes the same work-queue checks of acks, leases and dead letters"
                                + " on a real Postgres (docs/delivery-semantics.md, the jobs table)",
                        QUEUE_CHECK,
                        "dev.queuelab.postgres.JobsTable"));
            }
            if (t == Topology.PUB_SUB_FANOUT) {
                out.add(new Evidence(
                        "Every subscription gets its own copy and redelivers it on its own lease: each"
                                + " subscription's consumers need their own dedupe key, or one subscription's mark hides"
                                + " the message from the other (docs/delivery-semantics.md)",
                        "delivery/no-loss",
                        "dev.queuelab.reference.semantics.FanoutBroker",
                        "fanout-per-subscription, fanout-shared-dedupe"));
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
                    null,
                    "replay-vs-work-queue, rebalance-duplicates"));
            if (s.product() == Product.REDIS_STREAMS) {
                out.add(new Evidence(
                        "An entry read by a consumer stays in its group's pending entries list until XACK; one idle "
                                + "past min-idle-time is claimed by another consumer, its delivery count rising "
                                + "(docs/redis-streams.md)",
                        "streams/claims",
                        STREAMS_REFERENCE));
            }
        } else if (t == Topology.EPHEMERAL_PUB_SUB) {
            out.add(new Evidence(
                    "Offline subscribers miss messages (at-most-once); a slow one is disconnected, and never slows "
                            + "another (docs/pub-sub/broadcast.md)",
                    "broadcast/slow-subscribers",
                    BROADCAST_REFERENCE));
        } else {
            out.add(new Evidence("A direct call needs no broker: the caller sees the failure", null, null));
        }
        return out;
    }
}
