package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Keeps the high watermark one behind the log end offset, as if it waited for a follower
 * that a single-replica log does not have: the last acknowledged record of every partition is invisible to
 * every reader until the next append pushes it under the watermark.
 *
 * <p>Caught as {@code high-watermark-lags}.
 */
public final class HighWatermarkOneBehindRules extends LogRules {

    @Override
    protected long highWatermark(long logEndOffset) {
        return Math.max(0, logEndOffset - 1);
    }
}
