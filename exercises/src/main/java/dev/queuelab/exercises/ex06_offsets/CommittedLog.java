package dev.queuelab.exercises.ex06_offsets;

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
 * Exercise 6: committed offsets, resume and replay.
 *
 * Teaches: a log keeps its records after they are read, so a consumer's progress is only a number: the
 * offset of the next record to read. A group commits that number per partition, and whoever owns the
 * partition next, after a crash or a rebalance, resumes exactly there: records after it are not skipped,
 * records before it are not processed again unless someone asks to replay them, which is just a read from
 * an earlier offset.
 * Invariants: L9 a commit from a member of another generation, or from a non-member, is refused and stores
 *   nothing; L10 a committed offset is the next offset to read, and a member given a partition starts at it
 *   (at the reset position, earliest or latest, only when the group never committed one).
 * Thread-safety: every public method is synchronized on the log.
 * Real world: Kafka's OffsetCommit and OffsetFetch (the __consumer_offsets topic), auto.offset.reset, and a
 * consumer's seek to replay.
 */
public class CommittedLog implements PartitionedLog {

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

    public CommittedLog(LogConfig config, InstantSource clock) {
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

    // ---- appends and reads (exercise 5, written for you; seek is this exercise's) ----

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
        // Exercise 6: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 6: CommittedLog.offsetFor is not written yet; the task is in the README.md next to CommittedLog.java");
    }

    // ---- consumer groups (exercise 7, written for you) ----

    @Override
    public synchronized Assignment join(String group, String memberId) {
        Group g = groups.computeIfAbsent(group, Group::new);
        expireSessions(g);
        boolean known = g.lastHeartbeat.containsKey(memberId);
        g.lastHeartbeat.put(memberId, clock.instant());
        if (!known) {
            rebalance(g);
        }
        return new Assignment(group, memberId, g.generation, g.assignment.get(memberId));
    }

    @Override
    public synchronized void leave(String group, String memberId) {
        Group g = groups.get(group);
        if (g != null && g.lastHeartbeat.remove(memberId) != null) {
            rebalance(g);
        }
    }

    @Override
    public synchronized HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        Group g = live(group);
        if (g == null || !g.lastHeartbeat.containsKey(memberId)) {
            return HeartbeatOutcome.UNKNOWN_MEMBER_ID;
        }
        if (generation != g.generation) {
            return HeartbeatOutcome.ILLEGAL_GENERATION;
        }
        g.lastHeartbeat.put(memberId, clock.instant());
        return HeartbeatOutcome.OK;
    }

    /** Drops every member whose session deadline (last heartbeat + session timeout) has come: one new generation. */
    private void expireSessions(Group g) {
        Instant now = clock.instant();
        if (g.lastHeartbeat.values().removeIf(last -> !now.isBefore(last.plus(config.sessionTimeout())))) {
            rebalance(g);
        }
    }

    /** A new generation: the partitions shared out again over the live members, sorted by id. */
    private void rebalance(Group g) {
        g.generation++;
        List<String> members = new ArrayList<>(g.lastHeartbeat.keySet());
        Map<String, List<Integer>> next = new TreeMap<>();
        members.forEach(m -> next.put(m, new ArrayList<>()));
        int n = config.partitions();
        for (int p = 0; p < n && !members.isEmpty(); p++) {
            int owner = config.assignor() == Assignor.ROUND_ROBIN ? p % members.size() : rangeOwner(p, n, members.size());
            next.get(members.get(owner)).add(p);
        }
        g.assignment = next;
    }

    /** Range: n / members consecutive partitions each, the first n % members members one more. */
    private static int rangeOwner(int partition, int n, int members) {
        int each = n / members;
        int extra = n % members;
        int bigShares = extra * (each + 1);
        return partition < bigShares ? partition / (each + 1) : extra + (partition - bigShares) / each;
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

    // ---- committed offsets (this exercise) ----

    @Override
    public synchronized CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        config.requirePartition(partition);
        // Exercise 6: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 6: CommittedLog.commit is not written yet; the task is in the README.md next to CommittedLog.java");
    }

    @Override
    public synchronized OptionalLong committed(String group, int partition) {
        config.requirePartition(partition);
        // Exercise 6: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 6: CommittedLog.committed is not written yet; the task is in the README.md next to CommittedLog.java");
    }

    @Override
    public synchronized long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        // Exercise 6: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 6: CommittedLog.resumeOffset is not written yet; the task is in the README.md next to CommittedLog.java");
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
