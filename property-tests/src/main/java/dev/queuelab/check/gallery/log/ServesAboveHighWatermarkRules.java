package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Serves a read from any offset at or above the log start, beyond the high watermark too
 * (a bound check on one side only): a reader that asks too far is answered "nothing yet, go on from there"
 * instead of out of range, and skips every record appended below where it waits.
 *
 * <p>Caught as {@code read-past-end}.
 */
public final class ServesAboveHighWatermarkRules extends LogRules {

    @Override
    protected boolean serves(long offset, long logStartOffset, long highWatermark) {
        return offset >= logStartOffset;
    }
}
