package dev.queuelab.check.gallery;

import dev.queuelab.reference.workqueue.WorkQueueRules;
import java.time.Duration;
import java.time.Instant;

/**
 * Bug gallery: Rounds a visibility timeout down to whole seconds (as an adapter for an API that takes
 * integer seconds might): a 1.5 s timeout hides a message for 1 s, and a second consumer gets it while the
 * first is still working.
 *
 * <p>Caught as {@code concurrent-delivery}.
 */
public final class VisibilityWholeSecondsRules extends WorkQueueRules {

    @Override
    protected Instant deadlineFor(Instant from, Duration visibility) {
        return from.plus(Duration.ofSeconds(visibility.getSeconds()));
    }
}
