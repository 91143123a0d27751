package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Keeps no history of recent sequence numbers: a producer that retries after a lost answer is
 * told its retry is out of order, and gives up on a record that was written.
 *
 * <p>Caught as {@code retry-refused}.
 */
public final class NoSequenceHistoryRules extends LogRules {

    @Override
    protected int sequencesRemembered() {
        return 0;
    }
}
