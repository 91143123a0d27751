package dev.queuelab.reference.log;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.LogConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A consumer group as its coordinator keeps it: members with their last heartbeat, the generation, who owns
 * which partition, and the committed offsets.
 *
 * Teaches: the group shares the partitions so that each is read by one member; every change of membership
 * starts a new generation, and the generation number is what stops a member that missed the change from
 * committing over the new owner's work.
 * Invariants (numbered as in {@link KafkaLog}):
 *   L8  in every generation, each partition is owned by exactly one member (none when the group is empty);
 *   L9  a join of a new member, a leave, or an expired session starts a new generation (one more than the
 *       last) with a fresh assignment; a heartbeat or commit naming another generation, or from a non-member,
 *       changes nothing, except a commit from no member (generation -1) while the group has no members, which
 *       is stored (as Kafka stores an assign() user's or an admin tool's);
 *   L10 committed offsets survive generations and members; the group resumes a partition at its committed
 *       offset.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's classic GroupCoordinator, with the join and sync phases collapsed into one step: the
 * rebalance completes inside the call that caused it, and members learn of it from ILLEGAL_GENERATION.
 * Kinesis's KCL keeps shard leases and checkpoints in DynamoDB, with no generations (a lease counter instead);
 * Redis Streams' groups keep a last-delivered id and a pending list per consumer, acked entry by entry.
 */
public class ConsumerGroup {

    private final String id;
    private final LogConfig config;
    private final LogRules rules;
    private final Map<String, Instant> lastHeartbeat = new TreeMap<>(); // sorted by member id
    private final Map<Integer, Long> committed = new HashMap<>();
    private Map<String, List<Integer>> assignment = Map.of();
    private int generation;

    public ConsumerGroup(String id, LogConfig config, LogRules rules) {
        this.id = id;
        this.config = config;
        this.rules = rules;
    }

    public int generation() {
        return generation;
    }

    /** A member that joins again keeps its share (and refreshes its session); a new one rebalances (L9). */
    public Assignment join(String memberId, Instant now) {
        boolean known = lastHeartbeat.containsKey(memberId);
        lastHeartbeat.put(memberId, now);
        if (!known) {
            rebalance();
        }
        return assignmentOf(memberId).orElseThrow();
    }

    /** True if it was a member, and the group rebalanced without it (L9). */
    public boolean leave(String memberId) {
        boolean member = lastHeartbeat.remove(memberId) != null;
        if (member) {
            rebalance(); // L9
        }
        return member;
    }

    public HeartbeatOutcome heartbeat(String memberId, int presentedGeneration, Instant now) {
        if (!lastHeartbeat.containsKey(memberId)) {
            return HeartbeatOutcome.UNKNOWN_MEMBER_ID;
        }
        HeartbeatOutcome answer = rules.generationMatches(presentedGeneration, generation)
                ? HeartbeatOutcome.OK
                : HeartbeatOutcome.ILLEGAL_GENERATION; // L9
        if (rules.refreshesSession(answer)) {
            lastHeartbeat.put(memberId, now); // L9: a refused heartbeat keeps no stale member alive
        }
        return answer;
    }

    /** Removes every member whose session has expired at {@code now}: one new generation for all of them. */
    public void expireSessions(Instant now) {
        boolean removed =
                lastHeartbeat.values().removeIf(last -> rules.sessionExpired(last, now, config.sessionTimeout()));
        if (removed) {
            rebalance(); // L9
        }
    }

    public CommitOutcome commit(String memberId, int presentedGeneration, int partition, long offset) {
        if (rules.commitsWithoutMembership(presentedGeneration, lastHeartbeat.isEmpty())) {
            committed.put(partition, offset); // L9: no membership, and none to fence: an empty group takes it
            return CommitOutcome.COMMITTED;
        }
        if (!lastHeartbeat.containsKey(memberId)) {
            return CommitOutcome.UNKNOWN_MEMBER_ID;
        }
        if (!rules.generationMatches(presentedGeneration, generation)) {
            return CommitOutcome.ILLEGAL_GENERATION; // L9: fenced
        }
        committed.put(partition, offset);
        return CommitOutcome.COMMITTED;
    }

    /** A transaction's offsets: fenced by the producer's epoch, not by this group's generation. */
    public void commitFromTransaction(Map<Integer, Long> offsets) {
        committed.putAll(offsets);
    }

    public OptionalLong committed(int partition) {
        Long offset = committed.get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    public Optional<Assignment> assignmentOf(String memberId) {
        List<Integer> owned = assignment.get(memberId);
        return owned == null || !lastHeartbeat.containsKey(memberId)
                ? Optional.empty()
                : Optional.of(new Assignment(id, memberId, generation, owned));
    }

    public GroupDescription describe() {
        return new GroupDescription(id, generation, assignment);
    }

    private void rebalance() {
        generation++;
        Map<String, List<Integer>> next = new TreeMap<>();
        rules.assign(config.assignor(), new ArrayList<>(lastHeartbeat.keySet()), config.partitions(), assignment)
                .forEach((member, owned) -> next.put(member, List.copyOf(owned))); // L8
        assignment = next;
    }
}
