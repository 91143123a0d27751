package dev.queuelab.check;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The positions of a history recorded by real threads: each client takes one just before it calls and one
 * just after the answer, from this one counter, so that {@link Op#precedes} is the order the threads saw.
 * Thread-safe.
 */
public final class OpClock {

    private final AtomicLong next = new AtomicLong();

    /** The next position; every call returns a larger one than every call that returned before it. */
    public long tick() {
        return next.getAndIncrement();
    }
}
