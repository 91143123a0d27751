package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.reference.log.ForwardingLog;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Acknowledges appends as forced to disk while it keeps them in memory (a storage switch
 * that defaults to memory): producers are told their records survive a crash, and a restart loses them all.
 * The reference log wrapped, with one answer changed.
 *
 * <p>Caught as {@code lost-write}.
 */
public final class ClaimsDurableInMemoryLog implements ForwardingLog {

    private final KafkaLog log;

    public ClaimsDurableInMemoryLog(LogConfig config, InstantSource clock) {
        this.log = new KafkaLog(config, clock);
    }

    @Override
    public PartitionedLog delegate() {
        return log;
    }

    @Override
    public Durability durability() {
        return Durability.FORCED;
    }
}
