package dev.queuelab.check.streams;

import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamException;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.StreamService;
import dev.queuelab.api.streams.Trim;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Runner;
import dev.queuelab.check.streams.StreamStep.Trimming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The clients' side of one run: a producer, consumers c1 and c2 in each group holding what they were given, and an
 * operator. Every answer is recorded as it came, an error reply included; what a consumer holds is its own view
 * (what reads and claims answered it, less what it acked), used only to aim the next step. The final drain: each
 * consumer reads its own pending entries from 0 and acks them, a drainer claims whatever is left with min-idle 0
 * and acks it (when claims are in the contract held to), reads {@code >} until nothing comes, acking, and the checker reads XPENDING, the stream and s:dead.
 */
final class StreamRunner implements Runner.Play<StreamStep, StreamEvent> {

    private static final int DRAIN = 1000;

    private final StreamFactory factory;
    private final StreamSetup setup;
    private final StreamCapabilities capabilities;
    private final ClockDriver clock;
    private final List<StreamEvent> events = new ArrayList<>();
    private final List<StreamId> added = new ArrayList<>();
    private final Map<String, Map<String, List<StreamId>>> held = new LinkedHashMap<>();
    private final Map<String, List<StreamId>> acked = new LinkedHashMap<>();
    private StreamService service;
    private StreamId last = StreamId.MIN;
    private int step;
    private int messages;

    StreamRunner(StreamFactory factory, StreamSetup setup, StreamCapabilities capabilities, ClockDriver clock) {
        this.factory = factory;
        this.setup = setup;
        this.capabilities = capabilities;
        this.clock = clock;
    }

    @Override
    public void create() {
        service = factory.create(clock.clock());
        service.createGroup(StreamSetup.STREAM, StreamSetup.G1, "0");
        group(StreamSetup.G1);
    }

    private void group(String g) {
        Map<String, List<StreamId>> consumers = new LinkedHashMap<>();
        StreamSetup.CONSUMERS.forEach(c -> consumers.put(c, new ArrayList<>()));
        held.put(g, consumers);
        acked.put(g, new ArrayList<>());
    }

    @Override
    public void perform(StreamStep s) {
        step++;
        Instant now = clock.now();
        if (s instanceof StreamStep.Add a) {
            add(a, now);
        } else if (s instanceof StreamStep.Trim t) {
            Trim trim = trim(t.trim());
            events.add(new StreamEvent.Trimmed(step, now, trim, service.trim(StreamSetup.STREAM, trim)));
        } else if (s instanceof StreamStep.CreateGroup c) {
            String start = c.start().groupStart(added, last);
            String error = call(() -> {
                service.createGroup(StreamSetup.STREAM, c.group(), start);
                return null;
            });
            if (error == null && !held.containsKey(c.group())) {
                group(c.group());
            }
            events.add(new StreamEvent.GroupMoved(step, now, c.group(), start, false, error));
        } else if (s instanceof StreamStep.SetId c) {
            if (exists(c.group(), now, "operator SETIDs")) {
                String start = c.start().groupStart(added, last);
                String error = call(() -> {
                    service.setGroupId(StreamSetup.STREAM, c.group(), start);
                    return null;
                });
                events.add(new StreamEvent.GroupMoved(step, now, c.group(), start, true, error));
            }
        } else if (s instanceof StreamStep.Read r) {
            if (exists(r.group(), now, r.consumer() + " reads")) {
                read(r.group(), r.consumer(), null, r.count(), now);
            }
        } else if (s instanceof StreamStep.ReadOwn r) {
            if (exists(r.group(), now, r.consumer() + " reads its own")) {
                read(r.group(), r.consumer(), r.after().resolve(added, last), r.count(), now);
            }
        } else if (s instanceof StreamStep.Ack a) {
            ack(a, now);
        } else if (s instanceof StreamStep.AckStray a) {
            stray(a, now);
        } else {
            claimOrObserve(s, now);
        }
    }

