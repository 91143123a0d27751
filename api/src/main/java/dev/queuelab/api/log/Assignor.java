package dev.queuelab.api.log;

/** How a group's coordinator shares the partitions among its members (members sorted by id). */
public enum Assignor {
    /**
     * Kafka's RangeAssignor: consecutive ranges; with P partitions and C members, each gets P / C and the
     * first P % C members one more. 5 partitions over A, B: A gets 0,1,2 and B gets 3,4.
     */
    RANGE,
    /** Kafka's RoundRobinAssignor: partition i goes to member i % C. 5 partitions over A, B: A 0,2,4 and B 1,3. */
    ROUND_ROBIN,
    /**
     * Kafka's CooperativeStickyAssignor: shares as balanced as round-robin (they differ by at most one), and
     * of all balanced shares the one that leaves the most partitions with the member that owned them before,
     * so a rebalance moves only what it must. Which balanced share wins a tie is the implementation's choice;
     * the checks hold it to balance and to the number of partitions kept. Kafka's incremental protocol (a
     * member gives up only the partitions that move, in a second rebalance) is collapsed here into the one
     * step every rebalance takes.
     */
    COOPERATIVE_STICKY
}
