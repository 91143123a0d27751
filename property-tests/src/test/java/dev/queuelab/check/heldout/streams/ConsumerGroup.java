package dev.queuelab.check.heldout.streams;

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
    private final Slip slip;
    private StreamId lastDelivered;

    ConsumerGroup(StreamId lastDelivered, Slip slip) {
        this.lastDelivered = lastDelivered;
        this.slip = slip;
    }

    public void setLastDelivered(StreamId id) {
        lastDelivered = id;
        if (slip == Slip.SETID_CLEARS_PEL) {
            pel.clear();
        }
    }

    /** RS3: the next entries after the cursor, each pending with the reader at count 1. */
    public List<StreamEntry> readNew(Stream stream, String consumer, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : stream.after(lastDelivered, count - out.size())) {
            lastDelivered = id;
            Pending old = pel.get(id);
            if (slip == Slip.NEW_READ_KEEPS_COUNT && old != null) {
                old.consumer = consumer;
                old.deliveredAt = now;
                old.deliveries++;
            } else {
                pel.put(id, new Pending(consumer, now)); // one already pending (SETID moved back) restarts at 1
            }
            out.add(stream.entry(id));
        }
        return out;
    }

    /** RS4: the reader's own pending entries after {@code after}; a live one counts a delivery, a gone one does not. */
    public List<StreamEntry> readOwn(Stream stream, String consumer, StreamId after, int count, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (var e : pel.tailMap(after, false).entrySet()) {
            if (out.size() == count) {
                break;
            }
            Pending p = e.getValue();
            if (slip != Slip.OWN_READ_SHOWS_OTHERS && !p.consumer.equals(consumer)) {
                continue;
            }
            StreamEntry entry = stream.entry(e.getKey());
            if (!entry.deleted()) {
                if (slip != Slip.OWN_READ_KEEPS_IDLE) {
                    p.deliveredAt = now;
                }
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

    /** RS6: each named id pending and idle enough goes to the claimer; a gone one leaves the PEL unanswered. */
    public List<StreamEntry> claim(Stream stream, String consumer, long minIdle, Collection<StreamId> ids, long now) {
        List<StreamEntry> out = new ArrayList<>();
        for (StreamId id : ids) {
            Pending p = pel.get(id);
            if (p == null) {
                continue;
            }
            if (!stream.contains(id) && slip == Slip.CLAIM_KEEPS_GONE) {
                take(p, consumer, now);
                out.add(stream.entry(id));
            } else if (!stream.contains(id)) {
                pel.remove(id);
            } else if (claimable(now - p.deliveredAt, minIdle)) {
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
                if (slip == Slip.AUTOCLAIM_CURSOR_ENDS_AT_COUNT && left == 0) {
                    break;
                }
                // the scan stops here: the next call starts from this id
                next = slip == Slip.AUTOCLAIM_CURSOR_SKIPS ? e.getKey().next() : e.getKey();
                break;
            }
            StreamId id = e.getKey(); // read before remove: a TreeMap may reuse the removed entry for its successor
            if (!stream.contains(id)) {
                it.remove();
                deleted.add(id);
                if (slip != Slip.AUTOCLAIM_GONE_NOT_COUNTED) {
                    left--;
                }
            } else if (now - e.getValue().deliveredAt >= minIdle) {
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
        p.deliveries = p.deliveries + 1;
    }

    private boolean claimable(long idle, long minIdle) {
        return switch (slip) {
            case CLAIM_IGNORES_MIN_IDLE -> true;
            case CLAIM_AT_MIN_IDLE_REFUSED -> idle > minIdle;
            default -> idle >= minIdle;
        };
    }

    /** RS8, the summary. */
    public PendingSummary summary() {
        Map<String, Long> consumers = new TreeMap<>();
        pel.values().forEach(p -> consumers.merge(p.consumer, 1L, Long::sum));
        return pel.isEmpty()
                ? new PendingSummary(0, null, null, consumers)
                : new PendingSummary(
                        pel.size(),
                        pel.firstKey(),
                        slip == Slip.SUMMARY_GREATEST_IS_CURSOR ? lastDelivered : pel.lastKey(),
                        consumers);
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
            if ((consumer == null || consumer.equals(p.consumer)) && idleEnough(now - p.deliveredAt, minIdle)) {
                out.add(new PendingEntry(e.getKey(), p.consumer, now - p.deliveredAt, p.deliveries));
            }
        }
        return out;
    }

    private boolean idleEnough(long idle, long minIdle) {
        return slip == Slip.PENDING_IDLE_STRICT && minIdle > 0 ? idle > minIdle : idle >= minIdle;
    }
}
