package dev.queuelab.check.gallery.log;

import dev.queuelab.check.log.LogFactory;
import java.util.List;

/**
 * The partitioned log's bug gallery: the reference with one realistic mistake each (one overridden rule of
 * {@code LogRules}), and the anomaly the checks must name for it. A variant the checks cannot catch is a
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
            new Variant("partitioner-java-hash", "wrong-partition", JavaHashPartitionerLog::new),
            new Variant("resume-after-committed", "commit-resume-violated", ResumeAfterCommittedLog::new),
            new Variant("commit-any-generation", "fenced-member-accepted", CommitAnyGenerationLog::new),
            new Variant("range-inclusive-end", "single-owner", RangeInclusiveEndLog::new),
            new Variant("session-never-expires", "single-owner", SessionNeverExpiresLog::new),
            new Variant("retention-at-the-boundary", "retention-early", RetentionAtTheBoundaryLog::new),
            new Variant("read-committed-shows-aborted", "aborted-read", ReadCommittedShowsAbortedLog::new),
            new Variant("read-committed-past-lso", "open-transaction-read", ReadCommittedPastLsoLog::new),
            new Variant("seek-strictly-after", "seek-wrong", SeekStrictlyAfterLog::new),
            new Variant("sequence-any-forward", "sequence-gap-accepted", SequenceAnyForwardLog::new),
            new Variant("no-sequence-history", "retry-refused", NoSequenceHistoryLog::new),
            new Variant("fence-off-by-one", "zombie-write", FenceOffByOneLog::new),
            new Variant("null-key-from-one", "wrong-partition", NullKeyFromOneLog::new),
            new Variant("retention-bytes-whole-partition", "retention-early", RetentionBytesWholePartitionLog::new),
            new Variant("assignor-always-range", "wrong-assignment", AssignorAlwaysRangeLog::new),
            new Variant("claims-durable-in-memory", "lost-write", ClaimsDurableInMemoryLog::new),
            new Variant("assignment-from-join", "assignment-disagrees", AssignmentFromJoinLog::new),
            new Variant("generation-before-membership", "invalid-answer", GenerationBeforeMembershipLog::new),
            new Variant("sticky-forgets-owners", "wrong-assignment", StickyForgetsOwnersLog::new),
            new Variant("sticky-keeps-ceiling", "wrong-assignment", StickyKeepsCeilingLog::new));

    private LogGallery() {}
}
