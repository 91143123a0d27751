package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Accepts any sequence number above the last instead of exactly the next: a lost batch leaves
 * a gap that nobody notices.
 *
 * <p>Caught as {@code sequence-gap-accepted}.
 */
public final class SequenceAnyForwardRules extends LogRules {

    @Override
    protected boolean isNextSequence(int lastSequence, int sequence) {
        return sequence > lastSequence;
    }
}
