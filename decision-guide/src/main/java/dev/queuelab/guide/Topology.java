package dev.queuelab.guide;

/** The shapes a design can take; the guide picks one, then a product that implements it. */
public enum Topology implements Choice {
    NONE("a direct call, no queue"),
    IN_APP_JOB_QUEUE("an in-app job queue"),
    WORK_QUEUE("a work queue"),
    FIFO_WORK_QUEUE("a FIFO work queue"),
    PUB_SUB_FANOUT("durable pub/sub fan-out"),
    EPHEMERAL_PUB_SUB("ephemeral pub/sub"),
    PARTITIONED_LOG("a partitioned log");

    private final String phrase;

    Topology(String phrase) {
        this.phrase = phrase;
    }

    public String word() {
        return name().toLowerCase().replace('_', '-');
    }

    /** In plain words, for sentences such as "if ordering were none: a work queue". */
    public String phrase() {
        return phrase;
    }

    /** Messages wait in a queue until acked: a lease, redelivery and dead letters apply. */
    public boolean leases() {
        return this == IN_APP_JOB_QUEUE || this == WORK_QUEUE || this == FIFO_WORK_QUEUE || this == PUB_SUB_FANOUT;
    }
}
