package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Fences only epochs two or more behind the latest: the instance a restart replaced can still
 * append, a zombie writing beside its successor.
 *
 * <p>Caught as {@code zombie-write}.
 */
public final class FenceOffByOneLog extends KafkaLog {

    public FenceOffByOneLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean isFenced(short presented, short latest) {
        return presented < latest - 1;
    }
}
