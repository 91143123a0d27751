package dev.queuelab.api.streams;

import java.util.Map;

/**
 * One entry as a read answers it.
 *
 * @param id     its id
 * @param fields its field-value pairs; null when a pending entry's message was trimmed or deleted (Redis answers
 *               the id with a nil in place of the fields)
 */
public record StreamEntry(StreamId id, Map<String, String> fields) {

    public StreamEntry {
        fields = fields == null ? null : Map.copyOf(fields);
    }

    /** Whether its message is gone from the stream while its id is still pending. */
    public boolean deleted() {
        return fields == null;
    }
}
