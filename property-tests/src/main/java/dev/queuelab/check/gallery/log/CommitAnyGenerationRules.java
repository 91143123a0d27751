package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Accepts a heartbeat or commit from any generation: a consumer that missed a rebalance
 * commits for a partition that is someone else's now, and the new owner resumes from its stale offset.
 *
 * <p>Caught as {@code fenced-member-accepted}.
 */
public final class CommitAnyGenerationRules extends LogRules {

    @Override
    protected boolean generationMatches(int presented, int current) {
        return true;
    }
}
