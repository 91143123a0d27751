package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.reference.log.LogRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bug gallery (log): A cooperative-sticky coordinator that lets every member keep up to ceil(P / C) of what
 * it owned, forgetting that only P % C members may hold one over the floor: when more old owners than that
 * held a lot, the newcomer is left with nothing while others keep two.
 *
 * <p>Caught as {@code wrong-assignment}.
 */
public final class StickyKeepsCeilingRules extends LogRules {

    @Override
    protected Map<String, List<Integer>> assign(
            Assignor assignor, List<String> members, int partitions, Map<String, List<Integer>> previous) {
        if (assignor != Assignor.COOPERATIVE_STICKY || members.isEmpty()) {
            return super.assign(assignor, members, partitions, previous);
        }
        List<String> sorted = members.stream().distinct().sorted().toList();
        int ceiling = (partitions + sorted.size() - 1) / sorted.size();
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        boolean[] taken = new boolean[partitions];
        for (String m : sorted) {
            List<Integer> mine = new ArrayList<>();
            for (int p : previous.getOrDefault(m, List.of())) {
                if (p < partitions && mine.size() < ceiling && !taken[p]) { // every member up to the ceiling
                    mine.add(p);
                    taken[p] = true;
                }
            }
            out.put(m, mine);
        }
        for (int p = 0; p < partitions; p++) {
            if (!taken[p]) {
                out.values().stream()
                        .min(Comparator.comparingInt(List::size))
                        .orElseThrow()
                        .add(p);
            }
        }
        out.values().forEach(ps -> ps.sort(null));
        return out;
    }
}
