package dev.queuelab.reference.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's two classic assignors for one topic.
 *
 * Teaches: an assignment is a pure function of the sorted member ids and the partition count, so every member
 * can compute it and a story can predict it.
 * Invariants:
 *   A1 every partition goes to exactly one member; a member may get none when members outnumber partitions;
 *   A2 shares differ by at most one partition;
 *   A3 the same members and partitions give the same assignment, whatever the order of joining.
 * Thread-safety: stateless.
 * Real world: Kafka's RangeAssignor and RoundRobinAssignor for a single topic (across topics they differ:
 * range repeats per topic, round-robin deals all topics' partitions in one sequence). Kinesis has no
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
            int count = each + (i < extra ? 1 : 0); // A2: the first `extra` members take one more
            for (int k = 0; k < count; k++) {
                out.get(sorted.get(i)).add(next++); // A1: each partition handed out once
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

    private static List<String> sorted(List<String> members) {
        return members.stream().distinct().sorted().toList(); // A3
    }

    private static Map<String, List<Integer>> empty(List<String> sorted) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        sorted.forEach(m -> out.put(m, new ArrayList<>()));
        return out;
    }
}
