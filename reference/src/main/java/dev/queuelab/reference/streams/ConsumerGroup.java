package dev.queuelab.reference.streams;

import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One consumer group: its last-delivered id and its pending entries list (PEL), each pending id with its owner,
 * its last delivery time and its delivery count.
 *
 * Teaches: a group is a log's cursor with a work queue's bookkeeping: {@code >} moves the cursor and fills the PEL,
 * and only an ack empties it; nothing expires on its own, another consumer has to claim what a slow or crashed one
 * holds.
 * Invariants: RS3 to RS9, numbered as in {@link RedisStreams}. The group's PEL is the one truth: a consumer's own
 * pending entries are the group's lines that name it.
 * Thread-safety: none of its own; {@link RedisStreams} calls it under its lock.
 * Real world: a Redis consumer group (streamCG, its PEL of streamNACKs).
 */
final class ConsumerGroup {

    /** One pending entry (Redis's streamNACK). */
    private static final class Pending {
        String consumer;
        long deliveredAt;
        long deliveries;

        Pending(String consumer, long deliveredAt) {
            this.consumer = consumer;
            this.deliveredAt = deliveredAt;
            this.deliveries = 1;
        }
    }

    private final NavigableMap<StreamId, Pending> pel = new TreeMap<>();
    private final StreamRules rules;
    private StreamId lastDelivered;

    ConsumerGroup(StreamId lastDelivered, StreamRules rules) {
        this.lastDelivered = lastDelivered;
        this.rules = rules;
    }

    public void setLastDelivered(StreamId id) {
        lastDelivered = id;
    }

    /** RS3: the next entries after the cursor, each pending with the reader at count 1. */
    public List<StreamEntry> readNew(Stream stream, String consumer, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        if (rules.newReadRepeatsPending()) {
            out.addAll(readOwn(stream, consumer, StreamId.MIN, count, now));
        }
        for (StreamId id : stream.after(lastDelivered, count - out.size())) {
            lastDelivered = id;
            pel.put(id, new Pending(consumer, now)); // one already pending (SETID moved back) restarts with the reader
            out.add(stream.entry(id));
        }
        return out;
    }

    /** RS4: the reader's own pending entries after {@code after}; a live one counts a delivery, a gone one does not. */
    public List<StreamEntry> readOwn(Stream stream, String consumer, StreamId after, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (var e : pel.tailMap(after, rules.ownReadIncludesItsId()).entrySet()) {
            if (out.size() == count) {
                break;
            }
            Pending p = e.getValue();
            if (!p.consumer.equals(consumer)) {
                continue;
            }
            StreamEntry entry = stream.entry(e.getKey());
            if (!entry.deleted()) {
                p.deliveredAt = now;
                p.deliveries++;
            }
            out.add(entry);
        }
        return out;
    }

    /** RS5: whether the id was pending here; it is not any more. */
    public boolean ack(StreamId id) {
        return pel.remove(id) != null;
    }

    /** RS2 broken on purpose by a gallery variant only: a trimmed entry's pending line dropped with it. */
    public void forget(StreamId id) {
        pel.remove(id);
    }

    /** RS6: each named id pending and idle enough goes to the claimer; a gone one leaves the PEL unanswered. */
    public List<StreamEntry> claim(Stream stream, String consumer, long minIdle, Collection<StreamId> ids, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : ids) {
            Pending p = pel.get(id);
            if (p == null) {
                continue;
            }
            if (!stream.contains(id)) {
                pel.remove(id);
            } else if (rules.claimable(now - p.deliveredAt, minIdle)) {
                take(p, consumer, now);
                out.add(stream.entry(id));
            }
        }
        return out;
    }

    /** RS7: a scan of the PEL from {@code start}, as Redis's xautoclaimCommand makes it. */
    public AutoClaimed autoClaim(Stream stream, String consumer, long minIdle, StreamId start, int count, long now) {
        List<StreamEntry> claimed = new ArrayList<>();
        List<StreamId> deleted = new ArrayList<>();
        int left = count;
        long attempts = (long) count * StreamFacts.AUTOCLAIM_ATTEMPTS_PER_COUNT;
        Iterator<Map.Entry<StreamId, Pending>> it =
                pel.tailMap(start, true).entrySet().iterator();
        StreamId next = StreamId.MIN;
        while (it.hasNext()) {
            var e = it.next();
            if (attempts-- == 0 || left == 0) {
                next = e.getKey(); // the scan stops here: the next call starts from this id
                break;
            }
            StreamId id = e.getKey(); // read before remove: a TreeMap may reuse the removed entry for its successor
            if (!stream.contains(id)) {
                it.remove();
                if (rules.reportsDeleted()) {
                    deleted.add(id);
                }
                left--;
            } else if (rules.autoClaimable(now - e.getValue().deliveredAt, minIdle)) {
                take(e.getValue(), consumer, now);
                claimed.add(stream.entry(e.getKey()));
                left--;
            }
        }
        return new AutoClaimed(next, claimed, deleted);
    }

    private void take(Pending p, String consumer, long now) {
        p.consumer = consumer;
        p.deliveredAt = now;
        p.deliveries = rules.countAfterClaim(p.deliveries);
    }

    /** RS8, the summary. */
    public PendingSummary summary() {
        Map<String, Long> consumers = new TreeMap<>();
        pel.values().forEach(p -> consumers.merge(p.consumer, 1L, Long::sum));
        return pel.isEmpty()
                ? new PendingSummary(0, null, null, consumers)
                : new PendingSummary(pel.size(), pel.firstKey(), pel.lastKey(), consumers);
    }

    /** RS8, the extended form. */
    public List<PendingEntry> pending(
            long minIdle, StreamId start, StreamId end, int count, String consumer, long now) {
        List<PendingEntry> out = new ArrayList<>();
        if (start.compareTo(end) > 0) {
            return out;
        }
        for (var e : pel.subMap(start, true, end, true).entrySet()) {
            Pending p = e.getValue();
            if (out.size() == count) {
                break;
            }
            if ((consumer == null || consumer.equals(p.consumer)) && now - p.deliveredAt >= minIdle) {
                out.add(new PendingEntry(e.getKey(), p.consumer, now - p.deliveredAt, p.deliveries));
            }
        }
        return out;
    }
}
