package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.reference.log.LogRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bug gallery (log): Gives each member of an assignment one partition past its share (an inclusive end):
 * neighbouring members both own the partition on their boundary, and its records are processed twice.
 *
 * <p>Caught as {@code single-owner}.
 */
public final class RangeInclusiveEndRules extends LogRules {

    @Override
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        super.assign(assignor, members, partitions, previous).forEach((m, ps) -> {
            List<Integer> mine = new ArrayList<>(ps);
            if (!ps.isEmpty() && ps.get(ps.size() - 1) + 1 < partitions) {
                mine.add(ps.get(ps.size() - 1) + 1);
            }
            out.put(m, mine);
        });
        return out;
    }
}
