package dev.queuelab.api.log;

/**
 * What an append did.
 *
 * @param status    appended, a duplicate of an earlier append (written once, not twice), or refused
 * @param partition the partition the record went to (or would have gone to, when refused)
 * @param offset    the record's offset: its own, or the original's for a duplicate; -1 when refused
 */
public record AppendOutcome(Status status, int partition, long offset) {

    public enum Status {
        /** Written at {@code offset}. */
        APPENDED,
        /** A retry of a sequence number already written: nothing new is written; {@code offset} is the original's. */
        DUPLICATE,
        /** The sequence number skips ahead of the next expected one: refused, so no gap is hidden. */
        OUT_OF_ORDER_SEQUENCE,
        /** The producer's epoch is older than the latest for its producer id (a zombie): refused. */
        PRODUCER_FENCED
    }

    public static AppendOutcome appended(int partition, long offset) {
        return new AppendOutcome(Status.APPENDED, partition, offset);
    }

    public static AppendOutcome duplicateOf(int partition, long offset) {
        return new AppendOutcome(Status.DUPLICATE, partition, offset);
    }

    public static AppendOutcome refused(Status status, int partition) {
        return new AppendOutcome(status, partition, -1);
    }

    /** True when the record is in the log after this call, whether written now or before. */
    public boolean written() {
        return status == Status.APPENDED || status == Status.DUPLICATE;
    }
}
