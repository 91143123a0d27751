package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Deletes the oldest segment while the partition, segment included, holds retention.bytes,
 * instead of while the rest would: the partition keeps less than retention.bytes promises.
 *
 * <p>Caught as {@code retention-early}.
 */
public final class RetentionBytesWholePartitionRules extends LogRules {

    @Override
    protected boolean breachesSize(long partitionBytes, long segmentBytes, long retentionBytes) {
        return partitionBytes >= retentionBytes;
    }
}
