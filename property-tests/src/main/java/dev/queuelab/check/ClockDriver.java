package dev.queuelab.check;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * How a scenario's {@code Tick} steps move time. A simulation moves a {@link dev.queuelab.api.SimClock}
 * at once; an adapter for a real broker would wait for real time instead, behind the same interface.
 */
public interface ClockDriver {

    /** The clock the implementation under test reads. */
    InstantSource clock();

    /** Moves time forward by {@code step}. */
    void advance(Duration step);

    default Instant now() {
        return clock().instant();
    }
}
