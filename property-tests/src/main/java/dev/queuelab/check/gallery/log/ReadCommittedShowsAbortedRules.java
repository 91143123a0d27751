package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Forgets to hide aborted transactions from read_committed readers: a read-process-write
 * pipeline processes records whose transaction was rolled back.
 *
 * <p>Caught as {@code aborted-read}.
 */
public final class ReadCommittedShowsAbortedRules extends LogRules {

    @Override
    protected boolean hidesAborted(IsolationLevel isolation) {
        return false;
    }
}
