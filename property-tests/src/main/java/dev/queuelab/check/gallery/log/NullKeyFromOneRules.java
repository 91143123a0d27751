package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Starts the round-robin of unkeyed records at partition 1, not 0 (a counter incremented
 * before use): a client that predicts where unkeyed records land is wrong about every one.
 *
 * <p>Caught as {@code wrong-partition}.
 */
public final class NullKeyFromOneRules extends LogRules {

    @Override
    protected int partitionForNullKey(long n, int numPartitions) {
        return (int) ((n + 1) % numPartitions);
    }
}
