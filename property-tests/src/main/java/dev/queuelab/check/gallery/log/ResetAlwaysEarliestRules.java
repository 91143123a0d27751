package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Seek;
import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Resets a group with no committed offset to the log start whatever auto.offset.reset asked
 * for (a default that wins over the setting): a consumer that asked to start at the end, to skip a backlog it
 * does not want, processes the whole partition.
 *
 * <p>Caught as {@code commit-resume-violated}.
 */
public final class ResetAlwaysEarliestRules extends LogRules {

    @Override
    protected Seek resetTo(Seek requested) {
        return Seek.earliest();
    }
}
