package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery (log): Never expires a session: a consumer that crashed without leaving keeps its partitions for
 * ever, and nobody reads them.
 *
 * <p>Caught as {@code single-owner}.
 */
public final class SessionNeverExpiresRules extends LogRules {

    @Override
    protected boolean sessionExpired(Instant lastHeartbeat, Instant now, Duration sessionTimeout) {
        return false;
    }
}
