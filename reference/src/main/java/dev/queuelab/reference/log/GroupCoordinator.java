package dev.queuelab.reference.log;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.LogConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The log's consumer groups by name: creates a group on its first join (or first transactional commit, or first
 * commit from no member) and answers for groups it has never seen.
 *
 * Teaches: groups are independent of each other: each has its own members, generation and offsets over the
 * same records, which is how many applications read one log without copying it.
 * Invariants (numbered as in {@link KafkaLog}): L8, L9 and L10 hold per group ({@link ConsumerGroup}); a
 * group never seen has generation 0, no members and no committed offsets.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's GroupCoordinator with its __consumer_offsets log (here a map). Kinesis applications each
 * keep their own DynamoDB lease table; Redis Streams keeps groups inside the stream (XGROUP CREATE).
 */
public class GroupCoordinator {

    private final LogConfig config;
    private final LogRules rules;
    private final Map<String, ConsumerGroup> groups = new TreeMap<>();
    private Instant sweptAt; // the instant sessions were last swept at

    public GroupCoordinator(LogConfig config, LogRules rules) {
        this.config = config;
        this.rules = rules;
    }

    /**
     * L9: every group drops its expired members at {@code now}, once per instant: a member is stamped with the
     * instant of its join or heartbeat, and a session timeout is positive, so none can expire at an instant
     * already swept.
     */
    public void expireSessions(Instant now) {
        if (!now.equals(sweptAt)) {
            sweptAt = now;
            for (ConsumerGroup g : groups.values()) {
                g.expireSessions(now);
            }
        }
    }

    public Assignment join(String group, String memberId, Instant now) {
        Objects.requireNonNull(memberId, "memberId");
        return groupNamed(group).join(memberId, now);
    }

    /** True if the member was in the group (and the group rebalanced). */
    public boolean leave(String group, String memberId) {
        return find(group).map(g -> g.leave(memberId)).orElse(false);
    }

    public HeartbeatOutcome heartbeat(String group, String memberId, int generation, Instant now) {
        return find(group).map(g -> g.heartbeat(memberId, generation, now)).orElse(HeartbeatOutcome.UNKNOWN_MEMBER_ID);
    }

    public Optional<Assignment> assignment(String group, String memberId) {
        return find(group).flatMap(g -> g.assignmentOf(memberId));
    }

    public GroupDescription describe(String group) {
        return find(group).map(ConsumerGroup::describe).orElse(new GroupDescription(group, 0, Map.of()));
    }

    /** L9: a commit from no member into a group never seen creates it (Kafka's "simple" group). */
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        Optional<ConsumerGroup> g = find(group);
        if (g.isEmpty() && rules.commitsWithoutMembership(generation, true)) {
            g = Optional.of(groupNamed(group));
        }
        return g.map(x -> x.commit(memberId, generation, partition, offset)).orElse(CommitOutcome.UNKNOWN_MEMBER_ID);
    }

    /** L14: a committed transaction's offsets, for a group that may have no members yet. */
    public void commitFromTransaction(String group, Map<Integer, Long> offsets) {
        groupNamed(group).commitFromTransaction(offsets);
    }

    public OptionalLong committed(String group, int partition) {
        return find(group).map(g -> g.committed(partition)).orElse(OptionalLong.empty());
    }

    public List<String> names() {
        return List.copyOf(groups.keySet());
    }

    private Optional<ConsumerGroup> find(String group) {
        return Optional.ofNullable(groups.get(Objects.requireNonNull(group, "group")));
    }

    private ConsumerGroup groupNamed(String group) {
        return groups.computeIfAbsent(Objects.requireNonNull(group, "group"), g -> new ConsumerGroup(g, config, rules));
    }
}
