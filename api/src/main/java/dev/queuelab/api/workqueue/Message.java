package dev.queuelab.api.workqueue;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as a producer sends it. Immutable.
 *
 * <p>The id is the producer's name for the message; checks and stories use it to follow one message through
 * the queue. The group id matters only on FIFO queues (messages of one group are delivered in send order, one
 * at a time); the deduplication id matters only on FIFO queues (a second send with the same id inside the
 * deduplication window is reported as a duplicate and not enqueued).
 *
 * @param id      non-blank, unique among the messages a queue holds
 * @param groupId FIFO message group, or {@code null}
 * @param dedupId FIFO deduplication id, or {@code null}
 * @param payload the body, never {@code null}
 * @param headers message attributes, never {@code null}
 */
public record Message(String id, String groupId, String dedupId, String payload, Map<String, String> headers) {

    public Message {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message id is blank: give every message a non-blank id");
        }
        Objects.requireNonNull(payload, "payload (use \"\" for an empty body)");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers (use Map.of() for none)"));
    }

    public static Message of(String id, String payload) {
        return new Message(id, null, null, payload, Map.of());
    }

    public Message inGroup(String group) {
        return new Message(id, group, dedupId, payload, headers);
    }

    public Message withDedupId(String dedup) {
        return new Message(id, groupId, dedup, payload, headers);
    }

    public Optional<String> group() {
        return Optional.ofNullable(groupId);
    }

    public Optional<String> dedup() {
        return Optional.ofNullable(dedupId);
    }
}
