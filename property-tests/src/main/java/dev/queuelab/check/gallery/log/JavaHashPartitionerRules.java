package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Hashes a key with Java's {@code String.hashCode} instead of Kafka's murmur2: a Java
 * client's idea of a key's partition and the log's disagree.
 *
 * <p>Caught as {@code wrong-partition}.
 */
public final class JavaHashPartitionerRules extends LogRules {

    @Override
    protected int partitionForKey(String key, int numPartitions) {
        return Math.abs(key.hashCode() % numPartitions);
    }
}
