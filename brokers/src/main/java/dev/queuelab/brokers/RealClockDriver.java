package dev.queuelab.brokers;

import dev.queuelab.check.ClockDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Moves time for a real broker by waiting for it: the broker keeps its own clock (the wall clock), so a tick is a
 * wait and the runner's clock is the wall clock too.
 *
 * <p>Invariants:
 *   RC1 ticks land on a schedule counted from the run's start, not from the moment each wait begins, so the time calls take does not pile up and a scenario's deadlines stay where the scale put them (between ticks, never on one)
 *   RC2 no single wait is longer than {@code longest}, which is past every deadline the run sets: the final drain's hour costs that, not an hour.
 *
 * <p>Thread-safety: one run, one thread. Real world: a test against a staging broker that sleeps between steps.
 */
final class RealClockDriver implements ClockDriver {

    private final InstantSource clock = InstantSource.system();
    private final Duration longest;
    private Instant schedule;

    RealClockDriver(Duration longest) {
        this.longest = longest;
        this.schedule = clock.instant();
    }

    @Override
    public InstantSource clock() {
        return clock;
    }

    @Override
    public void advance(Duration step) {
        schedule = schedule.plus(step.compareTo(longest) > 0 ? longest : step);
        long wait;
        while ((wait = Duration.between(clock.instant(), schedule).toMillis()) > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for real time", e);
            }
        }
    }
}
