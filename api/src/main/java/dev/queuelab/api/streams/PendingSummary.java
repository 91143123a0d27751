package dev.queuelab.api.streams;

import java.util.Map;
import java.util.TreeMap;

/**
 * The summary form of {@code XPENDING}.
 *
 * @param count     how many entries the group's PEL holds
 * @param smallest  the smallest pending id, null when none is
 * @param greatest  the greatest pending id, null when none is
 * @param consumers each consumer that holds at least one pending entry, with how many, by name
 */
public record PendingSummary(long count, StreamId smallest, StreamId greatest, Map<String, Long> consumers) {

    public PendingSummary {
        consumers = java.util.Collections.unmodifiableMap(new TreeMap<>(consumers));
    }
}
