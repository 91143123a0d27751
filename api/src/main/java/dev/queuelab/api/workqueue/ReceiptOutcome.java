package dev.queuelab.api.workqueue;

/** What an ack or a visibility change did with the receipt it was given. */
public enum ReceiptOutcome {
    /** The receipt was current: the ack deleted the message, or the new deadline is in force. */
    ACCEPTED,
    /** The receipt was stale or unknown (the message was delivered again, acked or dead-lettered): nothing changed. */
    STALE
}
