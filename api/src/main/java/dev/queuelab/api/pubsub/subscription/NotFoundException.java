package dev.queuelab.api.pubsub.subscription;

/** A topic, subscription or snapshot that does not exist (Pub/Sub's NOT_FOUND). The message names it and the fix. */
public class NotFoundException extends IllegalArgumentException {

    public NotFoundException(String kind, String name) {
        super(kind + " '" + name + "' does not exist: create it first");
    }
}
