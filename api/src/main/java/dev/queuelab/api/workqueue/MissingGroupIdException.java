package dev.queuelab.api.workqueue;

/** A send to a FIFO queue without a message group: FIFO orders messages per group, so each needs one. */
public class MissingGroupIdException extends IllegalArgumentException {

    public MissingGroupIdException(String messageId) {
        super("message " + messageId + " has no groupId: a FIFO queue needs one "
                + "(use Message.inGroup(\"...\"); one group per ordering key)");
    }
}
