package dev.queuelab.brokers;

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
     * written as the nth such id of the history, and an idle time in whole seconds: two histories read alike when
     * their ids stand in the same relations and their idle times differ by less than the tolerance.
     */
    @Override
    public List<String> said(List<StreamEvent> events) {
        Map<String, String> names = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (StreamEvent e : events) {
            String said = BrokerDiff.said(e);
            java.util.regex.Matcher m = CLOCK_ID.matcher(said);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, names.computeIfAbsent(m.group(), k -> "id" + (names.size() + 1)));
            }
            m.appendTail(b);
            java.util.regex.Matcher idle = IDLE.matcher(b.toString());
            StringBuilder c = new StringBuilder();
            while (idle.find()) {
                idle.appendReplacement(c, "idle ~" + Math.round(Long.parseLong(idle.group(1)) / 1000.0) + " s");
            }
            idle.appendTail(c);
            out.add(c.toString());
        }
        return out;
    }

    /** An id whose milliseconds are a clock's (ten digits or more), not a small explicit one. */
    private static final java.util.regex.Pattern CLOCK_ID = java.util.regex.Pattern.compile("\\b\\d{10,}-\\d+\\b");

    private static final java.util.regex.Pattern IDLE = java.util.regex.Pattern.compile("idle (\\d+) ms");

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
