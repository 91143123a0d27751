package dev.queuelab.api.log;

/** How a group's coordinator shares the partitions among its members (members sorted by id). */
public enum Assignor {
    /**
     * Kafka's RangeAssignor: consecutive ranges; with P partitions and C members, each gets P / C and the
     * first P % C members one more. 5 partitions over A, B: A gets 0,1,2 and B gets 3,4.
     */
    RANGE,
    /** Kafka's RoundRobinAssignor: partition i goes to member i % C. 5 partitions over A, B: A 0,2,4 and B 1,3. */
    ROUND_ROBIN
}
