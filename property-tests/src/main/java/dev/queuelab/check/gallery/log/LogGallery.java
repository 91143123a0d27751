package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.check.log.LogFactory;
import dev.queuelab.reference.log.GroupCoordinator;
import dev.queuelab.reference.log.KafkaLog;
import dev.queuelab.reference.log.LogRules;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The partitioned log's bug gallery: the reference with one realistic mistake each, and the anomaly the checks
 * must name for it. Most are a {@code LogRules} with one method overridden, handed to the reference; a few
 * replace one part (the group coordinator) through {@code KafkaLog.builder}, or wrap the log to change one
 * answer of the api ({@code ForwardingLog}). A variant the checks cannot catch is a
 * bug in the engine, not in the variant.
 */
public final class LogGallery {

    /**
     * @param name     how {@code -Dqueuelab.impl=log.gallery.NAME} chooses it
     * @param expected the anomaly its shrunk story must name
     * @param factory  makes it
     */
    public record Variant(String name, String expected, LogFactory factory) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant("partitioner-java-hash", "wrong-partition", rules(new JavaHashPartitionerRules())),
            new Variant("resume-after-committed", "commit-resume-violated", rules(new ResumeAfterCommittedRules())),
            new Variant("commit-any-generation", "fenced-member-accepted", rules(new CommitAnyGenerationRules())),
            new Variant("range-inclusive-end", "single-owner", rules(new RangeInclusiveEndRules())),
            new Variant("session-never-expires", "single-owner", rules(new SessionNeverExpiresRules())),
            new Variant("retention-at-the-boundary", "retention-early", rules(new RetentionAtTheBoundaryRules())),
            new Variant("read-committed-shows-aborted", "aborted-read", rules(new ReadCommittedShowsAbortedRules())),
            new Variant("read-committed-past-lso", "open-transaction-read", rules(new ReadCommittedPastLsoRules())),
            new Variant("seek-strictly-after", "seek-wrong", rules(new SeekStrictlyAfterRules())),
            new Variant("sequence-any-forward", "sequence-gap-accepted", rules(new SequenceAnyForwardRules())),
            new Variant("no-sequence-history", "retry-refused", rules(new NoSequenceHistoryRules())),
            new Variant("fence-off-by-one", "zombie-write", rules(new FenceOffByOneRules())),
            new Variant("null-key-from-one", "wrong-partition", rules(new NullKeyFromOneRules())),
            new Variant(
                    "retention-bytes-whole-partition",
                    "retention-early",
                    rules(new RetentionBytesWholePartitionRules())),
            new Variant("assignor-always-range", "wrong-assignment", rules(new AssignorAlwaysRangeRules())),
            new Variant("claims-durable-in-memory", "lost-write", ClaimsDurableInMemoryLog::new),
            new Variant("assignment-from-join", "assignment-disagrees", groups(AssignmentFromJoinGroups::new)),
            new Variant(
                    "generation-before-membership", "invalid-answer", groups(GenerationBeforeMembershipGroups::new)),
            new Variant("sticky-forgets-owners", "wrong-assignment", rules(new StickyForgetsOwnersRules())),
            new Variant("sticky-keeps-ceiling", "wrong-assignment", rules(new StickyKeepsCeilingRules())),
            new Variant(
                    "transaction-forgets-partition",
                    "transaction-left-open",
                    rules(new TransactionForgetsPartitionRules())),
            new Variant("abort-without-marker", "missing-marker", rules(new AbortWithoutMarkerRules())),
            new Variant("high-watermark-one-behind", "high-watermark-lags", rules(new HighWatermarkOneBehindRules())),
            new Variant(
                    "first-unstable-below-start", "open-transaction-read", rules(new FirstUnstableBelowStartRules())),
            new Variant("serves-above-high-watermark", "read-past-end", rules(new ServesAboveHighWatermarkRules())),
            new Variant("seek-end-ignores-isolation", "seek-wrong", rules(new SeekEndIgnoresIsolationRules())),
            new Variant(
                    "stale-heartbeat-refreshes-session",
                    "stale-session-kept",
                    rules(new StaleHeartbeatRefreshesSessionRules())),
            new Variant("next-offset-points-back", "poll-repeat", NextOffsetPointsBackLog::new),
            new Variant("reset-always-earliest", "commit-resume-violated", rules(new ResetAlwaysEarliestRules())),
            // a timed-out transaction that wrote to two partitions is met by a reader one partition at a time: with
            // no marker in the first it reads, the open transaction (L14) shows before the missed timeout (L15)
            new Variant(
                    "transaction-never-times-out",
                    "transaction-outlived-timeout|transaction-left-open",
                    rules(new TransactionNeverTimesOutRules())),
            new Variant("first-sequence-zero", "refused", rules(new FirstSequenceZeroRules())));

    /** The reference log in memory under {@code rules}: a variant that changes one decision. */
    static LogFactory rules(LogRules rules) {
        return (config, clock) -> new KafkaLog(config, clock, rules);
    }

    /** The reference log with another group coordinator in place of its own: a variant that changes one part. */
    static LogFactory groups(BiFunction<LogConfig, LogRules, GroupCoordinator> groups) {
        return (config, clock) -> KafkaLog.builder(config, clock).groups(groups).build();
    }

    private LogGallery() {}
}
