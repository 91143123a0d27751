package dev.queuelab.check.heldout.streams;

import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamException;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One stream: its entries by id, its last id, and its consumer groups.
 *
 * Teaches: the last id is the stream's, not its newest entry's: it survives trimming, so an id once used is never
 * used again, and a group created at {@code $} starts after it even when the stream is empty.
 * Invariants: RS1 and RS2, numbered as in {@link RedisStreams}.
 * Thread-safety: none of its own; {@link RedisStreams} calls it under its lock.
 * Real world: a Redis stream (a radix tree of listpacks), without the memory layout.
 */
final class Stream {

    private final NavigableMap<StreamId, Map<String, String>> entries = new TreeMap<>();
    private final Map<String, ConsumerGroup> groups = new LinkedHashMap<>();
    private final Slip slip;
    private StreamId lastId = StreamId.MIN;

    Stream(Slip slip) {
        this.slip = slip;
    }

    StreamId lastId() {
        if (slip == Slip.LAST_ID_FROM_NEWEST_ENTRY) {
            return entries.isEmpty() ? StreamId.MIN : entries.lastKey();
        }
        return lastId;
    }

    Map<String, ConsumerGroup> groups() {
        return groups;
    }

    boolean contains(StreamId id) {
        return entries.containsKey(id);
    }

    /** RS1: {@code *} or an explicit id greater than the last; the entry is then the newest. */
    StreamId add(String id, Map<String, String> fields, long nowMillis) {
        StreamId next;
        if (id.equals("*")) {
            next = nowMillis > lastId().ms() ? new StreamId(nowMillis, 0) : lastId().next();
        } else {
            next = StreamId.parse(id);
            if (next.equals(StreamId.MIN)) {
                throw new StreamException(StreamFacts.ID_ZERO);
            }
            if (next.compareTo(lastId()) <= 0) {
                throw new StreamException(StreamFacts.ID_NOT_GREATER);
            }
        }
        entries.put(next, Map.copyOf(fields));
        if (next.isAfter(lastId)) {
            lastId = next;
        }
        return next;
    }

    /** RS2: exactly, oldest first; the groups' PELs and last ids are not touched. */
    long trim(Trim trim) {
        long removed = 0;
        while (!entries.isEmpty() && due(trim)) {
            entries.remove(entries.firstKey());
            removed++;
        }
        return removed;
    }

    private boolean due(Trim trim) {
        if (trim.maxLen() >= 0) {
            return entries.size() > trim.maxLen();
        }
        return trim.minId() != null
                && entries.firstKey().compareTo(trim.minId()) < (slip == Slip.MINID_DROPS_ITS_ID ? 1 : 0);
    }

    /** Deletes one entry (what {@link Slip#ACK_DELETES_ENTRY} does at an ack). */
    void delete(StreamId id) {
        entries.remove(id);
    }

    List<StreamEntry> range(StreamId start, StreamId end, int count) {
        List<StreamEntry> out = new ArrayList<>();
        if (start.compareTo(end) > 0) {
            return out;
        }
        for (var e : entries.subMap(start, true, end, true).entrySet()) {
            if (out.size() == count) {
                break;
            }
            out.add(new StreamEntry(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The entry with this id as a read answers it: its fields, or null fields when it is gone. */
    StreamEntry entry(StreamId id) {
        return new StreamEntry(id, entries.get(id));
    }

    /** The entries after {@code after}, oldest first, up to count: what a group's {@code >} read may deliver. */
    List<StreamId> after(StreamId after, int count) {
        List<StreamId> out = new ArrayList<>();
        for (StreamId id : entries.tailMap(after, false).keySet()) {
            if (out.size() == count) {
                break;
            }
            out.add(id);
        }
        return out;
    }

    /** {@code $}, {@code 0} or an id: where XGROUP CREATE and SETID put a group. */
    StreamId position(String start) {
        return start.equals("$") ? lastId() : start.equals("0") ? StreamId.MIN : StreamId.parse(start);
    }
}
