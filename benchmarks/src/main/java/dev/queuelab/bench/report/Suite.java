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
 * @param goals      targets: a variant's minimum ratio to the baseline, with what it stands for
 */
public record Suite(String benchmark, String title, String axis, String baseline, String score, String unit,
                    List<String> counters, List<Goal> goals) {

    /**
     * A variant's target ratio to the baseline, or to another variant of the same run ({@code over}).
     */
    public record Goal(String variant, double minRatio, String meaning, String over) {
        public Goal(String variant, double minRatio, String meaning) {
            this(variant, minRatio, meaning, null);
        }
    }

    public static final List<Suite> ALL = List.of(
            new Suite("HandoffBenchmark.handoff", "Producer/consumer handoff on two threads", "impl", "ArrayBlockingQueue",
                    "take", "messages/s", List.of("rejected", "redelivered"),
                    List.of(new Goal("WorkQueue", 0.5, "work queue with acks and visibility timeout, 1 producer / 1 consumer: >= 0.5x ArrayBlockingQueue (stretch 1.0x)"),
                            new Goal("Disruptor", 7.0, "LMAX Disruptor: about 7x ArrayBlockingQueue"))),
            new Suite("CycleBenchmark.cycle", "Send, receive, ack in one thread", "impl", "ArrayBlockingQueue",
                    null, "round trips/s", List.of("empty", "redelivered", "refused", "deadLettered"),
                    List.of(new Goal("WorkQueue", 0.25, "work queue send -> receive -> ack: >= 0.25x ArrayBlockingQueue offer+poll"))),
            new Suite("FifoGroupsBenchmark.cycle", "FIFO groups and the deduplication window", "mode", "standard",
                    null, "cycles/s", List.of("empty", "duplicates", "deadLettered"), List.of()),
            new Suite("VisibilityBookkeepingBenchmark.cycle", "Visibility bookkeeping as messages in flight grow", "inFlight", "1",
                    null, "cycles/s", List.of("empty", "redelivered", "deadLettered"),
                    List.of(new Goal("100000", 0.7, "100k messages in flight: >= 0.7x the throughput with 1 in flight (no linear scans)"))),
            new Suite("DiskAppendBenchmark.append", "Appending 100-byte records to a file", "force", "none",
                    null, "records/s", List.of("forces"), List.of()),
            new Suite("DurableLogBenchmark.append", "The log on disk beside the raw file, 100-byte records", "mode", "raw-packed",
                    null, "appends/s", List.of("forces", "acked"),
                    List.of(new Goal("log-force", 0.8, "log, force per append: >= 0.8x raw write+force", "raw-write+force"),
                            new Goal("log-group-commit", 0.5, "log, group commit with pipelined appends: >= 0.5x raw packed writes with a force per MiB",
                                    "raw-packed+force-per-MiB"),
                            new Goal("log-group-commit", 100, "log, group commit: >= 100x the log's own force per append", "log-force"),
                            new Goal("log-page-cache", 0.25, "log, page cache: >= 0.25x raw packed writes"))));
}
