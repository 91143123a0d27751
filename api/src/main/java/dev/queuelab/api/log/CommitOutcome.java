package dev.queuelab.api.log;

/** What an offset commit did, as the codes of Kafka's OffsetCommit response. */
public enum CommitOutcome {
    /** Stored: the group will resume this partition at the committed offset. */
    COMMITTED,
    /** The member's generation is not the group's: a rebalance fenced it; nothing was stored. */
    ILLEGAL_GENERATION,
    /** Not a member of the group (left or expired): nothing was stored. */
    UNKNOWN_MEMBER_ID
}
