package dev.queuelab.check.streams;

import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The model's own stream, recomputed from the commands alone: what each answer should have been, step by step,
 * as Redis's documentation and src/t_stream.c say (never from the implementation's answers). Written apart from
 * the reference, in the plainest form: maps and loops.
 */
final class StreamMirror {

    /** One pending line: owner, last delivery (ms), count. */
    static final class Line {
        String owner;
        long at;
        long count;

        Line(String owner, long at, long count) {
            this.owner = owner;
            this.at = at;
            this.count = count;
        }
    }

    static final class Group {
        StreamId lastDelivered;
        final TreeMap<StreamId, Line> pel = new TreeMap<>();
        final Set<StreamId> delivered = new HashSet<>();
        final Set<StreamId> acked = new HashSet<>();

        Group(StreamId lastDelivered) {
            this.lastDelivered = lastDelivered;
        }
    }

    /** What XAUTOCLAIM should answer. */
    record Auto(StreamId next, List<StreamEntry> claimed, List<StreamId> deleted) {}

    final TreeMap<StreamId, Map<String, String>> entries = new TreeMap<>();
    final Set<StreamId> trimmed = new HashSet<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final TreeMap<StreamId, Map<String, String>> dead = new TreeMap<>();
    StreamId last = StreamId.MIN;
    StreamId deadLast = StreamId.MIN;

    static StreamId auto(StreamId last, long now) {
        return now > last.ms() ? new StreamId(now, 0) : new StreamId(last.ms(), last.seq() + 1);
    }

    /** XADD's answer: the id, or null when Redis answers an error. */
    StreamId idFor(String requested, long now) {
        if (requested.equals("*")) {
            return auto(last, now);
        }
        StreamId id = StreamId.parse(requested);
        return id.equals(StreamId.MIN) || id.compareTo(last) <= 0 ? null : id;
    }

    void add(StreamId id, Map<String, String> fields) {
        entries.put(id, fields);
        last = id;
    }

    /** The ids trimming removes, oldest first; they leave the stream, never a PEL. */
    List<StreamId> trim(Trim trim) {
        List<StreamId> gone = new ArrayList<>();
        if (trim.maxLen() >= 0) {
            long extra = entries.size() - trim.maxLen();
            for (StreamId id : entries.keySet()) {
                if (gone.size() >= extra) {
                    break;
                }
                gone.add(id);
            }
        } else if (trim.minId() != null) {
            gone.addAll(entries.headMap(trim.minId(), false).keySet());
        }
        gone.forEach(entries::remove);
        trimmed.addAll(gone);
        return gone;
    }

    StreamEntry entry(StreamId id) {
        return new StreamEntry(id, entries.get(id));
    }

