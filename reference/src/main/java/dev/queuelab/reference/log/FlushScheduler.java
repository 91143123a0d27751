package dev.queuelab.reference.log;

import java.time.Duration;

/**
 * Who runs a group commit's force once its linger has passed. The log never sleeps or starts a timer itself:
 * a simulation passes one that runs tasks when its clock is ticked past them, a real process passes one over a
 * java.util.concurrent scheduled executor, and {@link #CALLER} leaves it to whoever calls flush (each append also checks the
 * linger against the log's clock).
 */
@FunctionalInterface
public interface FlushScheduler {

    /** No timer: the linger is checked at each append and at each explicit flush. */
    FlushScheduler CALLER = (delay, task) -> {};

    /** Runs {@code task} once, {@code delay} from now by the scheduler's own time. */
    void schedule(Duration delay, Runnable task);
}
