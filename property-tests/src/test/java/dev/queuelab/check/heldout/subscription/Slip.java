package dev.queuelab.check.heldout.subscription;

/**
 * The one mistake a held-out copy of the reference Pub/Sub service makes, written from the contract and Pub/Sub's
 * docs without sight of the subscription checks or their gallery. {@link #NONE} is the reference as copied.
 */
public enum Slip {
    NONE("none: the reference as copied"),
    RETRIES_AFTER_FRESH("a pull serves never-delivered messages first and redeliveries after, ordering key or not"),
    ATTEMPT_FROM_ZERO("deliveryAttempt is the failures so far, not one more: the first delivery says 0"),
    ACK_AFTER_EXPIRY("an ack id stays good after its deadline passed, until the message is delivered again"),
    NACK_NOT_COUNTED("a nack (modifyAckDeadline 0) is not counted toward maxDeliveryAttempts; only expiries are"),
    SEEK_REPLAYS_UNRETAINED("a seek to a time unacks acked messages even when acked messages are not retained"),
    SNAPSHOT_FORGETS_LATER("a seek to a snapshot marks what was published after the snapshot as acked"),
    EXTEND_FROM_DEADLINE("modifyAckDeadline adds its seconds to the current deadline, not to now"),
    DEAD_LETTER_DROPS_ATTRIBUTES("the dead-letter copy carries only the CloudPubSubDeadLetter* attributes"),
    EXPIRES_NAMED_ONLY("deadlines and retention are applied only to the subscription a call names"),
    DEAD_LETTER_STAYS("a dead-lettered message is published to the dead-letter topic and stays pending here too");

    public final String mistake;

    Slip(String mistake) {
        this.mistake = mistake;
    }
}
