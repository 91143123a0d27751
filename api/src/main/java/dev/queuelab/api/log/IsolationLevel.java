package dev.queuelab.api.log;

/** Which records a read may return, as Kafka's consumer setting {@code isolation.level}. */
public enum IsolationLevel {
    /** Up to the high watermark, including records of open and aborted transactions. */
    READ_UNCOMMITTED,
    /** Up to the last stable offset, without the records of aborted transactions. */
    READ_COMMITTED
}
