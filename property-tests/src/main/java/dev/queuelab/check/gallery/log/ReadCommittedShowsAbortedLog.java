package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Forgets to hide aborted transactions from read_committed readers: a read-process-write
 * pipeline processes records whose transaction was rolled back.
 *
 * <p>Caught as {@code aborted-read}.
 */
public final class ReadCommittedShowsAbortedLog extends KafkaLog {

    public ReadCommittedShowsAbortedLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean hidesAborted(IsolationLevel isolation) {
        return false;
    }
}
