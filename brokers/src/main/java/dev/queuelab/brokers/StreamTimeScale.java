package dev.queuelab.brokers;

import dev.queuelab.api.streams.StreamId;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.streams.StreamEvent;
import dev.queuelab.check.streams.StreamSetup;
import dev.queuelab.check.streams.StreamStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The streams' scale: ticks become whole units, and every min-idle-time (XCLAIM's, XAUTOCLAIM's, XPENDING's IDLE)
 * whole units less half a unit, so that an entry's idle time, a whole number of units since its last delivery, is
 * half a unit from every threshold. A step that checks a min-idle within the tolerance of an entry's idle time
 * (a slow call, a loaded machine) is timing-tainted. Nothing else in a stream depends on time: no deadline moves
 * an entry by itself (an entry stays its holder's until someone claims it).
 */
final class StreamTimeScale implements TimeScale<StreamSetup, StreamStep, StreamEvent> {

    @Override
    public Scenario<StreamSetup, StreamStep> scale(Scenario<StreamSetup, StreamStep> s) {
        List<StreamStep> steps = new ArrayList<>();
        for (StreamStep step : s.steps()) {
            if (step instanceof StreamStep.Tick t) {
                steps.add(new StreamStep.Tick(
                        (int) TimeScale.tick(Duration.ofMillis(t.millis())).toMillis()));
            } else if (step instanceof StreamStep.Claim c) {
                steps.add(new StreamStep.Claim(c.group(), c.consumer(), idle(c.minIdleMillis()), c.nth()));
            } else if (step instanceof StreamStep.AutoClaim c) {
                steps.add(new StreamStep.AutoClaim(
                        c.group(), c.consumer(), idle(c.minIdleMillis()), c.start(), c.count()));
            } else if (step instanceof StreamStep.PendingRange p) {
                steps.add(new StreamStep.PendingRange(
                        p.group(), idle(p.minIdleMillis()), p.start(), p.end(), p.count(), p.consumer()));
            } else {
                steps.add(step);
            }
        }
        return new Scenario<>(s.config(), steps);
    }

    private static int idle(int millis) {
        return (int) TimeScale.deadline(Duration.ofMillis(millis)).toMillis();
    }

    /** No wait in a stream's scenario is for a deadline: the final drain waits for nothing. */
    @Override
    public Duration longest(Scenario<StreamSetup, StreamStep> scaled) {
        return TimeScale.UNIT.multipliedBy(2);
    }

    @Override
    public Set<Integer> tainted(History<StreamSetup, ?, StreamEvent> history) {
        Map<String, Instant> delivered = new HashMap<>(); // group/id -> its last delivery, as the runner saw it
        Set<Integer> tainted = new TreeSet<>();
        for (StreamEvent e : history.events()) {
            long minIdle = e instanceof StreamEvent.Claimed c
                    ? c.minIdle()
                    : e instanceof StreamEvent.AutoClaimedEv a
                            ? a.minIdle()
                            : e instanceof StreamEvent.PendingRead p ? p.minIdle() : 0;
            String group = group(e);
            if (minIdle > 0) {
                Instant threshold = e.at().minusMillis(minIdle);
                for (Map.Entry<String, Instant> d : delivered.entrySet()) {
                    if (d.getKey().startsWith(group + "/") && TimeScale.near(d.getValue(), threshold)) {
                        tainted.add(e.step());
                    }
                }
            }
            for (String id : deliveries(e)) {
                delivered.put(group + "/" + id, e.at());
            }
        }
        return tainted;
    }

    /**
     * An id made from a clock (the reference's starts at its epoch, Redis's is the wall clock's milliseconds) is
     * written by what it is in the history: e0, e1, ... for the entries XADD answered, in order; "just before e1"
     * or "just after e1" for an id beside one of them; d0, ... and id0, ... for the others (the dead-letter
     * stream's, one never added), in order of appearance. An idle time is written in whole seconds. Two histories
     * then read alike when their ids stand in the same relations and their idle times differ by less than the
     * tolerance; where a clock put two entries in one millisecond on one side and not on the other, an id
     * "just before" one entry is another entry on that side, and the diff says so at that step.
     */
    @Override
    public List<String> said(List<StreamEvent> events) {
        Map<StreamId, String> names = new java.util.LinkedHashMap<>();
        Map<StreamId, String> deadNames = new HashMap<>();
        int[] counts = new int[3]; // entries, dead letters, others
        List<String> out = new ArrayList<>();
        for (StreamEvent e : events) {
            if (e instanceof StreamEvent.Added a && a.id() != null) {
                names.putIfAbsent(a.id(), "e" + counts[0]++);
            }
            boolean dead = e instanceof StreamEvent.Ranged r && r.stream().equals(StreamSetup.DEAD);
            Matcher m = CLOCK_ID.matcher(BrokerDiff.said(e));
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                StreamId id = StreamId.parse(m.group());
                m.appendReplacement(
                        b,
                        dead // the dead-letter stream's own ids: another stream's, whatever their digits
                                ? deadNames.computeIfAbsent(id, k -> "d" + counts[1]++)
                                : name(id, names, counts));
            }
            m.appendTail(b);
            Matcher idle = IDLE.matcher(b.toString());
            StringBuilder c = new StringBuilder();
            while (idle.find()) {
                idle.appendReplacement(c, "idle ~" + Math.round(Long.parseLong(idle.group(1)) / 1000.0) + " s");
            }
            idle.appendTail(c);
            out.add(c.toString());
        }
        return out;
    }

    private static String name(StreamId id, Map<StreamId, String> names, int[] counts) {
        String known = names.get(id);
        if (known != null) {
            return known;
        }
        for (Map.Entry<StreamId, String> n : names.entrySet()) {
            if (n.getValue().startsWith("e") && n.getKey().previous().equals(id)) {
                return "(just before " + n.getValue() + ")";
            }
            if (n.getValue().startsWith("e") && n.getKey().next().equals(id)) {
                return "(just after " + n.getValue() + ")";
            }
        }
        String made = "id" + counts[2]++;
        names.put(id, made);
        return made;
    }

    /** An id whose milliseconds are a clock's (ten digits or more), not a small explicit one. */
    private static final Pattern CLOCK_ID = Pattern.compile("\\b\\d{10,}-\\d+\\b");

    private static final Pattern IDLE = Pattern.compile("idle (\\d+) ms");

    private static String group(StreamEvent e) {
        return e instanceof StreamEvent.ByGroupConsumer g
                ? g.group()
                : e instanceof StreamEvent.PendingRead p ? p.group() : "";
    }

    /** The ids a step delivered (a read, a read by id, a claim): their idle time starts again. */
    private static List<String> deliveries(StreamEvent e) {
        List<String> ids = new ArrayList<>();
        if (e instanceof StreamEvent.Read r && r.got() != null) {
            r.got().forEach(x -> ids.add(x.id().toString()));
        } else if (e instanceof StreamEvent.Claimed c && c.got() != null) {
            c.got().forEach(x -> ids.add(x.id().toString()));
        } else if (e instanceof StreamEvent.AutoClaimedEv a && a.got() != null) {
            a.got().claimed().forEach(x -> ids.add(x.id().toString()));
        }
        return ids;
    }
}
