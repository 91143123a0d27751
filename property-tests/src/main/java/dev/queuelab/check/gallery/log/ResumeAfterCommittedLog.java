package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Takes a committed offset for the last record processed and resumes one past it: every
 * rebalance skips one record of each partition.
 *
 * <p>Caught as {@code commit-resume-violated}.
 */
public final class ResumeAfterCommittedLog extends KafkaLog {

    public ResumeAfterCommittedLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected long resumeAt(long committedOffset) {
        return committedOffset + 1;
    }
}
