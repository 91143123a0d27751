package dev.queuelab.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * Another thread that appends while a force is in flight, started by the {@link SimulatedDisk}'s hook inside the
 * force and waited for until it is done or blocked (on the log's monitor or the flusher's lock): so the appends go
 * on during the force, as group commit means them to, and the trial still runs one order only.
 */
final class ForceRace {

    private final List<Thread> running = new ArrayList<>();
    private RuntimeException died;

    /** Starts {@code sends} in another thread and returns once it has finished or waits for a lock. */
    synchronized void start(Runnable sends) {
        Thread other = new Thread(
                () -> {
                    try {
                        sends.run();
                    } catch (RuntimeException e) {
                        synchronized (this) {
                            died = e;
                        }
                    }
                },
                "appender");
        other.start();
        while (other.isAlive()
                && other.getState() != Thread.State.BLOCKED
                && other.getState() != Thread.State.WAITING) {
            Thread.yield(); // let it run until it is done, or waits for the force to end
        }
        running.add(other);
    }

    /** Waits for the other threads, so that what follows runs after their sends; rethrows what stopped them. */
    void join() {
        List<Thread> waiting;
        synchronized (this) {
            waiting = List.copyOf(running);
            running.clear();
        }
        for (Thread t : waiting) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while an appender finished", e);
            }
        }
        RuntimeException e;
        synchronized (this) {
            e = died;
            died = null;
        }
        if (e != null) {
            throw e;
        }
    }
}
