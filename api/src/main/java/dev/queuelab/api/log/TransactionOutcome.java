package dev.queuelab.api.log;

/** What a transactional call did; each call documents which of these it can return. */
public enum TransactionOutcome {
    /** beginTransaction: a transaction is open; appends by this producer belong to it. */
    BEGUN,
    /** sendOffsetsToTransaction: the offsets wait for the transaction's end. */
    OFFSETS_ADDED,
    /** Its records became visible to read_committed readers, and its offsets were committed. */
    COMMITTED,
    /** Its records stay in the log but are hidden from read_committed readers; its offsets were dropped. */
    ABORTED,
    /** A newer epoch took over the transactional id: this producer is a zombie; nothing changed. */
    PRODUCER_FENCED
}
