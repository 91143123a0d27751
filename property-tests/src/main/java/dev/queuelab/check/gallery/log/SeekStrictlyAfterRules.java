package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import java.time.Instant;

/**
 * Bug gallery (log): Seeks to the first record stamped strictly after a timestamp: a replay from a point in time
 * misses the records written in that very instant.
 *
 * <p>Caught as {@code seek-wrong}.
 */
public final class SeekStrictlyAfterRules extends LogRules {

    @Override
    protected boolean atOrAfter(Instant recordTimestamp, Instant target) {
        return recordTimestamp.isAfter(target);
    }
}
