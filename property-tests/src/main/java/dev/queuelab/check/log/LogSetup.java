package dev.queuelab.check.log;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;

/**
 * A log scenario's configuration: the topic's settings and how its consumers read.
 *
 * @param log       partitions, segments, retention, session timeout, assignor
 * @param isolation how group consumers read: read_committed in transactional scenarios
 */
public record LogSetup(LogConfig log, IsolationLevel isolation) {

    @Override
    public String toString() {
        return log.partitions() + " partition(s), segments of " + log.segmentBytes() + " bytes"
                + (log.keepsForever() ? "" : ", retention " + dev.queuelab.api.Durations.brief(log.retentionTime()))
                + ", session timeout " + dev.queuelab.api.Durations.brief(log.sessionTimeout()) + ", " + log.assignor()
                + (log.transactionTimeout().equals(dev.queuelab.api.log.LogFacts.TRANSACTION_TIMEOUT_DEFAULT)
                        ? ""
                        : ", transaction timeout " + dev.queuelab.api.Durations.brief(log.transactionTimeout()))
                + " assignor, consumers read " + isolation.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
