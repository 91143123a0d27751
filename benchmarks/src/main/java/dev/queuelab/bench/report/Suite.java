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
        List<Goal> goals) {

    /**
     * A variant's target: a ratio of at least {@code minRatio} to the baseline (or to another variant of the same
     * run, {@code over}), or at most {@code maxBytes} per message; {@code missedBecause}, if not null, is the
     * one-sentence cause the goal table gives beside a miss (what the baseline avoids that the variant must do).
     */
    public record Goal(
            String variant, double minRatio, double maxBytes, String meaning, String over, String missedBecause) {

        public static Goal ratio(String variant, double minRatio, String meaning) {
            return new Goal(variant, minRatio, Double.NaN, meaning, null, null);
        }

        public static Goal ratioOver(String variant, double minRatio, String meaning, String over) {
            return new Goal(variant, minRatio, Double.NaN, meaning, over, null);
        }

        public static Goal bytes(String variant, double maxBytes, String meaning) {
            return new Goal(variant, Double.NaN, maxBytes, meaning, null, null);
        }

        /** This goal, with the cause the table names when it is missed. */
        public Goal missedBecause(String cause) {
            return new Goal(variant, minRatio, maxBytes, meaning, over, cause);
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
                    // context, not a goal: two threads handing over one message at a time on two shared cores
                    // measure whether the scheduler runs both at once more than what the queue costs
                    List.of()),
            new Suite(
                    "BatchHandoffBenchmark.batch",
                    "Producer/consumer handoff, the consumer taking up to 10 per call",
                    "impl",
                    "ArrayBlockingQueue-drainTo",
                    "messages",
                    "messages/s",
                    HANDOFF,
                    LOST_OR_REPEATED,
                    List.of(Goal.ratio(
                            "WorkQueue-ackEach",
                            0.6,
                            "work queue receive(10) then ack each: >= 0.6x" + " ArrayBlockingQueue drainTo(10)"))),
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
                                    "work queue send -> receive -> ack: >= 0.3x ArrayBlockingQueue offer+poll"),
                            Goal.bytes(
                                    "WorkQueue", 200, "work queue allocation per send -> receive -> ack: <= 200 B"))),
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
                                    "100000", 0.9, "100k messages in flight: >= 0.9x the throughput with 1 in flight"),
                            Goal.ratio(
                                    "1000000", 0.7, "1M messages in flight: >= 0.7x the throughput with 1 in flight"))),
            new Suite(
                    "LogTailBenchmark.tail",
                    "Partitioned log: one writer, one tailing reader",
                    "impl",
                    "Disruptor",
                    "messages",
                    "records/s",
                    List.of("rejected"),
                    List.of(),
                    // context, not a goal: the Disruptor's forks here run at 4 M or 55 M records/s as the
                    // scheduler places its two threads; the tail's goal is judged in one thread (TailCycle)
                    List.of()),
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
                                            + " the heap until retention, for the collector to copy"))),
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
                                    + " weighs against appends that cost little more than their records"))),
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
                                            + " ArrayBlockingQueue put/take"),
                            Goal.ratio(
                                    "Redis-2",
                                    1.0,
                                    "Redis pub/sub, 2 subscribers: messages delivered >= 1.0x"
                                            + " ArrayBlockingQueue put/take"),
                            Goal.ratioOver(
                                    "RabbitFanout-8",
                                    4.0,
                                    "RabbitMQ fanout exchange: a publish to 8 subscribers costs <= 2x one to 1"
                                            + " (>= 4x the messages delivered)",
                                    "RabbitFanout-1"),
                            Goal.ratioOver(
                                    "Redis-8",
                                    4.0,
                                    "Redis pub/sub: a publish to 8 subscribers costs <= 2x one to 1"
                                            + " (>= 4x the messages delivered)",
                                    "Redis-1"))),
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
                            "RabbitMQ topic exchange with 10,000 bindings: >= 0.5x the publishes/s with 10"))),
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
                                    "raw-write+force"),
                            Goal.ratioOver(
                                    "log-group-commit",
                                    0.5,
                                    "log, group commit with pipelined appends: >= 0.5x raw packed"
                                            + " writes with a force per MiB",
                                    "raw-packed+force-per-MiB"),
                            Goal.ratioOver(
                                    "log-group-commit",
                                    100,
                                    "log, group commit: >= 100x the log's own force per append",
                                    "log-force"),
                            Goal.ratio(
                                    "log-page-cache",
                                    0.5,
                                    "log, page cache: >= 0.5x raw packed writes without force"))));
}
