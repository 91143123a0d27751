package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.reference.log.LogRules;
import java.util.List;
import java.util.Map;

/**
 * Bug gallery (log): A cooperative-sticky group whose coordinator forgets who owned what and deals balanced
 * shares from scratch: the shares are as even as they should be, but a member that joins with an id that
 * sorts first moves every partition, and each move stops one consumer and starts another cold.
 *
 * <p>Caught as {@code wrong-assignment}.
 */
public final class StickyForgetsOwnersRules extends LogRules {

    @Override
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        return super.assign(assignor, members, partitions, Map.of());
    }
}
