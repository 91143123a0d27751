package dev.queuelab.exercises.ex07_groups;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.DefaultPartitioner;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Exercise 7: consumer groups and rebalancing.
 *
 * Teaches: a group shares a topic's partitions among its live members, one owner per partition; every change
 * of membership (a join, a leave, a session that timed out) starts a new generation with a fresh assignment,
 * and the generation number is what stops a member that missed the change from acting on partitions that
 * are someone else's now.
 * Invariants: L8 in every generation of a non-empty group each partition has exactly one owner, a live member;
 *   L9 a new member, a leave or an expired session starts a new generation; a heartbeat or commit naming
 *   another generation, or from a non-member, is refused and changes nothing.
 * Thread-safety: every public method is synchronized on the log.
 * Real world: Kafka's group coordinator (JoinGroup, SyncGroup and Heartbeat, session.timeout.ms, the range
 * and round-robin assignors), with the join and sync phases done in one call.
 */
public class GroupLog implements PartitionedLog {

    /** Groups over plain appends: no producer ids, transactions or retention in this exercise. */
    static final LogCapabilities CAPABILITIES = new LogCapabilities(true, false, false, false, false);

    /** One consumer group as its coordinator keeps it. */
    private static final class Group {
        final String id;
        final Map<String, Instant> lastHeartbeat = new TreeMap<>();       // the live members, sorted by id
        final Map<Integer, Long> committed = new HashMap<>();
        Map<String, List<Integer>> assignment = Map.of();
        int generation;

        Group(String id) {
            this.id = id;
        }
    }

    private final LogConfig config;
    private final InstantSource clock;
    private final List<List<ConsumerRecord>> partitions = new ArrayList<>();   // each partition's records, by offset
    private final Map<String, Group> groups = new TreeMap<>();
    private long nullKeyed;                                                   // null-keyed appends so far: round-robin

    public GroupLog(LogConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        for (int p = 0; p < config.partitions(); p++) {
            partitions.add(new ArrayList<>());
        }
    }

    @Override
    public LogConfig config() {
        return config;
    }

    @Override
    public LogCapabilities capabilities() {
        return CAPABILITIES;
    }

    // ---- appends and reads (exercise 5, written for you) ----

    @Override
    public synchronized AppendOutcome append(String key, String value, Map<String, String> headers) {
        int p = key == null ? (int) (nullKeyed++ % config.partitions()) : partitionFor(key);
        return append(p, new ProducerRecord(key, value, headers));
    }

    @Override
    public synchronized AppendOutcome append(int partition, ProducerRecord record) {
        List<ConsumerRecord> log = partitions.get(config.requirePartition(partition));
        log.add(new ConsumerRecord(partition, log.size(), clock.instant(), record.key(), record.value(), record.headers()));
        return AppendOutcome.appended(partition, log.size() - 1);
    }

    @Override
    public int partitionFor(String key) {
        return DefaultPartitioner.partition(key, config.partitions());
    }

