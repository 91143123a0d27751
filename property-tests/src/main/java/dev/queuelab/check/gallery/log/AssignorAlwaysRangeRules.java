package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.reference.log.LogRules;
import java.util.List;
import java.util.Map;

/**
 * Bug gallery (log): Assigns by range whatever assignor the group asked for: the shares a round-robin group
 * plans for (and its consumers' load) are not the ones it gets.
 *
 * <p>Caught as {@code wrong-assignment}.
 */
public final class AssignorAlwaysRangeRules extends LogRules {

    @Override
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        return super.assign(Assignor.RANGE, members, partitions, previous);
    }
}
