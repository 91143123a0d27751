package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Accepts a heartbeat or commit from any generation: a consumer that missed a rebalance
 * commits for a partition that is someone else's now, and the new owner resumes from its stale offset.
 *
 * <p>Caught as {@code fenced-member-accepted}.
 */
public final class CommitAnyGenerationLog extends KafkaLog {

    public CommitAnyGenerationLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean generationMatches(int presented, int current) {
        return true;
    }
}
