package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Answers seek-to-end with the high watermark whatever the isolation level: a read_committed
 * consumer that starts at the end while a transaction is open starts past it, and never sees its records when
 * it commits.
 *
 * <p>Caught as {@code seek-wrong}.
 */
public final class SeekEndIgnoresIsolationRules extends LogRules {

    @Override
    protected long latestOffset(long highWatermark, long lastStableOffset, IsolationLevel isolation) {
        return highWatermark;
    }
}
