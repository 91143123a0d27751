package dev.queuelab.api.workqueue;

/**
 * What a send did.
 *
 * @param status    accepted (enqueued) or duplicate (its deduplication id was seen inside the window)
 * @param messageId the id now standing for it: the message's own id, or the original's for a duplicate
 */
public record SendOutcome(Status status, String messageId) {

    public enum Status {
        ACCEPTED,
        DUPLICATE
    }

    public static SendOutcome accepted(String messageId) {
        return new SendOutcome(Status.ACCEPTED, messageId);
    }

    public static SendOutcome duplicateOf(String originalId) {
        return new SendOutcome(Status.DUPLICATE, originalId);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
