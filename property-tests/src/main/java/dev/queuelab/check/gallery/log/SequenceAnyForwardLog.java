package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Accepts any sequence number above the last instead of exactly the next: a lost batch leaves
 * a gap that nobody notices.
 *
 * <p>Caught as {@code sequence-gap-accepted}.
 */
public final class SequenceAnyForwardLog extends KafkaLog {

    public SequenceAnyForwardLog(LogConfig config, InstantSource clock) {
        super(config, clock);
    }

    @Override
    protected boolean isNextSequence(int lastSequence, int sequence) {
        return sequence > lastSequence;
    }
}
