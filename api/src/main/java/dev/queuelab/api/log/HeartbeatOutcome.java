package dev.queuelab.api.log;

/** What a heartbeat found, as the codes of Kafka's Heartbeat response. */
public enum HeartbeatOutcome {
    /** The member is alive in the current generation; its session deadline moves to now + session timeout. */
    OK,
    /** The group rebalanced since this generation: fetch the new assignment (and stop using the old one). */
    ILLEGAL_GENERATION,
    /** Not a member (never joined, left, or its session expired): join again. */
    UNKNOWN_MEMBER_ID
}
