package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Hashes a key with Java's {@code String.hashCode} instead of Kafka's murmur2: a Java
 * client's idea of a key's partition and the log's disagree.
 *
 * <p>Caught as {@code wrong-partition}.
 */
public final class JavaHashPartitionerLog extends KafkaLog {

    public JavaHashPartitionerLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected int partitionForKey(String key, int numPartitions) {
        return Math.abs(key.hashCode() % numPartitions);
    }
}
