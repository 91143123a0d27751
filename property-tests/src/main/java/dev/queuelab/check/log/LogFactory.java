package dev.queuelab.check.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import java.time.InstantSource;

/** Makes a fresh log for each run: the reference, a gallery variant, an exercise, later a broker adapter. */
@FunctionalInterface
public interface LogFactory {

    PartitionedLog create(LogConfig config, InstantSource clock);

    /**
     * The log after its process dies and starts again (a {@code Restart} step). In memory that is a new, empty
     * log; a log on disk loses what it had not forced and recovers the rest.
     */
    default PartitionedLog restart(PartitionedLog crashed, LogConfig config, InstantSource clock) {
        return create(config, clock);
    }
}
