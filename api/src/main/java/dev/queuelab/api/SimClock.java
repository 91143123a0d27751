package dev.queuelab.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock that moves only when told, and only forward: simulations and tests advance it step by step.
 *
 * <p>Invariant: {@link #instant()} never goes backwards (Kafka's MockTime keeps the same rule).
 * Thread-safety: safe from many threads; a reader sees the latest advance.
 */
public final class SimClock implements InstantSource {

    /** Where every simulation starts, so that stories print the same times on every machine. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    public SimClock() {
        this(EPOCH);
    }

    public SimClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves time forward by {@code step}; a negative step is refused. */
    public synchronized void advance(Duration step) {
        if (step.isNegative()) {
            throw new OutOfRangeException("clock step", step, "a duration of zero or more: a SimClock never goes back");
        }
        now = now.plus(step);
    }
}
