package dev.queuelab.bench.report;

import java.util.List;

/**
 * How the report reads each benchmark: which parameter names the variants, which variant is the baseline
 * that every ratio divides by, which result is the score, which counters to show, and the goals.
 *
 * @param benchmark  {@code Class.method} as in {@link JmhResult#benchmark()}
 * @param title      the table's heading
 * @param axis       the {@code @Param} whose values are the variants
 * @param baseline   the variant every ratio is to (measured in the same run)
 * @param score      the secondary result that is the score, or {@code null} for the primary
 * @param unit       what is counted per second
 * @param counters   the {@code @AuxCounters} to show beside the score
 * @param mustBeZero the counters that mean the result is wrong: a run where one is not 0 fails its report
 * @param goals      targets: a variant's minimum ratio to the baseline, or its maximum allocation
 * @param context    for a benchmark kept as context, without goals: why it judges nothing (the report prints it
 *                   under the table's heading); {@code null} otherwise
 */
public record Suite(
        String benchmark,
        String title,
        String axis,
        String baseline,
        String score,
        String unit,
        List<String> counters,
        List<String> mustBeZero,
        List<Goal> goals,
        String context) {

    /** A suite judged by its goals (or, with none, shown as it is). */
    public Suite(
            String benchmark,
            String title,
            String axis,
            String baseline,
            String score,
            String unit,
            List<String> counters,
            List<String> mustBeZero,
            List<Goal> goals) {
        this(benchmark, title, axis, baseline, score, unit, counters, mustBeZero, goals, null);
    }

    /** This suite kept as context, with the reason it judges nothing. */
    public Suite asContext(String why) {
        return new Suite(benchmark, title, axis, baseline, score, unit, counters, mustBeZero, List.of(), why);
    }

    /**
     * A variant's target: a ratio of at least {@code minRatio} to the baseline (or to another variant of the same
     * run, {@code over}), or at most {@code maxBytes} per message; {@code missedBecause}, if not null, is the
     * one-sentence cause the goal table gives beside a miss (what the baseline avoids that the variant must do);
     * {@code teaches} is what a reader learns from the goal, met or not (every goal says it: the registry's test
     * refuses one without).
     */
    public record Goal(
            String variant,
            double minRatio,
            double maxBytes,
            String meaning,
            String over,
            String missedBecause,
            String teaches) {

        public static Goal ratio(String variant, double minRatio, String meaning) {
            return new Goal(variant, minRatio, Double.NaN, meaning, null, null, null);
        }

        public static Goal ratioOver(String variant, double minRatio, String meaning, String over) {
            return new Goal(variant, minRatio, Double.NaN, meaning, over, null, null);
        }

        public static Goal bytes(String variant, double maxBytes, String meaning) {
            return new Goal(variant, Double.NaN, maxBytes, meaning, null, null, null);
        }

        /** This goal, with the cause the table names when it is missed. */
        public Goal missedBecause(String cause) {
            return new Goal(variant, minRatio, maxBytes, meaning, over, cause, teaches);
        }

        /** This goal, with what it teaches. */
        public Goal teaches(String lesson) {
            return new Goal(variant, minRatio, maxBytes, meaning, over, missedBecause, lesson);
        }

        /** "met", or "missed" with its cause when one is known. */
        public String verdict(boolean met) {
            return met ? "met" : missedBecause == null ? "missed" : "missed: " + missedBecause;
        }

        public boolean onBytes() {
            return !Double.isNaN(maxBytes);
        }
    }

    private static final List<String> HANDOFF = List.of("rejected", "redelivered", "refused");
    private static final List<String> LOST_OR_REPEATED = List.of("redelivered", "refused");

    public static final List<Suite> ALL = List.of(
            new Suite(
                            "HandoffBenchmark.handoff",
                            "Producer/consumer handoff on two threads, one message per call",
                            "impl",
                            "ArrayBlockingQueue",
                            "messages",
                            "messages/s",
                            HANDOFF,
                            LOST_OR_REPEATED,
                            List.of())
                    .asContext("Context, not a goal: on 2 shared cores, two threads handing over one message at a time"
                            + " measure the scheduler (whether both threads run at once, and for how long) more than the"
                            + " queue; the goals are judged on one thread's cost, allocation and the batched handoff."),
            new Suite(
                            "BatchHandoffBenchmark.batch",
                            "Producer/consumer handoff, the consumer taking up to 10 per call",
                            "impl",
                            "ArrayBlockingQueue-drainTo",
                            "messages",
                            "messages/s",
                            HANDOFF,
                            LOST_OR_REPEATED,
                            List.of())
                    .asContext("Context, not a goal: on 2 shared cores a producer thread and a consumer thread measure"
                            + " the scheduler even ten messages a call (one run's rounds ranged over a factor of ten)."
                            + " The batched path's goal is judged in one thread (BatchCycleBenchmark)."),
            new Suite(
                    "BatchCycleBenchmark.sendThenTake",
                    "Send 10, then take them 10 per call, in one thread",
                    "impl",
                    "ArrayBlockingQueue-drainTo",
                    null,
                    "messages/s",
                    List.of("unread", "redelivered", "refused"),
                    List.of("unread", "redelivered", "refused"),
                    List.of(Goal.ratio(
                                    "WorkQueue-ackEach",
                                    0.6,
                                    "work queue receive(10) then ack each, one thread: >= 0.6x ArrayBlockingQueue"
                                            + " drainTo(10)")
                            .missedBecause("drainTo takes ten under one lock and makes nothing; the api's objects"
                                    + " alone, with no queue (impl ArrayBlockingQueue-apiObjects), run at about"
                                    + " half of it, below the goal")
                            .teaches("a consumer that takes ten per call takes the lock a tenth as often, yet each"
                                    + " message keeps its own bookkeeping (an index entry, a lease, a receipt) and"
                                    + " its own ack: batching amortises the lock, not the rest"))),
            new Suite(
                    "CycleBenchmark.cycle",
                    "Send, receive, ack in one thread",
                    "impl",
                    "ArrayBlockingQueue",
                    null,
                    "round trips/s",
                    List.of("empty", "redelivered", "refused", "duplicates", "deadLettered"),
                    List.of("empty", "redelivered", "refused", "duplicates", "deadLettered"),
                    List.of(
                            Goal.ratio(
                                            "WorkQueue",
                                            0.3,
                                            "work queue send -> receive -> ack: >= 0.3x ArrayBlockingQueue offer+poll")
                                    .missedBecause("on cores where a lock costs little (AMD Zen 3: ArrayBlockingQueue"
                                            + " at about 67 M round trips per CPU-second, twice its Zen 5 speed) the"
                                            + " api's objects alone, with no queue (impl"
                                            + " ArrayBlockingQueue-apiObjects), run at about 0.34x of it: a queue"
                                            + " would have to cost next to nothing beyond them")
                                    .teaches("what at-least-once bookkeeping (a lease, a receipt, an index by id)"
                                            + " costs one thread beside a bare queue's offer and poll: its three"
                                            + " calls take the lock three times to the bare queue's two, about"
                                            + " half of the cycle"),
                            Goal.bytes("WorkQueue", 200, "work queue allocation per send -> receive -> ack: <= 200 B")
                                    .teaches("what a message costs the heap: 176 B are the api's and the caller's"
                                            + " objects (the floor); a flat index by id and reused nodes leave the"
                                            + " queue nothing of its own per message"))),
            new Suite(
                    "FifoGroupsBenchmark.cycle",
                    "FIFO groups and the deduplication window",
                    "mode",
                    "standard",
                    null,
                    "cycles/s",
                    List.of("empty", "duplicates", "deadLettered"),
                    List.of("empty", "duplicates", "deadLettered"),
                    List.of()),
            new Suite(
                    "VisibilityBookkeepingBenchmark.cycle",
                    "Visibility bookkeeping as messages in flight grow",
                    "inFlight",
                    "1",
                    null,
                    "cycles/s",
                    List.of("empty", "redelivered", "deadLettered"),
                    List.of("empty", "redelivered", "deadLettered"),
                    List.of(
                            Goal.ratio(
                                            "100000",
                                            0.9,
                                            "100k messages in flight: >= 0.9x the throughput with 1 in flight")
                                    .teaches("leases kept in O(1) lists do not slow a queue as they grow; what"
                                            + " does is its index by id: ids that count up fill runs of"
                                            + " neighbouring slots, and a new id's probe walks past the held ones"
                                            + " (a table at most a quarter full keeps the walks short); a queue"
                                            + " grown to 100k and drained back to one message runs nearly as fast"
                                            + " as one, so it is the ids held, not the table's size; both queues"
                                            + " are measured settled (old to the collector), as a queue that has"
                                            + " run a while is"),
                            Goal.ratio("1000000", 0.7, "1M messages in flight: >= 0.7x the throughput with 1 in flight")
                                    .teaches("settled (old to the collector, as any queue that has run a while),"
                                            + " a million messages in flight cost a cycle about a quarter more than"
                                            + " one: the index's walks past the ids held; measured"
                                            + " young, the queue with one message ran half again as fast as itself"
                                            + " settled: on G1 a reference stored into an old object pays the write"
                                            + " barrier's fence, so the queue links its nodes by int handles and"
                                            + " takes a lock that stores no owner"))),
            new Suite(
                            "LogTailBenchmark.tail",
                            "Partitioned log: one writer, one tailing reader",
                            "impl",
                            "Disruptor",
                            "messages",
                            "records/s",
                            List.of("rejected"),
                            List.of(),
                            List.of())
                    .asContext("Context, not a goal: on 2 shared cores the writer and the tailing reader measure the"
                            + " scheduler; the Disruptor's forks run at about 4 M or 55 M records/s as it places their two"
                            + " threads. The tail's goal is judged in one thread (TailCycleBenchmark)."),
            new Suite(
                    "TailCycleBenchmark.appendThenRead",
                    "Partitioned log: append 500 records, then read them, in one thread",
                    "impl",
                    "Disruptor",
                    null,
                    "records/s",
                    List.of("unread"),
                    List.of("unread"),
                    List.of(Goal.ratio(
                                    "KafkaLog",
                                    0.5,
                                    "log append + tailing read, 500 records a batch, one thread: >= 0.5x the"
                                            + " Disruptor's publish + poll")
                            .missedBecause(
                                    "the Disruptor's writer fills a preallocated slot with no lock and no object;"
                                            + " the log takes its monitor per append and per poll and keeps each record on"
                                            + " the heap until retention, for the collector to copy; the api's objects"
                                            + " alone, with no log (impl KafkaLog-apiObjects), run at about a quarter of"
                                            + " the Disruptor")
                            .teaches("what a durable, replayable record costs beside a ring that overwrites its"
                                    + " slots: a lock per call and an object per record kept until retention"))),
            new Suite(
                    "LogGroupsBenchmark.appendThenEveryGroupReads",
                    "Partitioned log: consumer groups reading one partition",
                    "groups",
                    "1",
                    null,
                    "records/s",
                    List.of("unread", "refusedCommits"),
                    List.of("unread", "refusedCommits"),
                    List.of(Goal.ratio(
                                    "8",
                                    0.5,
                                    "8 consumer groups reading one partition cost <= 2x one group"
                                            + " (>= 0.5x its throughput)")
                            .missedBecause("each group's read and commit take the monitor, and its read copies the"
                                    + " batch's references twice (FetchResult copies the list it is given), which"
                                    + " weighs against appends that cost little more than their records")
                            .teaches("a consumer group is an offset and a commit, not a copy of the log: eight"
                                    + " readers of one partition should cost little more than one"))),
            new Suite(
                    "FanoutBenchmark.publishThenEveryoneReads",
                    "Pub/sub: one publisher to 1, 2 or 8 subscribers, in one thread",
                    "shape",
                    "ArrayBlockingQueue",
                    "delivered",
                    "messages delivered/s",
                    List.of("lost"),
                    List.of("lost"),
                    List.of(
                            Goal.ratio(
                                            "RabbitFanout-2",
                                            1.0,
                                            "RabbitMQ fanout exchange, 2 subscribers: messages delivered >= 1.0x"
                                                    + " ArrayBlockingQueue put/take")
                                    .teaches("a fanout exchange gives each subscriber a queue of its own, with its"
                                            + " bookkeeping (an entry, a tag, an unacked slot, an ack): what that"
                                            + " costs per delivery beside one plain queue"),
                            Goal.ratio(
                                            "Redis-2",
                                            1.0,
                                            "Redis pub/sub, 2 subscribers: messages delivered >= 1.0x"
                                                    + " ArrayBlockingQueue put/take")
                                    .missedBecause("on cores where a lock costs little (AMD Zen 3) the baseline's"
                                            + " put/take runs about 1.6x its Zen 5 speed, and the channel's own"
                                            + " work about 0.75x of it: a ratio to a locked queue moves with the"
                                            + " CPU")
                                    .teaches(
                                            "fire-and-forget broadcast keeps nothing per message once read: the"
                                                    + " channel's subscribers share one log of its messages, each with a cursor"),
                            Goal.ratioOver(
                                            "Redis-8",
                                            4.0,
                                            "Redis pub/sub, end to end: 8 subscribers' reads with the publish"
                                                    + " deliver >= 4x what 1 does",
                                            "Redis-1")
                                    .teaches("how a publish's cost grows with its subscribers when they share the"
                                            + " channel's log: one append per publish, a cursor and a size per"
                                            + " subscriber, so even their reads add little"))),
            new Suite(
                    "FanoutPublishBenchmark.publish",
                    "Pub/sub: the publish alone, to 1 or 8 subscribers who keep up between batches",
                    "shape",
                    "Redis-1",
                    null,
                    "publishes/s",
                    List.of("lost"),
                    List.of("lost"),
                    List.of(
                            Goal.ratioOver(
                                            "RabbitFanout-8",
                                            0.5,
                                            "RabbitMQ fanout exchange: a publish to 8 subscribers costs <= 2x one to 1"
                                                    + " (>= 0.5x the publishes/s)",
                                            "RabbitFanout-1")
                                    .teaches("a fanout exchange hands each bound queue the same stored message, never"
                                            + " a copy of its body: a publish's cost grows by an entry per queue"),
                            Goal.ratioOver(
                                            "Redis-8",
                                            0.5,
                                            "Redis pub/sub: a publish to 8 subscribers costs <= 2x one to 1"
                                                    + " (>= 0.5x the publishes/s)",
                                            "Redis-1")
                                    .teaches("a channel's subscribers share one log: a publish appends once however"
                                            + " many read it"))),
            new Suite(
                    "TopicRoutingBenchmark.publishThenRead",
                    "Pub/sub: a topic exchange's routing with 10 or 10,000 bindings, in one thread",
                    "bindings",
                    "10",
                    null,
                    "publishes/s",
                    List.of("unrouted"),
                    List.of("unrouted"),
                    List.of(Goal.ratio(
                                    "10000",
                                    0.5,
                                    "RabbitMQ topic exchange with 10,000 bindings: >= 0.5x the publishes/s with 10")
                            .teaches("a trie routes a key without scanning every binding: with the same 2 to 5"
                                    + " matches per key, 10,000 bindings should cost about what 10 do"))),
            new Suite(
                    "IdempotentConsumerBenchmark.message",
                    "Delivery semantics: one message through the pipeline, consumed plainly or idempotently, in one"
                            + " thread",
                    "consumer",
                    "plain",
                    null,
                    "messages/s",
                    List.of(),
                    List.of(),
                    List.of(Goal.ratio(
                                    "idempotent",
                                    0.6,
                                    "idempotent consumer with the in-memory dedupe store (TTL 1 h): >= 0.6x the plain"
                                            + " consumer's messages/s")
                            .teaches("an idempotent consumer is one lookup and one insert beside the effect: cheap"
                                    + " next to the delivery it protects, as long as the store is local"))),
            new Suite(
                    "DiskAppendBenchmark.append",
                    "Appending 100-byte records to a file",
                    "force",
                    "none",
                    null,
                    "records/s",
                    List.of("forces"),
                    List.of(),
                    List.of()),
            new Suite(
                    "DurableLogBenchmark.append",
                    "The log on disk beside the raw file, 100-byte records",
                    "mode",
                    "raw-packed",
                    null,
                    "appends/s",
                    List.of("forces", "acked"),
                    List.of(),
                    List.of(
                            Goal.ratioOver(
                                            "log-force",
                                            0.8,
                                            "log, force per append: >= 0.8x raw write+force",
                                            "raw-write+force")
                                    .teaches("when every append waits for an fsync, the device's flush is the cost"
                                            + " and the log's framing is noise"),
                            Goal.ratioOver(
                                            "log-group-commit",
                                            0.5,
                                            "log, group commit with pipelined appends: >= 0.5x raw packed"
                                                    + " writes with a force per MiB",
                                            "raw-packed+force-per-MiB")
                                    .missedBecause("a future and the value's UTF-8 bytes per append with no log at"
                                            + " all, forced on a flusher thread (mode raw-packed+force-per-MiB+api),"
                                            + " run at about 0.87x of the raw writes; the log's frame, locks and"
                                            + " retention leave about 0.6x of that")
                                    .teaches("group commit shares one fsync among many appends; what is left is"
                                            + " the log's own work per record"),
                            Goal.ratioOver(
                                            "log-group-commit",
                                            100,
                                            "log, group commit: >= 100x the log's own force per append",
                                            "log-force")
                                    .teaches("durability is priced in fsyncs, not bytes: batching them is worth"
                                            + " orders of magnitude"),
                            Goal.ratio(
                                            "log-page-cache",
                                            0.5,
                                            "log, page cache: >= 0.5x raw packed writes without force")
                                    .missedBecause("a future and the value's UTF-8 bytes per append with no log at"
                                            + " all (mode raw-packed+api) run at half the raw writes: no log behind a"
                                            + " send that returns a future per record reaches the goal")
                                    .teaches("acknowledging once the page cache holds a record trades a power"
                                            + " loss for speed; a write(2) per record is then the cost"))));
}