    private void claimOrObserve(StreamStep s, Instant now) {
        if (s instanceof StreamStep.Claim c) {
            List<StreamId> all = holdings(c.group());
            if (!exists(c.group(), now, c.consumer() + " claims") || all.isEmpty()) {
                if (held.containsKey(c.group())) {
                    skip(now, c.consumer() + " of " + c.group() + " would claim", "its group's consumers hold nothing");
                }
                return;
            }
            List<StreamId> ids = List.of(all.get(Math.min(c.nth(), all.size() - 1)));
            List<StreamEntry>[] got = answer();
            String error = call(() -> got[0] = service.claim(
                    StreamSetup.STREAM, c.group(), c.consumer(), Duration.ofMillis(c.minIdleMillis()), ids));
            events.add(new StreamEvent.Claimed(
                    step, now, c.group(), c.consumer(), c.minIdleMillis(), ids, copy(got[0]), error));
            took(c.group(), c.consumer(), got[0]);
        } else if (s instanceof StreamStep.AutoClaim c) {
            if (exists(c.group(), now, c.consumer() + " autoclaims")) {
                autoClaim(c.group(), c.consumer(), c.minIdleMillis(), c.start().resolve(added, last), c.count(), now);
            }
        } else if (s instanceof StreamStep.Pending p) {
            if (exists(p.group(), now, "checker reads XPENDING")) {
                summary(p.group(), now);
            }
        } else if (s instanceof StreamStep.PendingRange p) {
            if (exists(p.group(), now, "checker reads XPENDING")) {
                StreamId start = p.start().resolve(added, last);
                StreamId end = p.end().resolve(added, last);
                List<PendingEntry>[] got = answer();
                String error = call(() -> got[0] = service.pending(
                        StreamSetup.STREAM,
                        p.group(),
                        Duration.ofMillis(p.minIdleMillis()),
                        start,
                        end,
                        p.count(),
                        p.consumer()));
                events.add(new StreamEvent.PendingRead(
                        step,
                        now,
                        p.group(),
                        p.minIdleMillis(),
                        start,
                        end,
                        p.count(),
                        p.consumer(),
                        got[0] == null ? null : new ArrayList<>(got[0]),
                        error));
            }
        } else if (s instanceof StreamStep.Range r) {
            range(StreamSetup.STREAM, r.start().resolve(added, last), r.end().resolve(added, last), r.count(), now);
        } else if (s instanceof StreamStep.DeadLetter d) {
            if (exists(d.group(), now, d.consumer() + " dead-letters")) {
                List<StreamId>[] got = answer();
                String error = call(() -> got[0] = service.deadLetter(
                        StreamSetup.STREAM, d.group(), d.consumer(), setup.maxDeliveries(), StreamSetup.DEAD));
                events.add(new StreamEvent.DeadLettered(
                        step, now, d.group(), d.consumer(), setup.maxDeliveries(), copy(got[0]), error));
                if (got[0] != null) {
                    held.get(d.group()).values().forEach(l -> l.removeAll(got[0]));
                }
            }
        } else if (s instanceof StreamStep.Tick t) {
            clock.advance(Duration.ofMillis(t.millis()));
            events.add(new StreamEvent.Ticked(step, now, Duration.ofMillis(t.millis())));
        } else {
            throw new IllegalStateException("the runner has no rule for step " + s + ": a bug in the checker");
        }
    }

    private void add(StreamStep.Add a, Instant now) {
        String id = switch (a.id()) {
            case AUTO -> "*";
            case NEXT -> last.next().toString();
            case AHEAD -> new StreamId(Math.max(now.toEpochMilli(), last.ms()) + 1000, 0).toString();
            case EQUAL -> last.toString();
            case BELOW -> last.previous().toString();
            case ZERO -> "0-0";
        };
        Map<String, String> fields = Map.of("m", "m" + ++messages);
        Trim trim = trim(a.trim());
        StreamId[] got = new StreamId[1];
        String error = call(() -> got[0] = service.add(StreamSetup.STREAM, id, fields, trim));
        events.add(new StreamEvent.Added(step, now, id, trim, fields, got[0], error));
        if (got[0] != null) {
            added.add(got[0]);
            last = got[0].isAfter(last) ? got[0] : last;
        }
    }

    private Trim trim(Trimming t) {
        if (t.maxLen() >= 0) {
            return Trim.maxLen(t.maxLen());
        }
        return t.minId() == null ? Trim.NONE : Trim.minId(t.minId().resolve(added, last));
    }

    private void read(String group, String consumer, StreamId after, int count, Instant now) {
        List<StreamEntry>[] got = answer();
        String error = call(() -> got[0] =
                service.readGroup(StreamSetup.STREAM, group, consumer, after == null ? ">" : after.toString(), count));
        events.add(new StreamEvent.Read(step, now, group, consumer, after, count, copy(got[0]), error));
        if (after == null) {
            took(group, consumer, got[0]);
        }
    }

    private void ack(StreamStep.Ack a, Instant now) {
        List<StreamId> mine = held.containsKey(a.group()) ? held.get(a.group()).get(a.consumer()) : List.of();
        if (mine.isEmpty()) {
            skip(now, a.consumer() + " of " + a.group() + " would ack", "it holds nothing");
            return;
        }
        StreamId id = mine.get(Math.min(a.nth(), mine.size() - 1));
        ackIds(a.group(), a.consumer(), List.of(id), now);
    }

    private void stray(StreamStep.AckStray a, Instant now) {
        if (!exists(a.group(), now, "a stray XACK")) {
            return;
        }
        String other = a.group().equals(StreamSetup.G1) ? StreamSetup.G2 : StreamSetup.G1;
        List<StreamId> candidates = switch (a.which()) {
            case NEVER_ADDED -> List.of(last.next());
            case ACKED_BEFORE -> acked.get(a.group());
            case OTHER_GROUPS -> held.containsKey(other) ? holdings(other) : List.of();
        };
        if (candidates.isEmpty()) {
            skip(now, "c1 of " + a.group() + " would ack a stray id", "there is no " + a.which() + " id");
            return;
        }
        ackIds(a.group(), "c1", List.of(candidates.get(0)), now);
    }

