package dev.queuelab.exercises.ex05_partitions;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exercise 5: keys, partitions and per-key order.
 *
 * Teaches: a topic is split into partitions so that it can grow past one machine, and a record's key picks its
 * partition with a hash that every producer computes the same way, so all the records of one key land in one
 * partition and keep their order there. Each partition is an append-only sequence numbered by offset, and a
 * read is just "give me up to max records from this offset": nothing is removed by reading.
 * Invariants: L1 a partition's offsets are 0, 1, 2... in append order, never reused or changed: reading an
 *   offset again returns the same record; L2 a keyed record goes to toPositive(murmur2(utf8(key))) % N, a
 *   null key to the partitions in turn; L3 a read returns the records from its offset on, in order, at most max,
 *   and refuses an offset outside [log start offset, high watermark].
 * Thread-safety: every public method is synchronized on the log.
 * Real world: Kafka's producer with its default partitioner (BuiltInPartitioner: murmur2 of the key bytes) and
 * a consumer's fetch; Kinesis hashes the partition key with MD5 over shard hash-key ranges instead.
 */
public class KeyedLog implements PartitionedLog {

    /** Appends, reads and offsets only: no groups, producer ids, transactions or retention in this exercise. */
    static final LogCapabilities CAPABILITIES = LogCapabilities.PLAIN;

    private final LogConfig config;
    private final InstantSource clock;
    private final List<List<ConsumerRecord>> partitions = new ArrayList<>();   // each partition's records, by offset
    private long nullKeyed;                                                   // null-keyed appends so far: round-robin

    public KeyedLog(LogConfig config, InstantSource clock) {
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

    // ---- appends and reads (this exercise) ----

    @Override
    public synchronized AppendOutcome append(String key, String value, Map<String, String> headers) {
        // begin exercise 5
        int p = key == null ? (int) (nullKeyed++ % config.partitions()) : partitionFor(key);
        return append(p, new ProducerRecord(key, value, headers));
        // end exercise 5
    }

    @Override
    public synchronized AppendOutcome append(int partition, ProducerRecord record) {
        // begin exercise 5
        List<ConsumerRecord> log = partitions.get(config.requirePartition(partition));
        log.add(new ConsumerRecord(partition, log.size(), clock.instant(), record.key(), record.value(), record.headers()));
        return AppendOutcome.appended(partition, log.size() - 1);
        // end exercise 5
    }

    @Override
    public int partitionFor(String key) {
        // begin exercise 5
        return DefaultPartitioner.partition(key, config.partitions());
        // end exercise 5
    }

    @Override
    public synchronized FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        // begin exercise 5
        List<ConsumerRecord> log = partitions.get(config.requirePartition(partition));
        if (fromOffset < 0 || fromOffset > log.size()) {
            throw new OffsetOutOfRangeException(partition, fromOffset, 0, log.size());
        }
        List<ConsumerRecord> out = log.subList((int) fromOffset, (int) Math.min(log.size(), fromOffset + max));
        return new FetchResult(partition, out, fromOffset + out.size(), 0, log.size(), log.size());
        // end exercise 5
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

    // ---- consumer groups: not in this exercise (a reader outside any group reads by offset) ----

    @Override
    public Assignment join(String group, String memberId) {
        throw noGroups();
    }

    @Override
    public void leave(String group, String memberId) {
        throw noGroups();
    }

    @Override
    public HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        throw noGroups();
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        throw noGroups();
    }

    /** No group has members here: every group is empty, in generation 0. */
    @Override
    public GroupDescription describeGroup(String group) {
        return new GroupDescription(group, 0, Map.of());
    }

    @Override
    public List<String> groups() {
        return List.of();
    }

    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        throw noGroups();
    }

    @Override
    public OptionalLong committed(String group, int partition) {
        throw noGroups();
    }

    @Override
    public long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        throw noGroups();
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

    private static UnsupportedOperationException noGroups() {
        return new UnsupportedOperationException("consumer groups are exercises 6 (CommittedLog) and 7 (GroupLog);"
                + " this log declares no groups");
    }

    private static UnsupportedOperationException noTransactions() {
        return new UnsupportedOperationException("transactions are not in the exercises: read KafkaLog and"
                + " docs/partitioned-log.md#transactions-and-read_committed");
    }
}
