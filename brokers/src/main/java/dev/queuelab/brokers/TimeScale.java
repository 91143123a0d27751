package dev.queuelab.brokers;

import dev.queuelab.check.Event;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.ScenarioStep;
import java.time.Duration;
import java.util.Set;

/**
 * How a topology's simulated scenario becomes one a real broker can run in seconds, and which steps of a real
 * run landed too close to a deadline to be judged.
 *
 * <p>A simulation lands steps exactly on deadlines, where off-by-one mistakes live; real time cannot: a call and
 * a deadline a few milliseconds apart fall either way. So the scale maps every duration to whole units of real
 * time and sets every deadline half a unit off the ticks' schedule: a step is then half a unit from every
 * deadline, on a known side of it. A step that still lands within {@link #TOLERANCE} of one (a slow call, a
 * loaded machine) is timing-tainted: reported apart, never as an anomaly.
 */
interface TimeScale<C, S extends ScenarioStep, E extends Event> {

    /** The real unit of time: 2 s, the least that puts a deadline in whole seconds half a unit off the ticks. */
    Duration UNIT = Duration.ofSeconds(2);

    /** Closer than this to a deadline, a step's outcome is the race's, not the broker's. */
    Duration TOLERANCE = Duration.ofMillis(400);

    /** The scenario with every duration in real units, deadlines half a unit off the ticks. */
    Scenario<C, S> scale(Scenario<C, S> simulated);

    /** Past every deadline the scaled scenario sets: what the final drain waits instead of an hour. */
    Duration longest(Scenario<C, S> scaled);

    /** The steps of a real run that landed within {@link #TOLERANCE} of a deadline. */
    Set<Integer> tainted(History<C, ?, E> history);

    /**
     * Simulated durations to whole units: 0, up to 1 s, and longer, in 0 to 2 units. Coarse on purpose: a broker's
     * full check must finish in minutes, and what a real run can show is which side of a deadline a step is on,
     * which two units keep (a step one unit after a receive is before a two-unit deadline, two units after is
     * past it).
     */
    static int units(Duration d) {
        long ms = d.toMillis();
        return ms <= 0 ? 0 : ms <= 1_000 ? 1 : 2;
    }

    /** A deadline-setting duration: whole units less half a unit (0 stays 0: at once). */
    static Duration deadline(Duration d) {
        int u = units(d);
        return u == 0 ? Duration.ZERO : UNIT.multipliedBy(u).minus(UNIT.dividedBy(2));
    }

    /** A tick: whole units. */
    static Duration tick(Duration d) {
        return UNIT.multipliedBy(units(d));
    }

    /**
     * What a diff compares of a history: each event's call and answer, never a time (the reference's clock starts
     * at its epoch, the broker's is the wall clock). A topology whose answers carry what a clock made (an id from
     * the time, an idle time) writes those so that the reference's and the broker's read alike.
     */
    default java.util.List<String> said(java.util.List<E> events) {
        return events.stream().map(BrokerDiff::said).toList();
    }

    static boolean near(java.time.Instant a, java.time.Instant b) {
        return Duration.between(a, b).abs().compareTo(TOLERANCE) < 0;
    }
}
