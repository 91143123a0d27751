package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Takes a committed offset for the last record processed and resumes one past it: every
 * rebalance skips one record of each partition.
 *
 * <p>Caught as {@code commit-resume-violated}.
 */
public final class ResumeAfterCommittedRules extends LogRules {

    @Override
    protected long resumeAt(long committedOffset) {
        return committedOffset + 1;
    }
}
