package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Leaves the first unstable offset at an open transaction's first record after retention
 * deleted it: the last stable offset is reported below the log start, and a read_committed consumer told to
 * start at the end is sent to an offset the log no longer has.
 *
 * <p>Caught as {@code open-transaction-read}.
 */
public final class FirstUnstableBelowStartRules extends LogRules {

    @Override
    protected long firstUnstableOffset(long earliestOpen, long logStartOffset) {
        return earliestOpen;
    }
}
