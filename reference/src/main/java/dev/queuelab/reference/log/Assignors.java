package dev.queuelab.reference.log;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's assignors for one topic: the two classic ones and the cooperative-sticky one.
 *
 * Teaches: range and round-robin are pure functions of the sorted member ids and the partition count, so every
 * member can compute them and a story can predict them; sticky also reads who owned what, so that a rebalance
 * moves only the partitions it must (each one moved is a consumer that stops, and one that starts cold).
 * Invariants:
 *   AS1 every partition goes to exactly one member; a member may get none when members outnumber partitions;
 *   AS2 shares differ by at most one partition;
 *   AS3 the same members and partitions (and, for sticky, the same previous owners) give the same assignment,
 *      whatever the order of joining;
 *   AS4 sticky: of all shares that keep AS1 and AS2, one that leaves the most partitions with their old owner.
 * Thread-safety: stateless.
 * Real world: Kafka's RangeAssignor, RoundRobinAssignor and CooperativeStickyAssignor for a single topic
 * (across topics range repeats per topic and round-robin deals all topics' partitions in one sequence; the
 * cooperative protocol's two rebalances are one step here, see {@link dev.queuelab.api.log.Assignor}). Kinesis has no
 * coordinator (the KCL's workers take shard leases from a DynamoDB table); Redis Streams hands entries,
 * not partitions, to the consumers of a group.
 */
public final class Assignors {

    private Assignors() {}

    /** P / C consecutive partitions each, the first P % C members one more: 5 over A, B gives A 0-2, B 3-4. */
    public static Map<String, List<Integer>> range(List<String> members, int partitions) {
        List<String> sorted = sorted(members);
        Map<String, List<Integer>> out = empty(sorted);
        if (sorted.isEmpty()) {
            return out;
        }
        int each = partitions / sorted.size();
        int extra = partitions % sorted.size();
        int next = 0;
        for (int i = 0; i < sorted.size(); i++) {
            int count = each + (i < extra ? 1 : 0); // AS2: the first `extra` members take one more
            for (int k = 0; k < count; k++) {
                out.get(sorted.get(i)).add(next++); // AS1: each partition handed out once
            }
        }
        return out;
    }

    /** Partition i to member i % C: 5 over A, B gives A 0, 2, 4 and B 1, 3. */
    public static Map<String, List<Integer>> roundRobin(List<String> members, int partitions) {
        List<String> sorted = sorted(members);
        Map<String, List<Integer>> out = empty(sorted);
        for (int p = 0; !sorted.isEmpty() && p < partitions; p++) {
            out.get(sorted.get(p % sorted.size())).add(p);
        }
        return out;
    }

    /**
     * AS4: each member first keeps what it owned, up to its quota; the members that owned the most get the
     * P % C quotas of one more; what is left goes, lowest partition first, to the member with the fewest.
     * 5 partitions: A 0-2, B 3-4, then C joins: A keeps 0-1, B keeps 3-4, C gets 2.
     */
    public static Map<String, List<Integer>> cooperativeSticky(
            List<String> members, int partitions, Map<String, List<Integer>> previous) {
        List<String> sorted = sorted(members);
        Map<String, List<Integer>> out = empty(sorted);
        if (sorted.isEmpty()) {
            return out;
        }
        Map<String, List<Integer>> held = new LinkedHashMap<>();
        sorted.forEach(m -> held.put(
                m,
                previous.getOrDefault(m, List.of()).stream()
                        .filter(p -> p < partitions)
                        .sorted()
                        .toList()));
        List<String> mostFirst = sorted.stream()
                .sorted(Comparator.comparingInt((String m) -> -held.get(m).size()))
                .toList(); // stable: ties stay in id order
        Map<String, Integer> quota = new LinkedHashMap<>();
        boolean[] taken = new boolean[partitions];
        for (int i = 0; i < mostFirst.size(); i++) {
            String m = mostFirst.get(i);
            quota.put(m, partitions / sorted.size() + (i < partitions % sorted.size() ? 1 : 0)); // AS2
            for (int p : held.get(m)) {
                if (out.get(m).size() < quota.get(m) && !taken[p]) {
                    out.get(m).add(p);
                    taken[p] = true;
                }
            }
        }
        for (int p = 0; p < partitions; p++) {
            if (!taken[p]) { // AS1: each free partition once, to the least loaded member with room
                String to = sorted.stream()
                        .filter(m -> out.get(m).size() < quota.get(m))
                        .min(Comparator.comparingInt(m -> out.get(m).size()))
                        .orElseThrow();
                out.get(to).add(p);
            }
        }
        out.values().forEach(ps -> ps.sort(null));
        return out;
    }

    private static List<String> sorted(List<String> members) {
        return members.stream().distinct().sorted().toList(); // AS3
    }

    private static Map<String, List<Integer>> empty(List<String> sorted) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        sorted.forEach(m -> out.put(m, new ArrayList<>()));
        return out;
    }
}
