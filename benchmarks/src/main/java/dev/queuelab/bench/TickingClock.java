package dev.queuelab.bench;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link InstantSource} that a daemon thread moves forward every millisecond: reading it is one volatile
 * load. Servers whose timeouts count in seconds read time this way (a cached clock), because the system
 * clock costs tens of nanoseconds per read, which a queue that reads it on every call pays three times per
 * message. The benchmarks give the work queue this clock; one variant reads {@link InstantSource#system()}
 * instead, to compare.
 */
final class TickingClock implements InstantSource {

    private static final TickingClock SHARED = new TickingClock();

    private volatile Instant now = Instant.now();

    private TickingClock() {
        Thread ticker = new Thread(
                () -> {
                    while (true) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                        now = Instant.now();
                    }
                },
                "queuelab-ticking-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    static InstantSource shared() {
        return SHARED;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
