package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): A producer's first append to a partition must carry sequence 0: a producer that already
 * numbered its batches (its state on the partition was deleted with its records, or it wrote elsewhere first)
 * is refused for ever, where Kafka accepts any first sequence.
 *
 * <p>Caught as {@code refused}.
 */
public final class FirstSequenceZeroRules extends LogRules {

    @Override
    protected boolean acceptsFirstSequence(int sequence) {
        return sequence == 0;
    }
}
