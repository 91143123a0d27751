package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery (log): Deletes a segment when its newest record is exactly retention.ms old instead of older: a
 * record goes the moment a reader relying on the documented retention may still ask for it.
 *
 * <p>Caught as {@code retention-early}.
 */
public final class RetentionAtTheBoundaryRules extends LogRules {

    @Override
    protected boolean expiredByTime(Instant newestTimestamp, Instant now, Duration retention) {
        return Duration.between(newestTimestamp, now).compareTo(retention) >= 0;
    }
}
