package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Bug gallery (log): Never expires a session: a consumer that crashed without leaving keeps its partitions for
 * ever, and nobody reads them.
 *
 * <p>Caught as {@code single-owner}.
 */
public final class SessionNeverExpiresLog extends KafkaLog {

    public SessionNeverExpiresLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean sessionExpired(Instant lastHeartbeat, Instant now, Duration sessionTimeout) {
        return false;
    }
}
