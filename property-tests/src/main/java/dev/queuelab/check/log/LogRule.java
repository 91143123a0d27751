package dev.queuelab.check.log;

import dev.queuelab.check.Anomaly;

/**
 * The partitioned log's invariants as the checks state them, each with the anomaly that breaks it. The ids
 * (L1...L14) are those of {@code KafkaLog} and {@code docs/partitioned-log.md}; the names follow Jepsen's
 * Kafka checker where it has one.
 */
public enum LogRule {
    LOST_WRITE("lost-write", "L1 an acknowledged append stays at its offset until retention deletes its segment"),
    UNEXPECTED("unexpected", "L1 a read returns only records that were appended"),
    INCONSISTENT_OFFSETS(
            "inconsistent-offsets",
            "L1 offsets are dense and never change: the next append gets the high watermark, an offset read again holds the same record"),
    WRONG_PARTITION(
            "wrong-partition",
            "L2 a keyed record goes to toPositive(murmur2(key)) % partitions, so one key keeps its order"),
    POLL_SKIP("poll-skip", "L3 a read returns the visible records from its offset on, in order, skipping none"),
    POLL_STALL(
            "poll-stall",
            "L3 a read steps over what it may not show (markers, aborted records): its next offset is past them"),
    NONMONOTONIC_POLL("nonmonotonic-poll", "L3 the offsets a read returns go up, from the offset asked for"),
    BATCH_OVER_MAX("batch-over-max", "L3 a read returns at most max records"),
    POLL_REPEAT(
            "poll-repeat",
            "L3 a read's next offset is one past the last record it returned: a reader that goes on from it reads"
                    + " nothing twice"),
    READ_PAST_END(
            "read-past-end",
            "L3 a read from beyond the high watermark is refused as out of range: a reader never waits past records"
                    + " still to come"),
    HIGH_WATERMARK_LAGS(
            "high-watermark-lags",
            "L3 the high watermark is the end of what was written: every acknowledged record is readable at once"),
    RETENTION_EARLY(
            "retention-early",
            "L5 retention deletes only whole segments below the high watermark, whose newest record is older than"
                    + " retention.ms (or while the rest still holds retention.bytes)"),
    OPEN_TRANSACTION_READ(
            "open-transaction-read",
            "L6 read_committed stops at the last stable offset: the first offset of the earliest open transaction,"
                    + " or the log start if retention deleted it"),
    SEEK_WRONG("seek-wrong", "L7 seek to a timestamp gives the first offset stamped at or after it"),
    SINGLE_OWNER("single-owner", "L8 in a group's generation every partition has exactly one owner, a live member"),
    WRONG_ASSIGNMENT(
            "wrong-assignment",
            "L8 the shares follow the assignor: range gives each member P/C consecutive partitions, the first P%C one more;"
                    + " round-robin deals them out in turn (members sorted by id); cooperative-sticky keeps them"
                    + " balanced and moves only the partitions a balanced share must"),
    ASSIGNMENT_DISAGREES(
            "assignment-disagrees",
            "L8 a member's own assignment() is the share describeGroup shows for it, in the group's generation;"
                    + " a member that left or expired has none"),
    STALE_SESSION_KEPT(
            "stale-session-kept",
            "L9 only a heartbeat of the current generation keeps a session alive: a member that never rejoins expires,"
                    + " and its partitions go to the others"),
    FENCED_ACCEPTED(
            "fenced-member-accepted",
            "L9 after a rebalance, a heartbeat or commit of an older generation or a non-member is refused"),
    MEMBER_REFUSED("member-refused", "L9 a live member of the current generation heartbeats and commits"),
    COMMIT_RESUME(
            "commit-resume-violated",
            "L10 a member given a partition starts at the group's committed offset, not after or before"),
    COMMITTED_WRONG(
            "committed-offset-wrong",
            "L10, L14 a group's committed offset is what its last accepted commit, or committed transaction, stored"),
    ABORTED_READ("aborted-read", "L11 read_committed never returns a record of an aborted transaction"),
    DUPLICATE("duplicate", "L12 an idempotent producer's retry is written once: the log answers it as a duplicate"),
    RETRY_REFUSED(
            "retry-refused",
            "L12 a retry of one of a producer's last " + LogModel.SEQUENCES_REMEMBERED
                    + " appends to a partition is answered as a duplicate"),
    SEQUENCE_GAP_ACCEPTED("sequence-gap-accepted", "L12 an idempotent append that skips a sequence number is refused"),
    TRANSACTION_LEFT_OPEN(
            "transaction-left-open",
            "L14 a transaction's end reaches every partition it wrote to: none is left open there, holding"
                    + " read_committed readers at its first offset"),
    MISSING_MARKER(
            "missing-marker",
            "L14 ending a transaction, commit or abort, writes a marker at the end of every partition it wrote to:"
                    + " the next append goes after it"),
    ZOMBIE_WRITE(
            "zombie-write", "L13 once initTransactions gave out a new epoch, the older epoch's appends are fenced"),
    INVALID_ANSWER(
            "invalid-answer", "every answer is one the contract allows: no null, the refusal code that says why"),
    REFUSED("refused", "every valid call is carried out: a fresh append is written, a transaction begins and ends"),
    OPERATION_FAILED("operation-failed", "every valid call answers as the contract says, without throwing");

    private final String anomaly;
    private final String rule;

    LogRule(String anomaly, String rule) {
        this.anomaly = anomaly;
        this.rule = rule;
    }

    public String anomaly() {
        return anomaly;
    }

    public String rule() {
        return rule;
    }

    Anomaly found(int step, String evidence) {
        return new Anomaly(anomaly, rule, evidence, step);
    }
}
