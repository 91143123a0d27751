package dev.queuelab.brokers;

import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.broadcast.BroadcastEvent;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The broadcast's scale, in bytes as well as seconds. A scenario with output buffer limits counts a few bytes;
 * a real Redis counts only what it still holds, and between it and the client lie the kernel's socket buffers
 * (some 2.8 MB on loopback, measured: PUBLISH of 100 kB messages to a subscriber that never reads shows
 * {@code omem} above 0 from the 29th on). So sizes become whole units of {@link #BYTES} (the soft limit is two
 * units, a payload one to three) and every limit whole units less half a unit: a buffer the model counts at or
 * over a limit is one Redis counts over it, whatever the kernel holds (under half a unit), and one under it by a
 * unit is under for Redis too. The same trick as a deadline half a unit off the ticks.
 *
 * <p>Seconds: Redis's soft limit compares whole seconds of its clock ({@code server.unixtime}), so a client held
 * over the soft limit for {@code s} seconds is closed at the first append more than {@code s} whole seconds on.
 * Every run gets {@link #SOFT_SECONDS}; a tick within the scenario's soft seconds becomes 3 s (at most 4 whole
 * seconds on the server's clock: not past) and one past them 6 s (at least 5: past). A step later than 600 ms on
 * its schedule may have crossed to the other side: it is timing-tainted. One setting for every run matters: the
 * limit is the server's, and runs side by side share it.
 */
final class BroadcastTimeScale implements TimeScale<BroadcastConfig, BroadcastStep, BroadcastEvent> {

    /** One unit of size: 8 MiB, twice what the kernel may hold between Redis and the client, and then some. */
    static final int BYTES = 8 * 1024 * 1024;

    /** The soft limit's seconds on the server, for every run. */
    static final int SOFT_SECONDS = 4;

    static final int WITHIN = 3;

    static final int PAST = 6;

    /** Left under a payload's units: Redis's framing and its reply block's header stay within the units. */
    private static final int FRAMING = 64;

    @Override
    public Scenario<BroadcastConfig, BroadcastStep> scale(Scenario<BroadcastConfig, BroadcastStep> s) {
        BroadcastConfig c = s.config();
        if (c.hardLimitBytes() == 0 && c.softLimitBytes() == 0) {
            return s; // no limit: sizes and ticks mean nothing to the judgment
        }
        double unit = (c.softLimitBytes() > 0 ? c.softLimitBytes() : c.hardLimitBytes()) / 2.0;
        BroadcastConfig scaled =
                new BroadcastConfig(limit(c.hardLimitBytes(), unit), limit(c.softLimitBytes(), unit), SOFT_SECONDS);
        List<BroadcastStep> steps = new ArrayList<>();
        for (BroadcastStep step : s.steps()) {
            if (step instanceof BroadcastStep.Publish p) {
                long units = Math.max(1, Math.round(p.bytes() / unit));
                steps.add(new BroadcastStep.Publish(p.channel(), (int) (units * BYTES - FRAMING)));
            } else if (step instanceof BroadcastStep.Tick t) {
                steps.add(new BroadcastStep.Tick(t.seconds() > c.softSeconds() ? PAST : WITHIN));
            } else {
                steps.add(step);
            }
        }
        return new Scenario<>(scaled, steps);
    }

    private static long limit(long bytes, double unit) {
        return bytes == 0 ? 0 : Math.round(bytes / unit) * BYTES - BYTES / 2;
    }

    /** Past the longest tick: the final drain waits for nothing of its own. */
    @Override
    public Duration longest(Scenario<BroadcastConfig, BroadcastStep> scaled) {
        return Duration.ofSeconds(PAST).plus(TimeScale.UNIT);
    }

    /**
     * In a run that waits with a soft limit set: the steps that came more than a second less the tolerance after
     * their place on the ticks' schedule (a slow call of megabytes on a loaded machine), which may have put a
     * soft limit's seconds on the other side of a whole second.
     */
    @Override
    public Set<Integer> tainted(History<BroadcastConfig, ?, BroadcastEvent> history) {
        Set<Integer> tainted = new TreeSet<>();
        if (history.config().softLimitBytes() == 0
                || history.events().stream().noneMatch(e -> e instanceof BroadcastEvent.Ticked)) {
            return tainted; // no soft limit's seconds to cross, or no wait to cross them in
        }
        Instant schedule = history.start();
        Duration late = Duration.ofSeconds(1).minus(TimeScale.TOLERANCE);
        for (BroadcastEvent e : history.events()) {
            if (e instanceof BroadcastEvent.Ticked t) {
                schedule = schedule.plusSeconds(t.seconds());
            } else if (Duration.between(schedule, e.at()).compareTo(late) > 0) {
                tainted.add(e.step());
            }
        }
        return tainted;
    }
}
