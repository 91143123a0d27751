package dev.queuelab.exercises.ex15_claims;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamException;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.api.streams.Trim;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exercise 15: claiming from a slow or crashed consumer, and the dead-letter stream.
 *
 * Teaches: nothing in a consumer group times out. An entry a crashed consumer read stays pending with it until
 * another consumer claims it: XCLAIM names the ids, XAUTOCLAIM scans the PEL, both only for entries idle for at
 * least the min-idle-time the claimer chooses, and each claim counts a delivery. The delivery count is how a
 * consumer spots a poison entry and moves it to a dead-letter stream, a convention of consumers, not a Redis
 * feature.
 * Invariants: RS6 XCLAIM gives the claimer each named id pending and idle at least min-idle, delivered now with
 *   count + 1; an id not pending is ignored; a pending id whose entry is gone leaves the PEL unanswered;
 *   RS7 XAUTOCLAIM scans the PEL from start in id order, claiming as XCLAIM does, until count entries were
 *   claimed or found gone (or count x 10 inspected), and answers the next id to scan from (0-0 at the end), the
 *   claimed entries and the gone ids, which leave the PEL; RS10 the dead-letter pass moves each entry the
 *   consumer holds with at least N deliveries (a copy with source-id and deliveries) and acks it; one whose
 *   entry is gone is acked without a copy. Ids, trimming, reads, acks and XPENDING are given.
 * Thread-safety: every public method is synchronized on the service.
 * Real world: Redis's XCLAIM and XAUTOCLAIM (https://redis.io/docs/latest/commands/xautoclaim/).
 */
public class ClaimingStreams implements StreamService {

    /** Everything the contract has. */
    static final StreamCapabilities CAPABILITIES = StreamCapabilities.ALL;

    /** One pending entry: who holds it, when it was last delivered (ms), how many times. */
    private static final class Pending {
        String consumer;
        long deliveredAt;
        long deliveries = 1;

        Pending(String consumer, long deliveredAt) {
            this.consumer = consumer;
            this.deliveredAt = deliveredAt;
        }
    }

    private static final class Group {
        StreamId lastDelivered;
        final TreeMap<StreamId, Pending> pel = new TreeMap<>();

        Group(StreamId lastDelivered) {
            this.lastDelivered = lastDelivered;
        }
    }

    private static final class Stream {
        final TreeMap<StreamId, Map<String, String>> entries = new TreeMap<>();
        final Map<String, Group> groups = new HashMap<>();
        StreamId lastId = StreamId.MIN;

        StreamEntry entry(StreamId id) {
            return new StreamEntry(id, entries.get(id));
        }
    }

    private final InstantSource clock;
    private final Map<String, Stream> streams = new HashMap<>();

