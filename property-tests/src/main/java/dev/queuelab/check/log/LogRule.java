package dev.queuelab.check.log;

import dev.queuelab.check.Rule;

/**
 * The partitioned log's invariants as the checks state them, each with the anomaly that breaks it. The ids
 * (L1...L15) are those of {@code KafkaLog} and {@code docs/partitioned-log.md}; the names follow Jepsen's
 * Kafka checker where it has one.
 */
public final class LogRule {

    private LogRule() {}

    public static final Rule LOST_WRITE =
            new Rule("lost-write", "L1 an acknowledged append stays at its offset until retention deletes its segment");

    public static final Rule UNEXPECTED = new Rule("unexpected", "L1 a read returns only records that were appended");

    public static final Rule INCONSISTENT_OFFSETS = new Rule(
            "inconsistent-offsets",
            "L1 offsets are dense and never change: the next append gets the high watermark, an offset read again holds the same record");

    public static final Rule WRONG_PARTITION = new Rule(
            "wrong-partition",
            "L2 a keyed record goes to toPositive(murmur2(key)) % partitions, so one key keeps its order");

    public static final Rule POLL_SKIP =
            new Rule("poll-skip", "L3 a read returns the visible records from its offset on, in order, skipping none");

    public static final Rule POLL_STALL = new Rule(
            "poll-stall",
            "L3 a read steps over what it may not show (markers, aborted records): its next offset is past them");

    public static final Rule NONMONOTONIC_POLL =
            new Rule("nonmonotonic-poll", "L3 the offsets a read returns go up, from the offset asked for");

    public static final Rule BATCH_OVER_MAX = new Rule("batch-over-max", "L3 a read returns at most max records");

    public static final Rule POLL_REPEAT = new Rule(
            "poll-repeat",
            "L3 a read's next offset is one past the last record it returned: a reader that goes on from it reads"
                    + " nothing twice");

    public static final Rule READ_PAST_END = new Rule(
            "read-past-end",
            "L3 a read from beyond the high watermark is refused as out of range: a reader never waits past records"
                    + " still to come");

    public static final Rule HIGH_WATERMARK_LAGS = new Rule(
            "high-watermark-lags",
            "L3 the high watermark is the end of what was written: every acknowledged record is readable at once");

    public static final Rule RETENTION_EARLY = new Rule(
            "retention-early",
            "L5 retention deletes only whole segments below the high watermark, whose newest record is older than"
                    + " retention.ms (or while the rest still holds retention.bytes)");

    public static final Rule OPEN_TRANSACTION_READ = new Rule(
            "open-transaction-read",
            "L6 read_committed stops at the last stable offset: the first offset of the earliest open transaction,"
                    + " or the log start if retention deleted it");

    public static final Rule SEEK_WRONG =
            new Rule("seek-wrong", "L7 seek to a timestamp gives the first offset stamped at or after it");

    public static final Rule SINGLE_OWNER =
            new Rule("single-owner", "L8 in a group's generation every partition has exactly one owner, a live member");

    public static final Rule WRONG_ASSIGNMENT = new Rule(
            "wrong-assignment",
            "L8 the shares follow the assignor: range gives each member P/C consecutive partitions, the first P%C one more;"
                    + " round-robin deals them out in turn (members sorted by id); cooperative-sticky keeps them"
                    + " balanced and moves only the partitions a balanced share must");

    public static final Rule ASSIGNMENT_DISAGREES = new Rule(
            "assignment-disagrees",
            "L8 a member's own assignment() is the share describeGroup shows for it, in the group's generation;"
                    + " a member that left or expired has none");

    public static final Rule STALE_SESSION_KEPT = new Rule(
            "stale-session-kept",
            "L9 only a heartbeat of the current generation keeps a session alive: a member that never rejoins expires,"
                    + " and its partitions go to the others");

    public static final Rule FENCED_ACCEPTED = new Rule(
            "fenced-member-accepted",
            "L9 after a rebalance, a heartbeat or commit of an older generation or a non-member is refused");

    public static final Rule MEMBER_REFUSED =
            new Rule("member-refused", "L9 a live member of the current generation heartbeats and commits");

    public static final Rule COMMIT_RESUME = new Rule(
            "commit-resume-violated",
            "L10 a member given a partition starts at the group's committed offset, not after or before");

    public static final Rule COMMITTED_WRONG = new Rule(
            "committed-offset-wrong",
            "L10, L14 a group's committed offset is what its last accepted commit, or committed transaction, stored");

    public static final Rule ABORTED_READ =
            new Rule("aborted-read", "L11 read_committed never returns a record of an aborted transaction");

    public static final Rule DUPLICATE = new Rule(
            "duplicate", "L12 an idempotent producer's retry is written once: the log answers it as a duplicate");

    public static final Rule RETRY_REFUSED = new Rule(
            "retry-refused",
            "L12 a retry of one of a producer's last " + LogModel.SEQUENCES_REMEMBERED
                    + " appends to a partition is answered as a duplicate");

    public static final Rule SEQUENCE_GAP_ACCEPTED =
            new Rule("sequence-gap-accepted", "L12 an idempotent append that skips a sequence number is refused");

    public static final Rule TRANSACTION_LEFT_OPEN = new Rule(
            "transaction-left-open",
            "L14 a transaction's end reaches every partition it wrote to: none is left open there, holding"
                    + " read_committed readers at its first offset");

    public static final Rule MISSING_MARKER = new Rule(
            "missing-marker",
            "L14 ending a transaction, commit or abort, writes a marker at the end of every partition it wrote to:"
                    + " the next append goes after it");

    public static final Rule TRANSACTION_OUTLIVED_TIMEOUT = new Rule(
            "transaction-outlived-timeout",
            "L15 a transaction open longer than transaction.timeout.ms after its first write is aborted by the"
                    + " coordinator, and its producer fenced: its later appends, offsets and commit are PRODUCER_FENCED");

    public static final Rule ZOMBIE_WRITE = new Rule(
            "zombie-write", "L13 once initTransactions gave out a new epoch, the older epoch's appends are fenced");

    public static final Rule INVALID_ANSWER = new Rule(
            "invalid-answer", "every answer is one the contract allows: no null, the refusal code that says why");

    public static final Rule REFUSED = new Rule(
            "refused", "every valid call is carried out: a fresh append is written, a transaction begins and ends");

    public static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
