package dev.queuelab.api.pubsub.broadcast;

import java.util.List;
import java.util.Objects;

/**
 * What a client's read found.
 *
 * @param messages oldest first, never {@code null}
 * @param state    the client's connection as the server sees it after the read
 */
public record Inbox(List<Pushed> messages, State state) {

    /** Where a client's connection stands. */
    public enum State {
        CONNECTED,
        /** The server closed it: its output buffer passed the hard limit, or the soft limit for too long. */
        CLOSED_OUTPUT_BUFFER_LIMIT,
        /** Never connected, or closed by the client. */
        NOT_CONNECTED
    }

    public Inbox {
        messages = List.copyOf(messages);
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return messages + (state == State.CONNECTED ? "" : " (" + state.name().toLowerCase() + ")");
    }
}
