package dev.queuelab.reference.streams;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Redis Streams with consumer groups: XADD with ids and exact trimming, XRANGE, XGROUP, XREADGROUP with {@code >}
 * and with an id, XACK, XCLAIM, XAUTOCLAIM, XPENDING, and the consumers' dead-letter convention.
 *
 * Teaches: a stream sits between the log and the work queue. Like a log it keeps every entry, acked or not, in id
 * order, and each group reads it with a cursor of its own; like a work queue each group hands an entry to one of
 * its consumers and tracks it until acked. Unlike SQS nothing times out: an entry a crashed consumer holds stays
 * its own until another consumer claims it (XCLAIM, XAUTOCLAIM) after a min-idle-time it chooses.
 * Invariants:
 *   RS1 every id XADD answers is greater than every id the stream answered before (its last id, which trimming
 *       keeps): {@code *} takes the clock's milliseconds, or the last id's with the next sequence when the clock
 *       is not ahead; an explicit id not greater than the last, and 0-0, are refused and change nothing;
 *   RS2 trimming removes the oldest entries only, exactly (no {@code ~}): MAXLEN n keeps the newest n, MINID id
 *       keeps those at or above id; it never touches a group's PEL or last-delivered id;
 *   RS3 a group starts at XGROUP CREATE's id ({@code $} the stream's last id, 0 before everything) and SETID moves
 *       it, the PEL unchanged; {@code >} delivers the entries after the last-delivered id in id order, up to count,
 *       moves the last-delivered id to the last delivered, and makes each pending with the reader, delivered now,
 *       count 1 (one already pending changes owner and restarts at 1);
 *   RS4 XREADGROUP with an id answers only the reader's own pending entries with greater ids, in id order, up to
 *       count, each delivered again (now, count + 1); one whose entry was trimmed comes with nil fields, unchanged;
 *   RS5 XACK removes the ids from that group's PEL and answers how many were in it: an unknown id, or one acked
 *       already, counts 0, and so does every id when the stream or the group does not exist (no error reply);
 *   RS6 XCLAIM gives the claimer each named id pending and idle (now - last delivery) at least min-idle, delivered
 *       now with count + 1; an id not pending is ignored; a pending id whose entry is gone leaves the PEL and is
 *       not answered;
 *   RS7 XAUTOCLAIM scans the PEL from start in id order, claiming as XCLAIM does, until count entries were claimed
 *       or found gone (or count x 10 inspected); it answers the id to scan from next (0-0 at the end), the claimed
 *       entries and the gone ids, which leave the PEL;
 *   RS8 XPENDING tells the PEL as it is: the summary its count, smallest and greatest id and each holder's count;
 *       the extended form, within start..end, for one consumer or all, with idle at least IDLE, up to count, each
 *       id with its owner, idle and delivery count;
 *   RS9 groups share only the stream: no group's reads, acks or claims change another's PEL or last-delivered id;
 *   RS10 the dead-letter stream is a convention of consumers, not a Redis feature: a consumer moves each entry it
 *       holds with at least N deliveries to it (a copy with its fields, source-id and deliveries) and acks it; one
 *       whose entry is gone is acked without a copy.
 * Thread-safety: every public method holds this service's monitor for its whole call.
 * Real world: Redis 7 streams (https://redis.io/docs/latest/develop/data-types/streams/, src/t_stream.c). Stricter
 * than Redis in one place: trimming is exact, as MAXLEN without {@code ~} is in Redis.
 *
 * <p>Shape: each {@link Stream} keeps its entries and its {@link ConsumerGroup}s; the dead-letter convention is
 * {@link DeadLetters}, written over this contract as a consumer would write it. Decisions are the
 * {@link StreamRules} it is given.
 */
public final class RedisStreams implements StreamService {

    /** What the reference supports: everything the contract has. */
    public static final StreamCapabilities CAPABILITIES = StreamCapabilities.ALL;

    private final InstantSource clock;
    private final StreamRules rules;
    private final Map<String, Stream> streams = new HashMap<>();

    public RedisStreams(InstantSource clock) {
        this(clock, StreamRules.REFERENCE);
    }

    public RedisStreams(InstantSource clock, StreamRules rules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public synchronized StreamId add(String stream, String id, Map<String, String> fields, Trim trim) {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields is empty: an entry has at least one field-value pair");
        }
        Stream s = streams.computeIfAbsent(Objects.requireNonNull(stream, "stream"), k -> new Stream(rules));
        StreamId added = s.add(Objects.requireNonNull(id, "id"), fields, now());
        s.trim(Objects.requireNonNull(trim, "trim"));
        return added;
    }

    @Override
    public synchronized long trim(String stream, Trim trim) {
        Stream s = streams.get(stream);
        return s == null ? 0 : s.trim(Objects.requireNonNull(trim, "trim"));
    }

    @Override
    public synchronized List<StreamEntry> range(String stream, StreamId start, StreamId end, int count) {
        positive("count", count);
        Stream s = streams.get(stream);
        return s == null ? List.of() : s.range(start, end, count);
    }

    @Override
    public synchronized void createGroup(String stream, String group, String start) {
        Stream s = streams.computeIfAbsent(Objects.requireNonNull(stream, "stream"), k -> new Stream(rules));
        if (s.groups().containsKey(group)) {
            throw new StreamException(StreamFacts.BUSYGROUP);
        }
        s.groups().put(Objects.requireNonNull(group, "group"), new ConsumerGroup(s.position(start), rules));
    }

    @Override
    public synchronized void setGroupId(String stream, String group, String start) {
        Stream s = streams.get(stream);
        if (s == null || !s.groups().containsKey(group)) {
            throw new StreamException(StreamFacts.noGroupSetId(stream, group));
        }
        group(s, stream, group).setLastDelivered(s.position(Objects.requireNonNull(start, "start")));
    }

    @Override
    public synchronized List<StreamEntry> readGroup(
            String stream, String group, String consumer, String id, int count) {
        positive("count", count);
        Objects.requireNonNull(consumer, "consumer");
        Stream s = streams.get(stream);
        if (s == null || !s.groups().containsKey(group)) {
            throw new StreamException(StreamFacts.noGroupRead(stream, group));
        }
        ConsumerGroup g = group(s, stream, group);
        return ">".equals(id)
                ? g.readNew(s, consumer, count, now())
                : g.readOwn(s, consumer, StreamId.parse(id), count, now());
    }

    @Override
    public synchronized long ack(String stream, String group, List<StreamId> ids) {
        Stream s = streams.get(stream);
        ConsumerGroup g = s == null ? null : s.groups().get(group);
        if (g == null) {
            return 0; // RS5: no key or no group, nothing to ack: Redis answers 0, not NOGROUP (xackCommand)
        }
        long acked = 0;
        for (StreamId id : ids) {
            if (g.ack(id)) {
                acked++;
            }
            if (rules.ackEveryGroup()) {
                s.groups().values().forEach(other -> other.ack(id));
            }
        }
        return acked;
    }

    @Override
    public synchronized List<StreamEntry> claim(
            String stream, String group, String consumer, Duration minIdle, List<StreamId> ids) {
        Stream s = streams.get(stream);
        return group(s, stream, group)
                .claim(s, Objects.requireNonNull(consumer, "consumer"), millis(minIdle), ids, now());
    }

    @Override
    public synchronized AutoClaimed autoClaim(
            String stream, String group, String consumer, Duration minIdle, StreamId start, int count) {
        positive("count", count);
        Stream s = streams.get(stream);
        return group(s, stream, group)
                .autoClaim(s, Objects.requireNonNull(consumer, "consumer"), millis(minIdle), start, count, now());
    }

    @Override
    public synchronized PendingSummary pending(String stream, String group) {
        return group(streams.get(stream), stream, group).summary();
    }

    @Override
    public synchronized List<PendingEntry> pending(
            String stream, String group, Duration minIdle, StreamId start, StreamId end, int count, String consumer) {
        positive("count", count);
        return group(streams.get(stream), stream, group).pending(millis(minIdle), start, end, count, consumer, now());
    }

    @Override
    public synchronized List<StreamId> deadLetter(
            String stream, String group, String consumer, int maxDeliveries, String deadStream) {
        positive("maxDeliveries", maxDeliveries);
        return DeadLetters.move(this, rules, stream, group, consumer, maxDeliveries, deadStream);
    }

    private long now() {
        return clock.millis();
    }

    private static ConsumerGroup group(Stream s, String stream, String group) {
        ConsumerGroup g = s == null ? null : s.groups().get(group);
        if (g == null) {
            throw new StreamException(StreamFacts.noGroup(stream, group));
        }
        return g;
    }

    private static long millis(Duration minIdle) {
        if (minIdle == null || minIdle.isNegative()) {
            throw new OutOfRangeException("minIdle", minIdle, "0 ms or more");
        }
        return minIdle.toMillis();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new OutOfRangeException(name, value, "1 or more");
        }
    }
}
