package dev.queuelab.brokers;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The log contract over a real Kafka topic, each call the way a Kafka application makes it: plain appends through
 * Kafka's producer (its built-in partitioner, acks=all), reads and offsets through its consumers
 * ({@link KafkaReads}); the idempotent producer with the caller's own sequences and transactions by producer id
 * over Kafka's wire ({@link KafkaExactlyOnce}: InitProducerId, Produce with the producer's id, epoch and base
 * sequence, AddPartitionsToTxn, AddOffsetsToTxn and TxnOffsetCommit, EndTxn), a group's offsets
 * ({@link KafkaOffsets}: OffsetCommit with the member's id and the generation it presents, OffsetFetch,
 * ListGroups) and its membership ({@link KafkaGroups}: JoinGroup, SyncGroup, Heartbeat, LeaveGroup and
 * DescribeGroups of Kafka's classic protocol, a connection per member, every rebalance completed inside the call
 * that began it). Each answer is translated as it came, into the reference's outcome of the same meaning.
 *
 * <p>Invariants:
 *   KA1 one topic per log, made for it and never shared; one Kafka group per group of the log (KG6)
 *   KA2 a read returns records in offset order from the offset asked, at most {@code max}, as the broker gave them
 *   KA3 a group resumes at its committed offset while the partition serves it, else where its reset seeks.
 *
 * <p>Thread-safety: one thread (the runner's). Real world: Apache Kafka 4.x, KRaft.
 */
final class KafkaLog implements PartitionedLog {

    private final LogConfig config;
    private final LogCapabilities capabilities;
    private final String topic;
    private final Producer<String, String> producer;
    private final Consumer<String, String> uncommitted;
    private final Consumer<String, String> committed;
    private final KafkaReads reads;
    private final KafkaNodes nodes;
    private final KafkaExactlyOnce exactlyOnce;
    private final KafkaOffsets commits;
    private final KafkaGroups membership;

    KafkaLog(
            LogConfig config,
            LogCapabilities capabilities,
            String topic,
            Producer<String, String> producer,
            Consumer<String, String> uncommitted,
            Consumer<String, String> committed,
            KafkaNodes nodes,
            InstantSource clock) {
        this.config = config;
        this.capabilities = capabilities;
        this.topic = topic;
        this.producer = producer;
        this.uncommitted = uncommitted;
        this.committed = committed;
        this.reads = new KafkaReads(config, topic, uncommitted, committed);
        this.nodes = nodes;
        this.commits = new KafkaOffsets(nodes, topic);
        this.membership = new KafkaGroups(nodes, topic, config, clock);
        this.exactlyOnce =
                new KafkaExactlyOnce(nodes, topic, config.transactionTimeout(), commits, clock, this::highWatermark);
    }

    @Override
    public LogConfig config() {
        return config;
    }

    @Override
    public LogCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public AppendOutcome append(String key, String value, Map<String, String> headers) {
        return send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, key, value, headers(headers)));
    }

    @Override
    public AppendOutcome append(int partition, ProducerRecord record) {
        config.requirePartition(partition);
        return send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                topic, partition, record.key(), record.value(), headers(record.headers())));
    }

    private AppendOutcome send(org.apache.kafka.clients.producer.ProducerRecord<String, String> r) {
        try {
            RecordMetadata m = producer.send(r).get();
            return AppendOutcome.appended(m.partition(), m.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged a send", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the send: " + e.getCause(), e.getCause());
        }
    }

    private static Iterable<Header> headers(Map<String, String> headers) {
        RecordHeaders out = new RecordHeaders();
        headers.forEach((k, v) -> out.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public int partitionFor(String key) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), config.partitions());
    }

    @Override
    public FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        return reads.read(partition, fromOffset, max, isolation);
    }

    @Override
    public long logStartOffset(int partition) {
        return reads.logStartOffset(partition);
    }

    @Override
    public long highWatermark(int partition) {
        return reads.highWatermark(partition);
    }

    @Override
    public long lastStableOffset(int partition) {
        return reads.lastStableOffset(partition);
    }

    @Override
    public long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        return reads.offsetFor(partition, seek, isolation);
    }

    // ---- over Kafka's wire (KafkaExactlyOnce, KafkaOffsets) ----

    @Override
    public ProducerIdAndEpoch initProducerId() {
        return exactlyOnce.initProducerId();
    }

    @Override
    public AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        return exactlyOnce.append(producer, config.requirePartition(partition), sequence, record);
    }

    @Override
    public ProducerIdAndEpoch initTransactions(String transactionalId) {
        return exactlyOnce.initTransactions(transactionalId);
    }

    @Override
    public TransactionOutcome beginTransaction(ProducerIdAndEpoch producer) {
        return exactlyOnce.begin(producer);
    }

    @Override
    public TransactionOutcome sendOffsetsToTransaction(
            ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        offsets.keySet().forEach(config::requirePartition);
        return exactlyOnce.sendOffsets(producer, KafkaGroups.groupId(topic, group), offsets);
    }

    @Override
    public TransactionOutcome commitTransaction(ProducerIdAndEpoch producer) {
        return exactlyOnce.end(producer, true);
    }

    @Override
    public TransactionOutcome abortTransaction(ProducerIdAndEpoch producer) {
        return exactlyOnce.end(producer, false);
    }

    @Override
    public CommitOutcome commit(String group, String memberId, int generation, int partition, long offset) {
        config.requirePartition(partition);
        return commits.commit(
                KafkaGroups.groupId(topic, group), membership.commitId(group, memberId), generation, partition, offset);
    }

    @Override
    public OptionalLong committed(String group, int partition) {
        return commits.committed(KafkaGroups.groupId(topic, group), config.requirePartition(partition));
    }

    /** The committed offset if the partition still serves it (KA3), else where {@code reset} seeks. */
    @Override
    public long resumeOffset(String group, int partition, Seek reset, IsolationLevel isolation) {
        OptionalLong c = committed(group, partition);
        return c.isPresent() && c.getAsLong() >= logStartOffset(partition) && c.getAsLong() <= highWatermark(partition)
                ? c.getAsLong()
                : offsetFor(partition, reset, isolation);
    }

    @Override
    public List<String> groups() {
        String prefix = KafkaGroups.groupId(topic, "");
        return commits.groups().stream().map(g -> g.substring(prefix.length())).toList();
    }

    // ---- membership over Kafka's classic protocol (KafkaGroups) ----

    @Override
    public Assignment join(String group, String memberId) {
        return membership.join(group, memberId);
    }

    @Override
    public void leave(String group, String memberId) {
        membership.leave(group, memberId);
    }

    @Override
    public HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        return membership.heartbeat(group, memberId, generation);
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        return membership.assignment(group, memberId);
    }

    @Override
    public GroupDescription describeGroup(String group) {
        return membership.describe(group);
    }

    void close() {
        membership.close();
        nodes.close();
        producer.close(Duration.ofSeconds(5));
        uncommitted.close();
        committed.close();
    }
}
