package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Bounds read_committed reads by the high watermark, not the last stable offset: a reader
 * sees a transaction's records before it commits, and keeps them if it aborts.
 *
 * <p>Caught as {@code open-transaction-read}.
 */
public final class ReadCommittedPastLsoRules extends LogRules {

    @Override
    protected long readBound(long highWatermark, long lastStableOffset, IsolationLevel isolation) {
        return highWatermark;
    }
}
