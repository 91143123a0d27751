package dev.queuelab.reference.backpressure;

/**
 * What a buffer does with an offer when it holds {@code capacity} messages or more: the seed's four responses to
 * a producer faster than its consumer. Blocking and dropping keep the bound (BP1); buffering (in memory or on
 * disk, by the store it is composed with) lets depth grow, and only the alarm says so.
 */
@FunctionalInterface
public interface OverflowPolicy {

    /** What to do with an offer. */
    enum Decision {
        ACCEPT,
        WAIT,
        REFUSE,
        DROP_OLDEST
    }

    /** The decision for an offer, given the depth before it and the capacity. */
    Decision decide(int depth, int capacity);

    /** Block the producer until space frees or its timeout passes (BP4). */
    static OverflowPolicy block() {
        return (depth, capacity) -> depth >= capacity ? Decision.WAIT : Decision.ACCEPT;
    }

    /** Keep accepting: depth grows past the capacity (in memory or on disk, as the store holds it). */
    static OverflowPolicy buffer() {
        return (depth, capacity) -> Decision.ACCEPT;
    }

    /** Refuse the newest: the producer keeps the message and must decide what to do with it. */
    static OverflowPolicy refuseNewest() {
        return (depth, capacity) -> depth >= capacity ? Decision.REFUSE : Decision.ACCEPT;
    }

    /** Drop the oldest to make room, and say which (a ring buffer that reports what it overwrites). */
    static OverflowPolicy dropOldest() {
        return (depth, capacity) -> depth >= capacity ? Decision.DROP_OLDEST : Decision.ACCEPT;
    }
}
