package dev.queuelab.api.log;

import java.time.Instant;

/** Where a consumer may move its position: as Kafka's seekToBeginning, seekToEnd, seek and offsetsForTimes. */
public sealed interface Seek {

    /** The log start offset: the oldest record still kept. */
    record Earliest() implements Seek {}

    /** The end: the high watermark (read_uncommitted) or the last stable offset (read_committed). */
    record Latest() implements Seek {}

    /** An offset as given; a read from it fails if it is outside [log start offset, high watermark]. */
    record ToOffset(long offset) implements Seek {}

    /** The first offset whose timestamp is at or after {@code timestamp}; the end if there is none. */
    record ToTimestamp(Instant timestamp) implements Seek {}

    static Seek earliest() {
        return new Earliest();
    }

    static Seek latest() {
        return new Latest();
    }

    static Seek toOffset(long offset) {
        return new ToOffset(offset);
    }

    static Seek toTimestamp(Instant timestamp) {
        return new ToTimestamp(timestamp);
    }
}
