package dev.queuelab.brokers;

import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamException;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.api.streams.Trim;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The streams contract over a real Redis through Jedis: one Redis command per contract call, sent as its words
 * (XADD, XTRIM, XRANGE, XGROUP, XREADGROUP, XACK, XCLAIM, XAUTOCLAIM, XPENDING) and its raw reply translated as it
 * came, never improved on. The dead-letter convention is not a Redis command: it is written over the others, as
 * a consumer writes it (XPENDING for its own entries, XRANGE, XADD, XACK).
 *
 * <p>Invariants:
 *   RJ1 every key carries the run's prefix, so runs side by side never share a stream; an error reply names the scenario's key, the prefix taken off
 *   RJ2 an error reply becomes a {@link StreamException} with Redis's own words; nothing else is caught
 *   RJ3 trimming is exact (MAXLEN and MINID without {@code ~}), as the contract says.
 *
 * <p>Thread-safety: one thread (the runner's), one connection. Real world: a Redis 7 client with consumer groups.
 */
final class RedisStreamService implements StreamService {

    private static final int PAGE = 1000;

    private final Jedis redis;
    private final String prefix;

    RedisStreamService(Jedis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public StreamId add(String stream, String id, Map<String, String> fields, Trim trim) {
        List<String> args = new ArrayList<>(List.of(key(stream)));
        args.addAll(trimArgs(trim));
        args.add(id);
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        return StreamId.parse(text(call(Command.XADD, args)));
    }

    @Override
    public long trim(String stream, Trim trim) {
        List<String> args = new ArrayList<>(List.of(key(stream)));
        args.addAll(trimArgs(trim));
        return trim.none() ? 0 : (Long) call(Command.XTRIM, args);
    }

    @Override
    public List<StreamEntry> range(String stream, StreamId start, StreamId end, int count) {
        return entries(call(Command.XRANGE, List.of(key(stream), bound(start), bound(end), "COUNT", "" + count)));
    }

    @Override
    public void createGroup(String stream, String group, String start) {
        call(Command.XGROUP, List.of("CREATE", key(stream), group, start, "MKSTREAM"));
    }

    @Override
    public void setGroupId(String stream, String group, String start) {
        call(Command.XGROUP, List.of("SETID", key(stream), group, start));
    }

    @Override
    public List<StreamEntry> readGroup(String stream, String group, String consumer, String id, int count) {
        Object reply = call(
                Command.XREADGROUP, List.of("GROUP", group, consumer, "COUNT", "" + count, "STREAMS", key(stream), id));
        if (reply == null) {
            return List.of(); // nothing new: Redis answers a nil array
        }
        List<?> streams = (List<?>) reply;
        return streams.isEmpty() ? List.of() : entries(((List<?>) streams.get(0)).get(1));
    }

    @Override
    public long ack(String stream, String group, List<StreamId> ids) {
        List<String> args = new ArrayList<>(List.of(key(stream), group));
        ids.forEach(i -> args.add(i.toString()));
        return (Long) call(Command.XACK, args);
    }

    @Override
    public List<StreamEntry> claim(String stream, String group, String consumer, Duration minIdle, List<StreamId> ids) {
        List<String> args = new ArrayList<>(List.of(key(stream), group, consumer, "" + minIdle.toMillis()));
        ids.forEach(i -> args.add(i.toString()));
        return entries(call(Command.XCLAIM, args));
    }

    @Override
    public AutoClaimed autoClaim(
            String stream, String group, String consumer, Duration minIdle, StreamId start, int count) {
        List<?> reply = (List<?>) call(
                Command.XAUTOCLAIM,
                List.of(key(stream), group, consumer, "" + minIdle.toMillis(), start.toString(), "COUNT", "" + count));
        List<StreamId> deleted = new ArrayList<>();
        if (reply.size() > 2) { // Redis 7 answers the ids it found gone; 6.2 did not
            ((List<?>) reply.get(2)).forEach(d -> deleted.add(StreamId.parse(text(d))));
        }
        return new AutoClaimed(StreamId.parse(text(reply.get(0))), entries(reply.get(1)), deleted);
    }

    @Override
    public PendingSummary pending(String stream, String group) {
        List<?> reply = (List<?>) call(Command.XPENDING, List.of(key(stream), group));
        Map<String, Long> consumers = new LinkedHashMap<>();
        if (reply.get(3) != null) {
            for (Object c : (List<?>) reply.get(3)) {
                List<?> pair = (List<?>) c;
                consumers.put(text(pair.get(0)), Long.parseLong(text(pair.get(1))));
            }
        }
        return new PendingSummary((Long) reply.get(0), id(reply.get(1)), id(reply.get(2)), consumers);
    }

    @Override
    public List<PendingEntry> pending(
            String stream, String group, Duration minIdle, StreamId start, StreamId end, int count, String consumer) {
        List<String> args = new ArrayList<>(List.of(key(stream), group));
        if (!minIdle.isZero()) {
            args.addAll(List.of("IDLE", "" + minIdle.toMillis()));
        }
        args.addAll(List.of(bound(start), bound(end), "" + count));
        if (consumer != null) {
            args.add(consumer);
        }
        List<PendingEntry> out = new ArrayList<>();
        for (Object line : (List<?>) call(Command.XPENDING, args)) {
            List<?> l = (List<?>) line;
            out.add(new PendingEntry(StreamId.parse(text(l.get(0))), text(l.get(1)), (Long) l.get(2), (Long) l.get(3)));
        }
        return out;
    }

    @Override
    public List<StreamId> deadLetter(
            String stream, String group, String consumer, int maxDeliveries, String deadStream) {
        List<StreamId> moved = new ArrayList<>();
        StreamId from = StreamId.MIN;
        while (true) {
            List<PendingEntry> page = pending(stream, group, Duration.ZERO, from, StreamId.MAX, PAGE, consumer);
            for (PendingEntry p : page) {
                if (p.deliveries() < maxDeliveries) {
                    continue;
                }
                List<StreamEntry> entry = range(stream, p.id(), p.id(), 1);
                if (!entry.isEmpty()) { // a trimmed entry has nothing to copy: it is acked all the same
                    Map<String, String> fields = new HashMap<>(entry.get(0).fields());
                    fields.put(StreamFacts.DEAD_SOURCE_ID, p.id().toString());
                    fields.put(StreamFacts.DEAD_DELIVERIES, String.valueOf(p.deliveries()));
                    add(deadStream, "*", fields, Trim.NONE); // copy before ack: a crash between repeats it
                    moved.add(p.id());
                }
                ack(stream, group, List.of(p.id()));
            }
            if (page.size() < PAGE) {
                return moved;
            }
            from = page.get(page.size() - 1).id().next();
        }
    }

    /** RJ2: the command and its raw reply; an error reply in Redis's words, the key's prefix taken off (RJ1). */
    private Object call(Command command, List<String> args) {
        try {
            return redis.sendCommand(command, args.toArray(String[]::new));
        } catch (JedisDataException e) {
            throw new StreamException(String.valueOf(e.getMessage()).replace(prefix, ""));
        }
    }

    private String key(String stream) {
        return prefix + stream;
    }

    private static List<String> trimArgs(Trim trim) {
        if (trim.maxLen() >= 0) {
            return List.of("MAXLEN", "=", "" + trim.maxLen());
        }
        return trim.minId() == null
                ? List.of()
                : List.of("MINID", "=", trim.minId().toString());
    }

    /** An id as XRANGE and XPENDING take it: the contract's ends are Redis's {@code -} and {@code +}. */
    private static String bound(StreamId id) {
        return id.equals(StreamId.MIN) ? "-" : id.equals(StreamId.MAX) ? "+" : id.toString();
    }

    /** [[id, [field, value, ...] or nil], ...]: a nil in place of the fields is an entry gone from the stream. */
    private static List<StreamEntry> entries(Object reply) {
        List<StreamEntry> out = new ArrayList<>();
        for (Object e : (List<?>) reply) {
            List<?> pair = (List<?>) e;
            Map<String, String> fields = null;
            if (pair.get(1) != null) {
                List<?> flat = (List<?>) pair.get(1);
                fields = new LinkedHashMap<>();
                for (int i = 0; i + 1 < flat.size(); i += 2) {
                    fields.put(text(flat.get(i)), text(flat.get(i + 1)));
                }
            }
            out.add(new StreamEntry(StreamId.parse(text(pair.get(0))), fields));
        }
        return out;
    }

    private static StreamId id(Object reply) {
        return reply == null ? null : StreamId.parse(text(reply));
    }

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(reply);
    }
}
