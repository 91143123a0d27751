package dev.queuelab.check;

import dev.queuelab.api.SimClock;
import java.time.Duration;
import java.time.InstantSource;

/** Drives a {@link SimClock}: a tick of an hour costs nothing. */
public final class SimClockDriver implements ClockDriver {

    private final SimClock clock = new SimClock();

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public void advance(Duration step) {
        clock.advance(step);
    }
}