    List<StreamEntry> range(TreeMap<StreamId, Map<String, String>> of, StreamId start, StreamId end, int count) {
        List<StreamEntry> out = new ArrayList<>();
        for (Map.Entry<StreamId, Map<String, String>> e : of.entrySet()) {
            if (out.size() < count
                    && e.getKey().compareTo(start) >= 0
                    && e.getKey().compareTo(end) <= 0) {
                out.add(new StreamEntry(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    StreamId position(String start) {
        return start.equals("$") ? last : start.equals("0") ? StreamId.MIN : StreamId.parse(start);
    }

    /** XREADGROUP >. */
    List<StreamEntry> readNew(Group g, String consumer, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : entries.keySet()) {
            if (out.size() < count && id.isAfter(g.lastDelivered)) {
                g.pel.put(id, new Line(consumer, now, 1));
                g.delivered.add(id);
                out.add(entry(id));
            }
        }
        if (!out.isEmpty()) {
            g.lastDelivered = out.get(out.size() - 1).id();
        }
        return out;
    }

    /** XREADGROUP with an id. */
    List<StreamEntry> readOwn(Group g, String consumer, StreamId after, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (Map.Entry<StreamId, Line> e : g.pel.entrySet()) {
            if (out.size() < count
                    && e.getKey().isAfter(after)
                    && e.getValue().owner.equals(consumer)) {
                if (entries.containsKey(e.getKey())) {
                    e.getValue().at = now;
                    e.getValue().count++;
                }
                out.add(entry(e.getKey()));
            }
        }
        return out;
    }

    long ack(Group g, List<StreamId> ids) {
        long n = 0;
        for (StreamId id : new HashSet<>(ids)) {
            if (g.pel.remove(id) != null) {
                g.acked.add(id);
                n++;
            }
        }
        return n;
    }

    /** XCLAIM. */
    List<StreamEntry> claim(Group g, String consumer, long minIdle, List<StreamId> ids, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : ids) {
            Line line = g.pel.get(id);
            if (line == null) {
                continue;
            }
            if (!entries.containsKey(id)) {
                g.pel.remove(id);
            } else if (now - line.at >= minIdle) {
                line.owner = consumer;
                line.at = now;
                line.count++;
                out.add(entry(id));
            }
        }
        return out;
    }

    /** XAUTOCLAIM, as xautoclaimCommand scans. */
    Auto autoClaim(Group g, String consumer, long minIdle, StreamId start, int count, long now) {
        List<StreamEntry> claimed = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        long attempts = (long) count * StreamFacts.AUTOCLAIM_ATTEMPTS_PER_COUNT;
        int left = count;
        List<StreamId> ids = new ArrayList<>(g.pel.tailMap(start, true).keySet());
        for (int i = 0; i < ids.size(); i++) {
            if (attempts == 0 || left == 0) {
                return new Auto(ids.get(i), claimed, deleted);
            }
            attempts--;
            StreamId id = ids.get(i);
            Line line = g.pel.get(id);
            if (!entries.containsKey(id)) {
                g.pel.remove(id);
                deleted.add(id);
                left--;
            } else if (now - line.at >= minIdle) {
                line.owner = consumer;
                line.at = now;
                line.count++;
                claimed.add(entry(id));
                left--;
            }
        }
        return new Auto(StreamId.MIN, claimed, deleted);
    }

    Map<String, Long> holders(Group g) {
        Map<String, Long> out = new TreeMap<>();
        g.pel.values().forEach(l -> out.merge(l.owner, 1L, Long::sum));
        return out;
    }

    /** XPENDING, extended. */
    List<PendingEntry> pending(Group g, long minIdle, StreamId start, StreamId end, int count, String who, long now) {
        List<PendingEntry> out = new ArrayList<>();
        for (Map.Entry<StreamId, Line> e : g.pel.entrySet()) {
            Line l = e.getValue();
            boolean within = e.getKey().compareTo(start) >= 0 && e.getKey().compareTo(end) <= 0;
            if (out.size() < count && within && (who == null || who.equals(l.owner)) && now - l.at >= minIdle) {
                out.add(new PendingEntry(e.getKey(), l.owner, now - l.at, l.count));
            }
        }
        return out;
    }

    /** The dead-letter convention: the ids copied; what it acks leaves the PEL. */
    List<StreamId> deadLetter(Group g, String consumer, int max, long now) {
        List<StreamId> moved = new ArrayList<>();
        for (Map.Entry<StreamId, Line> e : new ArrayList<>(g.pel.entrySet())) {
            Line l = e.getValue();
            if (!l.owner.equals(consumer) || l.count < max) {
                continue;
            }
            Map<String, String> fields = entries.get(e.getKey());
            if (fields != null) {
                Map<String, String> copy = new HashMap<>(fields);
                copy.put(StreamFacts.DEAD_SOURCE_ID, e.getKey().toString());
                copy.put(StreamFacts.DEAD_DELIVERIES, String.valueOf(l.count));
                deadLast = auto(deadLast, now);
                dead.put(deadLast, Map.copyOf(copy));
                moved.add(e.getKey());
            }
            ack(g, List.of(e.getKey()));
        }
        return moved;
    }
}
