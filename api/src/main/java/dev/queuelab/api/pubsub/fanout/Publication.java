package dev.queuelab.api.pubsub.fanout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a publisher sends to a topic. The body is a flat JSON object (SNS's MessageBody filter scope needs a JSON
 * body); {@link #message()} writes it, keys sorted.
 *
 * @param id         the publisher's name for it, non-blank: checks follow it through every subscription
 * @param attributes message attributes (MessageAttributes), never {@code null}
 * @param body       the body's properties, never {@code null}
 * @param groupId    FIFO topics: the message group, required; else {@code null}
 * @param dedupId    FIFO topics: the deduplication id, or {@code null} for content-based deduplication
 */
public record Publication(
        String id, Map<String, Value> attributes, Map<String, Value> body, String groupId, String dedupId) {

    public Publication {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("publication id is blank: give every publication a non-blank id");
        }
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes (use Map.of() for none)"));
        body = Map.copyOf(Objects.requireNonNull(body, "body (use Map.of() for an empty object)"));
    }

    /** The body as SNS's Message: a JSON object, keys sorted. */
    public String message() {
        Map<String, String> members = new LinkedHashMap<>();
        new TreeMap<>(body).forEach((k, v) -> members.put(k, v.json()));
        return Json.object(members);
    }
}
