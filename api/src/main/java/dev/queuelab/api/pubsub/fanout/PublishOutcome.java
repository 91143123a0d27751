package dev.queuelab.api.pubsub.fanout;

/**
 * What a publish did.
 *
 * @param status    accepted, or a duplicate of a FIFO publication accepted inside the deduplication window
 * @param messageId the publication's id, or the original's for a duplicate
 */
public record PublishOutcome(Status status, String messageId) {

    public enum Status {
        ACCEPTED,
        DUPLICATE
    }

    public static PublishOutcome accepted(String id) {
        return new PublishOutcome(Status.ACCEPTED, id);
    }

    public static PublishOutcome duplicateOf(String id) {
        return new PublishOutcome(Status.DUPLICATE, id);
    }
}
