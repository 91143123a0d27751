package dev.queuelab.api.pubsub.broadcast;

/**
 * Ephemeral publish/subscribe as Redis has it (PUBLISH, SUBSCRIBE, PSUBSCRIBE): a message goes to the clients
 * connected and subscribed at the moment it is published, into each one's output buffer, and nowhere else.
 * Nothing is stored for a client that is offline; a client that reads too slowly is disconnected when its
 * buffer passes the configured limits, and loses what was buffered.
 *
 * <p>Every call naming a client that is not connected changes nothing and answers false (a closed connection
 * cannot send commands); a client closed by the server says so on its next {@link #read}.
 */
public interface Broadcast {

    /** Opens a connection for {@code client}; false if it is already connected. */
    boolean connect(String client);

    /** The client closes its connection: its subscriptions and its buffer are gone; false if not connected. */
    boolean disconnect(String client);

    /** SUBSCRIBE: the client receives every later message published on {@code channel}. */
    boolean subscribe(String client, String channel);

    boolean unsubscribe(String client, String channel);

    /** PSUBSCRIBE: the client receives every later message on a channel the glob {@code pattern} matches. */
    boolean psubscribe(String client, String pattern);

    boolean punsubscribe(String client, String pattern);

    /**
     * PUBLISH: appends the message to the buffer of every connected client subscribed to the channel, and once
     * more for each of its patterns that matches it. Answers the number of receivers counted so: a client
     * matched by its channel and by two patterns counts three times and gets three messages.
     */
    int publish(String channel, String payload);

    /** Takes up to {@code max} (1 or more) of the oldest messages in the client's buffer, as the client reads. */
    Inbox read(String client, int max);

    BroadcastConfig config();
}
