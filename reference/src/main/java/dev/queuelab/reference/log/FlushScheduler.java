package dev.queuelab.reference.log;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who runs a group commit's force once its batch is due, by its linger or by its size. The log never sleeps or
 * starts a thread itself: a simulation passes one that runs tasks when its clock is ticked past them, a real
 * process passes one over a scheduled executor ({@link #on}), whose thread forces while the senders go on
 * appending, and {@link #CALLER} runs nothing, so the send that finds a batch due forces it itself (each append
 * also checks the linger against the log's clock).
 */
@FunctionalInterface
public interface FlushScheduler {

    /** No timer, no thread: the linger is checked at each append and flush, and a due batch is forced by its sender. */
    FlushScheduler CALLER = new FlushScheduler() {
        @Override
        public void schedule(Duration delay, Runnable task) {}

        @Override
        public boolean runsTasks() {
            return false;
        }
    };

    /** Runs {@code task} once, {@code delay} from now by the scheduler's own time. */
    void schedule(Duration delay, Runnable task);

    /** Whether the tasks given ever run; when not, the log does the work itself, in the caller's thread. */
    default boolean runsTasks() {
        return true;
    }

    /** Tasks on {@code executor}'s threads: a due batch is forced there while its senders go on appending. */
    static FlushScheduler on(ScheduledExecutorService executor) {
        return (delay, task) -> executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
