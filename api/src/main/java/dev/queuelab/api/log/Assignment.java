package dev.queuelab.api.log;

import java.util.List;

/**
 * A member's share of a group in one generation. A commit or heartbeat must name this generation: once the
 * group rebalances, the old generation is fenced.
 *
 * @param partitions in ascending order; empty when there are more members than partitions
 */
public record Assignment(String group, String memberId, int generation, List<Integer> partitions) {

    public Assignment {
        partitions = List.copyOf(partitions);
    }
}
