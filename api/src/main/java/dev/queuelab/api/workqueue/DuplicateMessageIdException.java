package dev.queuelab.api.workqueue;

/** A send reused the id of a message the queue still holds: every message needs an id of its own. */
public class DuplicateMessageIdException extends IllegalArgumentException {

    public DuplicateMessageIdException(String id) {
        super("message id " + id + " is already in the queue: give each message its own id "
                + "(to suppress a duplicate on a FIFO queue, give both sends the same dedupId instead)");
    }
}
