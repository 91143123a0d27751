package dev.queuelab.api;

import dev.queuelab.api.log.PartitionedLog;

/** Breaks "what every topology shares sees none of them". A test fixture, never production code. */
public class SharedApiThatSeesALog {
    public Class<?> leak() {
        return PartitionedLog.class;
    }
}