    private void ackIds(String group, String consumer, List<StreamId> ids, Instant now) {
        long[] n = new long[1];
        String error = call(() -> {
            n[0] = service.ack(StreamSetup.STREAM, group, ids);
            return null;
        });
        events.add(new StreamEvent.Acked(step, now, group, consumer, List.copyOf(ids), n[0], error));
        held.get(group).values().forEach(l -> l.removeAll(ids));
        acked.get(group).addAll(ids);
    }

    private void autoClaim(String group, String consumer, long minIdle, StreamId start, int count, Instant now) {
        AutoClaimed[] got = new AutoClaimed[1];
        String error = call(() -> got[0] =
                service.autoClaim(StreamSetup.STREAM, group, consumer, Duration.ofMillis(minIdle), start, count));
        events.add(new StreamEvent.AutoClaimedEv(step, now, group, consumer, minIdle, start, count, got[0], error));
        if (got[0] != null) {
            took(group, consumer, got[0].claimed());
            held.get(group).values().forEach(l -> l.removeAll(got[0].deleted()));
        }
    }

    private void summary(String group, Instant now) {
        PendingSummary[] got = new PendingSummary[1];
        String error = call(() -> got[0] = service.pending(StreamSetup.STREAM, group));
        events.add(new StreamEvent.Summary(step, now, group, got[0], error));
    }

    private void range(String stream, StreamId start, StreamId end, int count, Instant now) {
        List<StreamEntry> got = service.range(stream, start, end, count);
        events.add(new StreamEvent.Ranged(step, now, stream, start, end, count, copy(got)));
    }

    /** Entries a read or claim answered are now the taker's, whoever held them before. */
    private void took(String group, String consumer, List<StreamEntry> got) {
        if (got == null) {
            return;
        }
        for (StreamEntry e : got) {
            if (e != null) {
                held.get(group).values().forEach(l -> l.remove(e.id()));
                held.get(group)
                        .computeIfAbsent(consumer, k -> new ArrayList<>())
                        .add(e.id());
            }
        }
    }

    private List<StreamId> holdings(String group) {
        List<StreamId> all = new ArrayList<>();
        held.getOrDefault(group, Map.of()).values().forEach(all::addAll);
        all.sort(null);
        return all;
    }

    @Override
    public void drain() {
        for (String group : List.copyOf(held.keySet())) {
            for (String consumer : List.copyOf(held.get(group).keySet())) {
                step++;
                read(group, consumer, StreamId.MIN, DRAIN, clock.now());
                List<StreamEntry> own = ((StreamEvent.Read) events.get(events.size() - 1)).got();
                if (own != null && !own.isEmpty()) {
                    ackIds(group, consumer, own.stream().map(StreamEntry::id).toList(), clock.now());
                }
            }
            step++;
            autoClaim(group, StreamSetup.DRAINER, 0, StreamId.MIN, DRAIN, clock.now());
            AutoClaimed got = ((StreamEvent.AutoClaimedEv) events.get(events.size() - 1)).got();
            if (got != null && !got.claimed().isEmpty()) {
                ackIds(
                        group,
                        StreamSetup.DRAINER,
                        got.claimed().stream().map(StreamEntry::id).toList(),
                        clock.now());
            }
            for (int round = 0; round < 3; round++) {
                step++;
                read(group, StreamSetup.DRAINER, null, DRAIN, clock.now());
                List<StreamEntry> fresh = ((StreamEvent.Read) events.get(events.size() - 1)).got();
                if (fresh == null || fresh.isEmpty()) {
                    break;
                }
                ackIds(
                        group,
                        StreamSetup.DRAINER,
                        fresh.stream().map(StreamEntry::id).toList(),
                        clock.now());
            }
            step++;
            summary(group, clock.now());
        }
        step++;
        range(StreamSetup.STREAM, StreamId.MIN, StreamId.MAX, DRAIN, clock.now());
        range(StreamSetup.DEAD, StreamId.MIN, StreamId.MAX, DRAIN, clock.now());
    }

    private boolean exists(String group, Instant now, String what) {
        if (held.containsKey(group)) {
            return true;
        }
        skip(now, what + " in " + group, "group " + group + " does not exist now");
        return false;
    }

    private void skip(Instant now, String action, String why) {
        events.add(new StreamEvent.Skipped(step, now, action, why));
    }

    /** Runs a command; answers its error reply's message, or null when it answered. */
    private static String call(Supplier<Object> command) {
        try {
            command.get();
            return null;
        } catch (StreamException e) {
            return e.getMessage();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T>[] answer() {
        return (List<T>[]) new List<?>[1];
    }

    private static <T> List<T> copy(List<T> got) {
        return got == null ? null : new ArrayList<>(got);
    }

    @Override
    public StreamEvent threw(RuntimeException e) {
        return new StreamEvent.Threw(step, clock.now(), "the call of step " + step, e.toString());
    }

    @Override
    public List<StreamEvent> events() {
        return events;
    }
}
