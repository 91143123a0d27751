package dev.queuelab.crash;

import dev.queuelab.api.SimClock;
import dev.queuelab.reference.log.FlushScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FlushScheduler} on a simulated clock: a group commit's linger task runs when a trial moves the clock
 * past it ({@link #runDue}), in the trial's thread, never on a timer.
 */
final class SimScheduler implements FlushScheduler {

    private record Task(Instant due, Runnable task) {}

    private final SimClock clock;
    private final List<Task> tasks = new ArrayList<>();

    SimScheduler(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        tasks.add(new Task(clock.instant().plus(delay), task));
    }

    /** Runs, in order, every task whose time has come. */
    void runDue() {
        while (true) {
            Task due;
            synchronized (this) {
                due = tasks.stream()
                        .filter(t -> !t.due().isAfter(clock.instant()))
                        .findFirst()
                        .orElse(null);
                if (due == null) {
                    return;
                }
                tasks.remove(due);
            }
            due.task().run();
        }
    }

    /** The process died: its timers with it. */
    synchronized void clear() {
        tasks.clear();
    }
}
