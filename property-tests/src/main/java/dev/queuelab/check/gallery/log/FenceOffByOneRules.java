package dev.queuelab.check.gallery.log;

import dev.queuelab.reference.log.LogRules;

/**
 * Bug gallery (log): Fences only epochs two or more behind the latest: the instance a restart replaced can still
 * append, a zombie writing beside its successor.
 *
 * <p>Caught as {@code zombie-write}.
 */
public final class FenceOffByOneRules extends LogRules {

    @Override
    protected boolean isFenced(short presented, short latest) {
        return presented < latest - 1;
    }
}