    @Override
    public synchronized FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        List<ConsumerRecord> log = partitions.get(config.requirePartition(partition));
        if (fromOffset < 0 || fromOffset > log.size()) {
            throw new OffsetOutOfRangeException(partition, fromOffset, 0, log.size());
        }
        List<ConsumerRecord> out = log.subList((int) fromOffset, (int) Math.min(log.size(), fromOffset + max));
        return new FetchResult(partition, out, fromOffset + out.size(), 0, log.size(), log.size());
    }

    @Override
    public synchronized long logStartOffset(int partition) {
        config.requirePartition(partition);
        return 0;
    }

    @Override
    public synchronized long highWatermark(int partition) {
        return partitions.get(config.requirePartition(partition)).size();
    }

    @Override
    public synchronized long lastStableOffset(int partition) {
        return highWatermark(partition);
    }

    @Override
    public synchronized long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        List<ConsumerRecord> log = partitions.get(config.requirePartition(partition));
        if (seek instanceof Seek.ToOffset to) {
            return to.offset();
        }
        if (seek instanceof Seek.ToTimestamp at) {
            return log.stream().filter(r -> !r.timestamp().isBefore(at.timestamp())).findFirst()
                    .map(ConsumerRecord::offset).orElse((long) log.size());
        }
        return seek instanceof Seek.Earliest ? 0 : log.size();
    }

    // ---- consumer groups (this exercise) ----

    @Override
    public synchronized Assignment join(String group, String memberId) {
        Group g = groups.computeIfAbsent(group, Group::new);
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.join is not written yet; the task is in the README.md next to GroupLog.java");
    }

    @Override
    public synchronized void leave(String group, String memberId) {
        Group g = groups.get(group);
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.leave is not written yet; the task is in the README.md next to GroupLog.java");
    }

    @Override
    public synchronized HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        Group g = live(group);
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.heartbeat is not written yet; the task is in the README.md next to GroupLog.java");
    }

    /** Drops every member whose session deadline (last heartbeat + session timeout) has come: one new generation. */
    private void expireSessions(Group g) {
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.expireSessions is not written yet; the task is in the README.md next to GroupLog.java");
    }

    /** A new generation: the partitions shared out again over the live members, sorted by id. */
    private void rebalance(Group g) {
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.rebalance is not written yet; the task is in the README.md next to GroupLog.java");
    }

    /** Range: n / members consecutive partitions each, the first n % members members one more. */
    private static int rangeOwner(int partition, int n, int members) {
        // Exercise 7: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 7: GroupLog.rangeOwner is not written yet; the task is in the README.md next to GroupLog.java");
    }

    @Override
    public synchronized Optional<Assignment> assignment(String group, String memberId) {
        Group g = live(group);
        return g == null || !g.lastHeartbeat.containsKey(memberId) ? Optional.empty()
                : Optional.of(new Assignment(group, memberId, g.generation, g.assignment.get(memberId)));
    }

    @Override
    public synchronized GroupDescription describeGroup(String group) {
        Group g = live(group);
        return g == null ? new GroupDescription(group, 0, Map.of()) : new GroupDescription(group, g.generation, g.assignment);
    }

    @Override
    public synchronized List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** The group, its expired members gone, or null if it never had a member. */
    private Group live(String group) {
        Group g = groups.get(group);
        if (g != null) {
            expireSessions(g);
        }
        return g;
    }

    // ---- committed offsets (exercise 6, written for you) ----

    @Override
    public synchronized CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        config.requirePartition(partition);
        Group g = live(group);
        if (g == null || !g.lastHeartbeat.containsKey(memberId)) {
            return CommitOutcome.UNKNOWN_MEMBER_ID;
        }
        if (generation != g.generation) {
            return CommitOutcome.ILLEGAL_GENERATION;
        }
        g.committed.put(partition, offset);
        return CommitOutcome.COMMITTED;
    }

    @Override
    public synchronized OptionalLong committed(String group, int partition) {
        config.requirePartition(partition);
        Group g = groups.get(group);
        Long offset = g == null ? null : g.committed.get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    @Override
    public synchronized long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        OptionalLong c = committed(group, partition);
        return c.isPresent() && c.getAsLong() <= highWatermark(partition) ? c.getAsLong() : offsetFor(partition, reset, isolation);
    }

    // ---- not in this exercise ----

    @Override
    public ProducerIdAndEpoch initProducerId() {
        throw new UnsupportedOperationException("the idempotent producer is exercise 8 (IdempotentLog); this log declares no idempotence");
    }

    @Override
    public AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        throw new UnsupportedOperationException("the idempotent producer is exercise 8 (IdempotentLog); this log declares no idempotence");
    }

    @Override
    public ProducerIdAndEpoch initTransactions(String transactionalId) {
        throw noTransactions();
    }

    @Override
    public TransactionOutcome beginTransaction(ProducerIdAndEpoch producer) {
        throw noTransactions();
    }

    @Override
    public TransactionOutcome sendOffsetsToTransaction(ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        throw noTransactions();
    }

    @Override
    public TransactionOutcome commitTransaction(ProducerIdAndEpoch producer) {
        throw noTransactions();
    }

    @Override
    public TransactionOutcome abortTransaction(ProducerIdAndEpoch producer) {
        throw noTransactions();
    }

    private static UnsupportedOperationException noTransactions() {
        return new UnsupportedOperationException("transactions are not in the exercises: read KafkaLog and"
                + " docs/partitioned-log.md#transactions-and-read_committed");
    }
}
