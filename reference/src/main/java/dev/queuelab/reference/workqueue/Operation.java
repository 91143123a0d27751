package dev.queuelab.reference.workqueue;

/**
 * The public operations of {@link SqsWorkQueue}, as its {@link Guard} and its {@link WorkQueueRules} see them:
 * a lock and a rule may be decided per operation, so that one left out of one operation is one line.
 */
public enum Operation {
    SEND,
    RECEIVE,
    ACK,
    ACK_BATCH,
    CHANGE_VISIBILITY,
    DEAD_LETTERS,
    REDRIVE,
    STATS
}
