package dev.queuelab.exercises.ex14_consumer_groups;

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
 * Exercise 14: consumer groups and the pending entries list.
 *
 * Teaches: a consumer group is a log's cursor with a work queue's bookkeeping. {@code >} hands out the entries
 * after the group's last-delivered id, moves it, and records each in the group's pending entries list (PEL) with
 * the reader, the time and a delivery count of 1; a read with an id hands a consumer back its own pending
 * entries after that id (what a restarted consumer does first), counting a delivery each; only XACK takes an
 * entry out of the PEL, and only in its own group.
 * Invariants: RS3 {@code >} delivers the entries after the last-delivered id in id order, up to count, moves the
 *   last-delivered id to the last delivered, and makes each pending with the reader, delivered now, count 1 (one
 *   already pending changes owner and restarts at 1); RS4 a read with an id answers only the reader's own
 *   pending entries with greater ids, up to count, each delivered again (now, count + 1); one whose entry was
 *   trimmed comes with nil fields, unchanged; RS5 XACK removes the ids from that group's PEL and answers how many
 *   were in it; RS9 groups share only the stream. Ids, trimming, XPENDING, claims and dead letters are given.
 * Thread-safety: every public method is synchronized on the service.
 * Real world: Redis's XREADGROUP and XACK (https://redis.io/docs/latest/commands/xreadgroup/).
 */
public class GroupStreams implements StreamService {

    /** Everything the contract has; this exercise is checked on groups, reads and acks. */
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

    public GroupStreams(InstantSource clock) {
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
        // begin exercise 14
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
        // end exercise 14
    }

    @Override
    public synchronized long ack(String stream, String group, List<StreamId> ids) {
        Group g = group(stream, group);
        // begin exercise 14
        return ids.stream().distinct().filter(id -> g.pel.remove(id) != null).count();
        // end exercise 14
    }

    @Override
    public synchronized List<StreamEntry> claim(
            String stream, String group, String consumer, Duration minIdle, List<StreamId> ids) {
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        long now = clock.millis();
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : ids) {
            Pending p = g.pel.get(id);
            if (p == null) {
                continue; // not pending: XCLAIM ignores it
            }
            if (!s.entries.containsKey(id)) {
                g.pel.remove(id); // its entry is gone: Redis 7 drops it from the PEL
            } else if (now - p.deliveredAt >= minIdle.toMillis()) {
                take(p, consumer, now);
                out.add(s.entry(id));
            }
        }
        return out;
    }

    @Override
    public synchronized AutoClaimed autoClaim(
            String stream, String group, String consumer, Duration minIdle, StreamId start, int count) {
        positive(count);
        Stream s = streams.get(stream);
        Group g = group(stream, group);
        long now = clock.millis();
        List<StreamEntry> claimed = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        int left = count;
        long attempts = (long) count * StreamFacts.AUTOCLAIM_ATTEMPTS_PER_COUNT;
        Iterator<Map.Entry<StreamId, Pending>> it = g.pel.tailMap(start, true).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<StreamId, Pending> e = it.next();
            if (attempts-- == 0 || left == 0) {
                return new AutoClaimed(e.getKey(), claimed, deleted); // the next call starts here
            }
            if (!s.entries.containsKey(e.getKey())) {
                it.remove();
                deleted.add(e.getKey());
                left--;
            } else if (now - e.getValue().deliveredAt >= minIdle.toMillis()) {
                take(e.getValue(), consumer, now);
                claimed.add(s.entry(e.getKey()));
                left--;
            }
        }
        return new AutoClaimed(StreamId.MIN, claimed, deleted);
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
        for (Map.Entry<StreamId, Pending> e : new ArrayList<>(g.pel.entrySet())) {
            Pending p = e.getValue();
            if (!p.consumer.equals(consumer) || p.deliveries < maxDeliveries) {
                continue;
            }
            Map<String, String> fields = s.entries.get(e.getKey());
            if (fields != null) { // a trimmed entry has nothing to copy: it is acked all the same
                Map<String, String> copy = new HashMap<>(fields);
                copy.put(StreamFacts.DEAD_SOURCE_ID, e.getKey().toString());
                copy.put(StreamFacts.DEAD_DELIVERIES, String.valueOf(p.deliveries));
                add(deadStream, "*", copy, Trim.NONE);
                moved.add(e.getKey());
            }
            g.pel.remove(e.getKey());
        }
        return moved;
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
