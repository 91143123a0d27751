package dev.queuelab.check.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import java.time.InstantSource;

/** Makes a fresh log for each run: the reference, a gallery variant, an exercise, later a broker adapter. */
@FunctionalInterface
public interface LogFactory {
    PartitionedLog create(LogConfig config, InstantSource clock);
}
