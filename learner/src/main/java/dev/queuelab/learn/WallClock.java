package dev.queuelab.learn;

import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The learner runtime's one door to real time: a backup's stamp and the time of day a watch prints. Checks
 * never read it (they run on a simulated clock); commands take a {@link Clock} field set from here, so tests
 * fix it.
 */
final class WallClock implements InstantSource {

    private WallClock() {}

    /** UTC, for names that sort (backups). */
    static Clock utc() {
        return Clock.systemUTC();
    }

    /** The learner's own zone, for times a person reads. */
    static Clock local() {
        return Clock.systemDefaultZone();
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }
}