    public ClaimingStreams(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StreamId add(String stream, String id, Map<String, String> fields, Trim trim) {
        Stream s = streams.computeIfAbsent(stream, k -> new Stream());
        StreamId next;
        if (id.equals("*")) {
            long now = clock.millis();
            next = now > s.lastId.ms() ? new StreamId(now, 0) : s.lastId.next();
        } else {
            next = StreamId.parse(id);
            if (next.equals(StreamId.MIN)) {
                throw new StreamException(StreamFacts.ID_ZERO);
            }
            if (next.compareTo(s.lastId) <= 0) {
                throw new StreamException(StreamFacts.ID_NOT_GREATER);
            }
        }
        s.entries.put(next, Map.copyOf(fields));
        s.lastId = next;
        trim(s, trim);
        return next;
    }

    @Override
    public synchronized long trim(String stream, Trim trim) {
        Stream s = streams.get(stream);
        return s == null ? 0 : trim(s, trim);
    }

    private long trim(Stream s, Trim trim) {
        long removed = 0;
        while (!s.entries.isEmpty()
                && (trim.maxLen() >= 0
                        ? s.entries.size() > trim.maxLen()
                        : trim.minId() != null && s.entries.firstKey().compareTo(trim.minId()) < 0)) {
            s.entries.pollFirstEntry(); // the PELs keep their ids: a pending entry may outlive its entry
            removed++;
        }
        return removed;
    }

    @Override
    public synchronized List<StreamEntry> range(String stream, StreamId start, StreamId end, int count) {
        positive(count);
        Stream s = streams.get(stream);
        List<StreamEntry> out = new ArrayList<>();
        if (s == null || start.compareTo(end) > 0) {
            return out;
        }
        for (StreamId id : s.entries.subMap(start, true, end, true).keySet()) {
            if (out.size() == count) {
                break;
            }
            out.add(s.entry(id));
        }
        return out;
    }

    @Override
    public synchronized void createGroup(String stream, String group, String start) {
        Stream s = streams.computeIfAbsent(stream, k -> new Stream());
        if (s.groups.containsKey(group)) {
            throw new StreamException(StreamFacts.BUSYGROUP);
        }
        s.groups.put(group, new Group(position(s, start)));
    }

    @Override
    public synchronized void setGroupId(String stream, String group, String start) {
        group(stream, group).lastDelivered = position(streams.get(stream), start);
    }

    private static StreamId position(Stream s, String start) {
        return start.equals("$") ? s.lastId : start.equals("0") ? StreamId.MIN : StreamId.parse(start);
    }

    @Override
    public synchronized List<StreamEntry> readGroup(
            String stream, String group, String consumer, String id, int count) {
        positive(count);
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        List<StreamEntry> out = new ArrayList<>();
        long now = clock.millis();
        if (id.equals(">")) {
            for (StreamId next : s.entries.tailMap(g.lastDelivered, false).keySet()) {
                if (out.size() == count) {
                    break;
                }
                g.lastDelivered = next;
                g.pel.put(next, new Pending(consumer, now));
                out.add(s.entry(next));
            }
            return out;
        }
        for (Map.Entry<StreamId, Pending> e : g.pel.tailMap(StreamId.parse(id), false).entrySet()) {
            if (out.size() == count) {
                break;
            }
            if (e.getValue().consumer.equals(consumer)) {
                StreamEntry entry = s.entry(e.getKey());
                if (!entry.deleted()) {
                    e.getValue().deliveredAt = now;
                    e.getValue().deliveries++;
                }
                out.add(entry);
            }
        }
        return out;
    }

    @Override
    public synchronized long ack(String stream, String group, List<StreamId> ids) {
        Group g = group(stream, group);
        return ids.stream().distinct().filter(id -> g.pel.remove(id) != null).count();
    }

    @Override
    public synchronized List<StreamEntry> claim(
            String stream, String group, String consumer, Duration minIdle, List<StreamId> ids) {
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        long now = clock.millis();
        List<StreamEntry> out = new ArrayList<>();
        // Exercise 15: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 15: ClaimingStreams.claim is not written yet; the task is in the README.md next to ClaimingStreams.java");
    }

    @Override
    public synchronized AutoClaimed autoClaim(
            String stream, String group, String consumer, Duration minIdle, StreamId start, int count) {
        positive(count);
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        long now = clock.millis();
        // Exercise 15: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 15: ClaimingStreams.autoClaim is not written yet; the task is in the README.md next to ClaimingStreams.java");
    }

    private static void take(Pending p, String consumer, long now) {
        p.consumer = consumer;
        p.deliveredAt = now;
        p.deliveries++;
    }

    @Override
    public synchronized PendingSummary pending(String stream, String group) {
        Group g = group(stream, group);
        Map<String, Long> holders = new TreeMap<>();
        g.pel.values().forEach(p -> holders.merge(p.consumer, 1L, Long::sum));
        return g.pel.isEmpty()
                ? new PendingSummary(0, null, null, holders)
                : new PendingSummary(g.pel.size(), g.pel.firstKey(), g.pel.lastKey(), holders);
    }

    @Override
    public synchronized List<PendingEntry> pending(
            String stream, String group, Duration minIdle, StreamId start, StreamId end, int count, String consumer) {
        positive(count);
        Group g = group(stream, group);
        long now = clock.millis();
        List<PendingEntry> out = new ArrayList<>();
        if (start.compareTo(end) > 0) {
            return out;
        }
        for (Map.Entry<StreamId, Pending> e : g.pel.subMap(start, true, end, true).entrySet()) {
            Pending p = e.getValue();
            long idle = now - p.deliveredAt;
            if (out.size() < count && (consumer == null || consumer.equals(p.consumer)) && idle >= minIdle.toMillis()) {
                out.add(new PendingEntry(e.getKey(), p.consumer, idle, p.deliveries));
            }
        }
        return out;
    }

    @Override
    public synchronized List<StreamId> deadLetter(
            String stream, String group, String consumer, int maxDeliveries, String deadStream) {
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        List<StreamId> moved = new ArrayList<>();
        // Exercise 15: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 15: ClaimingStreams.deadLetter is not written yet; the task is in the README.md next to ClaimingStreams.java");
    }

    private Group group(String stream, String group) {
        Stream s = streams.get(stream);
        Group g = s == null ? null : s.groups.get(group);
        if (g == null) {
            throw new StreamException(StreamFacts.noGroup(stream, group));
        }
        return g;
    }

    private static void positive(int count) {
        if (count < 1) {
            throw new OutOfRangeException("count", count, "1 or more");
        }
    }
}
