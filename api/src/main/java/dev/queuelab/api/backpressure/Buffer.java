package dev.queuelab.api.backpressure;

import java.util.List;

/**
 * A buffer between a producer and a slower consumer. What it does when full is its policy: make the producer
 * wait, hold more in memory, spill to disk, or drop; whatever it does, every offer is answered with what became
 * of the message, so that nothing is ever silently gone. Time is the injected clock's: a waiting offer times out
 * when {@link #expire} is called at or past its deadline.
 */
public interface Buffer {

    /** The producer offers a message: accepted, waiting for space, refused, or accepted by dropping the oldest. */
    Offer offer(String message);

    /** The consumer takes the oldest message, if any; offers that waited for the space it frees are admitted. */
    Taken poll();

    /** Answers {@link Offer.Kind#TIMED_OUT} to every waiting offer whose deadline is now or past. */
    List<Offer> expire();

    /**
     * The buffer's process crashes and restarts: what it keeps depends on where it buffers; every offer still
     * waiting is answered {@link Offer.Kind#FAILED} (the producer's connection broke, the message is still its own).
     */
    List<Offer> restart();

    /** Tells {@code listener} from now on when the depth alarm is raised or cleared (it replaces any before it). */
    void onAlarm(AlarmListener listener);

    /**
     * What a poll gave: the oldest message or none, and the waiting offers it admitted.
     *
     * @param message  the message taken, or null when the buffer is empty
     * @param admitted waiting offers now accepted, oldest first
     */
    record Taken(String message, List<Offer> admitted) {
        public Taken {
            admitted = List.copyOf(admitted);
        }

        public static Taken nothing() {
            return new Taken(null, List.of());
        }
    }
}
