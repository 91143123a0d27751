package dev.queuelab.reference.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.DefaultPartitioner;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.Seek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitioned log's decisions, one rule per method, each citing the invariant it keeps.
 *
 * Teaches: where each of a log's promises is decided, in one line, so that a single wrong line can be shown
 * to break a single promise. A {@link KafkaLog} is given one of these ({@link #REFERENCE} unless told
 * otherwise) and hands it to its parts; a gallery variant is a subclass that overrides one method.
 * Invariants: those of {@link KafkaLog} (L1 to L15); each method names the ones it decides.
 * Thread-safety: stateless; called by the log's classes while they hold the log's monitor. Each rule is a pure
 * function of its arguments, so the log may keep an answer while they do not change (a partition asks its time
 * rules once per instant).
 * Real world: each method names the Kafka code path it mirrors.
 */
public class LogRules {

    /** The rules as the reference keeps them. */
    public static final LogRules REFERENCE = new LogRules();

    /** L2: a keyed record's partition, as Kafka's BuiltInPartitioner.partitionForKey. */
    protected int partitionForKey(String key, int numPartitions) {
        return DefaultPartitioner.partition(key, numPartitions);
    }

    /** L2: the n-th record with a null key (n from 0) goes to partition n mod N: round-robin. */
    protected int partitionForNullKey(long n, int numPartitions) {
        return (int) (n % numPartitions);
    }

    /** L4: the active segment rolls when the next record would take it past segment.bytes (a lone record may). */
    protected boolean rollsBySize(long segmentSize, long recordSize, long segmentBytes) {
        return segmentSize > 0 && segmentSize + recordSize > segmentBytes;
    }

    /** L4: the active segment rolls when its first record is more than segment.ms old (Kafka: strictly more). */
    protected boolean rollsByAge(Instant firstTimestamp, Instant now, Duration segmentAge) {
        return Duration.between(firstTimestamp, now).compareTo(segmentAge) > 0;
    }

    /** L5: a segment whose newest record is more than retention.ms old may go (Kafka: strictly more). */
    protected boolean expiredByTime(Instant newestTimestamp, Instant now, Duration retention) {
        return Duration.between(newestTimestamp, now).compareTo(retention) > 0;
    }

    /** L5: the oldest segment may go while the partition would still hold retention.bytes without it. */
    protected boolean breachesSize(long partitionBytes, long segmentBytes, long retentionBytes) {
        return partitionBytes - segmentBytes >= retentionBytes;
    }

    /** L3: the high watermark; with one replica, the log end offset itself (Kafka: the least LEO of the ISR). */
    protected long highWatermark(long logEndOffset) {
        return logEndOffset;
    }

    /** L3: a read may start anywhere from the log start offset up to the high watermark, nowhere else. */
    protected boolean serves(long offset, long logStartOffset, long highWatermark) {
        return offset >= logStartOffset && offset <= highWatermark;
    }

    /** L5: retention may delete a segment only if all of it lies below the high watermark (Kafka's UnifiedLog). */
    protected boolean belowHighWatermark(long segmentEnd, long highWatermark) {
        return segmentEnd <= highWatermark;
    }

    /** L6: the first offset of the earliest open transaction, moved up to the log start if retention passed it. */
    protected long firstUnstableOffset(long earliestOpen, long logStartOffset) {
        return Math.max(earliestOpen, logStartOffset);
    }

    /** L6: a read stops at the high watermark, or at the last stable offset under read_committed. */
    protected long readBound(long highWatermark, long lastStableOffset, IsolationLevel isolation) {
        return isolation == IsolationLevel.READ_COMMITTED ? lastStableOffset : highWatermark;
    }

    /** L6: seek to the end (Latest) lands where a read of that isolation level stops (Kafka's ListOffsets). */
    protected long latestOffset(long highWatermark, long lastStableOffset, IsolationLevel isolation) {
        return isolation == IsolationLevel.READ_COMMITTED ? lastStableOffset : highWatermark;
    }

    /** L11: read_committed hides the records of aborted transactions; read_uncommitted shows them. */
    protected boolean hidesAborted(IsolationLevel isolation) {
        return isolation == IsolationLevel.READ_COMMITTED;
    }

    /** L7: seek to a timestamp finds the first record stamped at or after it. */
    protected boolean atOrAfter(Instant recordTimestamp, Instant target) {
        return !recordTimestamp.isBefore(target);
    }

    /** L8: the partitions each member owns in a new generation, given what each owned in the last one. */
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        return switch (assignor) {
            case RANGE -> Assignors.range(members, partitions);
            case ROUND_ROBIN -> Assignors.roundRobin(members, partitions);
            case COOPERATIVE_STICKY -> Assignors.cooperativeSticky(members, partitions, previous);
        };
    }

    /** L9: a member whose last heartbeat is a full session timeout old is gone (the deadline itself expires it). */
    protected boolean sessionExpired(Instant lastHeartbeat, Instant now, Duration sessionTimeout) {
        return !now.isBefore(lastHeartbeat.plus(sessionTimeout));
    }

    /** L9: a commit or heartbeat counts only in the group's current generation. */
    protected boolean generationMatches(int presented, int current) {
        return presented == current;
    }

    /**
     * L9: a commit from no member (generation -1, as assign() users and admin tools send it) is stored only while the
     * group has no members (Kafka's ClassicGroup.validateOffsetCommit: generationId &lt; 0 and state Empty).
     */
    protected boolean commitsWithoutMembership(int presentedGeneration, boolean groupEmpty) {
        return presentedGeneration < 0 && groupEmpty;
    }

    /** L9: only a heartbeat the group accepts keeps a session alive; a refused one changes nothing. */
    protected boolean refreshesSession(HeartbeatOutcome answer) {
        return answer == HeartbeatOutcome.OK;
    }

    /** L10: with no committed offset, or one no longer served, a member starts where auto.offset.reset says. */
    protected Seek resetTo(Seek requested) {
        return requested;
    }

    /** L10: a committed offset is the next offset to read, so a member resumes exactly there. */
    protected long resumeAt(long committedOffset) {
        return committedOffset;
    }

    /**
     * L12: a producer with no state on a partition may start there at any sequence (Kafka's ProducerAppendInfo
     * accepts any first sequence when it has no epoch recorded for the producer there).
     */
    protected boolean acceptsFirstSequence(int sequence) {
        return true;
    }

    /** L12: an append is in order when its sequence is exactly one past the last written (-1: a new epoch). */
    protected boolean isNextSequence(int lastSequence, int sequence) {
        return sequence == lastSequence + 1;
    }

    /** L12: how many recent sequences per producer and partition are remembered to answer retries (Kafka: 5). */
    protected int sequencesRemembered() {
        return 5;
    }

    /** L14: a transactional append enters its partition in the transaction (AddPartitionsToTxn), every time. */
    protected boolean joinsTransaction(Set<Integer> partitionsSoFar, int partition) {
        return true;
    }

    /**
     * L15: a transaction open longer than transaction.timeout.ms since its first write is aborted by the coordinator
     * (Kafka's TransactionStateManager: txnStartTimestamp + txnTimeoutMs &lt; now, strictly).
     */
    protected boolean transactionTimedOut(Instant firstWrite, Instant now, Duration timeout) {
        return Duration.between(firstWrite, now).compareTo(timeout) > 0;
    }

    /** L14: ending a transaction, commit or abort, writes a marker in each partition it wrote to. */
    protected boolean writesMarker(LogSegment.Marker marker) {
        return true;
    }

    /** L12: an epoch older than the producer id's latest is a zombie's. */
    protected boolean isFenced(short presented, short latest) {
        return presented < latest;
    }
}
