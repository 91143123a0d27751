package dev.queuelab.exercises.ex08_idempotence;

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
import dev.queuelab.api.log.UnknownProducerIdException;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exercise 8: the idempotent producer.
 *
 * Teaches: a producer that never got the answer to an append cannot tell whether it was written, so it sends
 * it again; without help the log writes it twice. The idempotent producer numbers its appends per partition
 * (0, 1, 2...) under an id the log gave it, and the log remembers the latest numbers it wrote: a retry of one
 * of them is answered with the original offset and written once, and a number that skips ahead is refused,
 * so that no append is silently missing in between.
 * Invariants: L12 an idempotent append is written once per (producer id, partition, sequence): a retry of one
 *   of the producer's last 5 appends to a partition is a DUPLICATE naming the original offset; the producer's
 *   first append to a partition may carry any sequence, and after it a sequence that is not the next one is
 *   OUT_OF_ORDER_SEQUENCE; an epoch older than the producer id's latest is PRODUCER_FENCED; L1 and L2 as in
 *   exercise 5.
 * Thread-safety: every public method is synchronized on the log.
 * Real world: Kafka's idempotent producer (enable.idempotence, KIP-98): InitProducerId, the broker's
 * ProducerStateManager and its DUPLICATE_SEQUENCE_NUMBER and OUT_OF_ORDER_SEQUENCE_NUMBER errors.
 */
public class IdempotentLog implements PartitionedLog {

    /** The idempotent producer over appends and reads: no groups, transactions or retention in this exercise. */
    static final LogCapabilities CAPABILITIES = new LogCapabilities(false, true, false, false, false);

    /**
     * How many of a producer's latest appends per partition are remembered to answer retries: 5, as many as a
     * Kafka producer may have in flight (max.in.flight.requests.per.connection).
     */
    static final int REMEMBERED = 5;

    /** What the log remembers of one producer on one partition: its last sequence and the offsets of its latest. */
    private static final class Sequences {
        int last = -1;
        final Deque<long[]> recent = new ArrayDeque<>();               // {sequence, offset}, oldest first
    }

    private final LogConfig config;
    private final InstantSource clock;
    private final List<List<ConsumerRecord>> partitions = new ArrayList<>();   // each partition's records, by offset
    private long nullKeyed;                                                   // null-keyed appends so far: round-robin
    private final Map<Long, Short> epochs = new HashMap<>();                   // producer id -> its latest epoch
    private final Map<String, Sequences> sequences = new HashMap<>();          // "producerId/partition" -> its sequences
    private long nextProducerId;

    public IdempotentLog(LogConfig config, InstantSource clock) {
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

    // ---- the idempotent producer (this exercise) ----

    @Override
    public synchronized ProducerIdAndEpoch initProducerId() {
        // Exercise 8: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 8: IdempotentLog.initProducerId is not written yet; the task is in the README.md next to IdempotentLog.java");
    }

    @Override
    public synchronized AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        config.requirePartition(partition);
        Short latest = epochs.get(producer.producerId());
        if (latest == null) {
            throw new UnknownProducerIdException(producer.producerId());
        }
        // Exercise 8: yours to write; the task is in the README.md next to this file.
        throw new UnsupportedOperationException("exercise 8: IdempotentLog.append is not written yet; the task is in the README.md next to IdempotentLog.java");
    }

    // ---- not in this exercise ----

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
