package dev.queuelab.api.backpressure;

import java.time.Instant;

/**
 * What became of an offered message, as its producer is told.
 *
 * @param message  the message offered
 * @param kind     what became of it
 * @param dropped  for {@link Kind#DROPPED_OLDEST}, the older message dropped to make room; else null
 * @param deadline for {@link Kind#WAITING}, when the wait times out; else null
 */
public record Offer(String message, Kind kind, String dropped, Instant deadline) {

    /** What became of an offer. */
    public enum Kind {
        /** In the buffer. */
        ACCEPTED,
        /** The buffer is full: the producer waits for space until the deadline. */
        WAITING,
        /** A waiting offer got its space: now in the buffer. */
        ADMITTED,
        /** A waiting offer's deadline passed: the message is still the producer's. */
        TIMED_OUT,
        /** The buffer is full and refuses the newest: the message is still the producer's. */
        REFUSED,
        /** In the buffer; the oldest message was dropped to make room and is named in {@code dropped}. */
        DROPPED_OLDEST,
        /** The buffer restarted while the offer waited: the message is still the producer's. */
        FAILED
    }

    public static Offer of(String message, Kind kind) {
        return new Offer(message, kind, null, null);
    }

    public static Offer waiting(String message, Instant deadline) {
        return new Offer(message, Kind.WAITING, null, deadline);
    }

    public static Offer droppedOldest(String message, String dropped) {
        return new Offer(message, Kind.DROPPED_OLDEST, dropped, null);
    }

    /** True when the message is in the buffer after this answer. */
    public boolean inBuffer() {
        return kind == Kind.ACCEPTED || kind == Kind.ADMITTED || kind == Kind.DROPPED_OLDEST;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCEPTED -> "accepted";
            case WAITING -> "full: waits until t=" + deadline.getEpochSecond() % 86_400 + "s";
            case ADMITTED -> message + " admitted after waiting";
            case TIMED_OUT -> message + " timed out waiting (still the producer's)";
            case REFUSED -> "full: refused (still the producer's)";
            case DROPPED_OLDEST -> "accepted, dropped the oldest, " + dropped;
            case FAILED -> message + " failed: the buffer restarted (still the producer's)";
        };
    }
}
