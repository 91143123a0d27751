package dev.queuelab.api.pubsub.subscription;

/** A topic, subscription or snapshot created twice (Pub/Sub's ALREADY_EXISTS). The message names it and the fix. */
public class AlreadyExistsException extends IllegalArgumentException {

    public AlreadyExistsException(String kind, String name) {
        super(kind + " '" + name + "' already exists: choose another name");
    }
}
