package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery (log): Seeks to the first record stamped strictly after a timestamp: a replay from a point in time
 * misses the records written in that very instant.
 *
 * <p>Caught as {@code seek-wrong}.
 */
public final class SeekStrictlyAfterLog extends KafkaLog {

    public SeekStrictlyAfterLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean atOrAfter(Instant recordTimestamp, Instant target) {
        return recordTimestamp.isAfter(target);
    }
}
