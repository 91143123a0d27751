package dev.queuelab.brokers;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The log contract over a real Kafka topic through Kafka's own clients: appends through the producer (its
 * built-in partitioner, acks=all), reads through a consumer that assigns itself the partition and seeks
 * (auto.offset.reset=none, so an offset out of range is the broker's answer), offsets through the consumer's
 * beginning, end and time lookups (the end is the high watermark read_uncommitted, the last stable offset
 * read_committed). Each answer is translated as it came: a seek by time that Kafka answers with none is
 * answered -1, not made up into the end.
 *
 * <p>Invariants:
 *   KA1 one topic per log, made for it and never shared
 *   KA2 a read returns records in offset order from the offset asked, at most {@code max}, as the broker gave them.
 *
 * <p>Groups, idempotence with the caller's own sequences, and transactions by producer id are not offered: the
 * Java clients keep them inside (a consumer joins through {@code subscribe}, a producer numbers its own
 * sequences); an adapter over Kafka's raw protocol is their extension point.
 *
 * <p>Thread-safety: one thread (the runner's). Real world: Apache Kafka 4.x, KRaft.
 */
final class KafkaLog implements PartitionedLog {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int EMPTY_POLLS = 30; // 3 s of nothing before a read gives up on records the end promised

    private final LogConfig config;
    private final LogCapabilities capabilities;
    private final String topic;
    private final Producer<String, String> producer;
    private final Consumer<String, String> uncommitted;
    private final Consumer<String, String> committed;
    private final KafkaNodes nodes;
    private final KafkaExactlyOnce exactlyOnce;
    private final KafkaOffsets commits;

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
        this.nodes = nodes;
        this.exactlyOnce = new KafkaExactlyOnce(nodes, topic, config.transactionTimeout(), clock, this::highWatermark);
        this.commits = new KafkaOffsets(nodes, topic);
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
        TopicPartition tp = new TopicPartition(topic, config.requirePartition(partition));
        Consumer<String, String> c = consumer(isolation);
        long end = c.endOffsets(List.of(tp)).get(tp);
        c.assign(List.of(tp));
        c.seek(tp, fromOffset);
        List<ConsumerRecord> records = new ArrayList<>();
        try {
            int empty = 0;
            while (records.size() < max && c.position(tp) < end && empty < EMPTY_POLLS) {
                var got = c.poll(POLL).records(tp);
                empty = got.isEmpty() ? empty + 1 : 0;
                for (var r : got) {
                    if (records.size() < max) {
                        records.add(record(r));
                    }
                }
            }
        } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
            throw new OffsetOutOfRangeException(
                    partition, fromOffset, logStartOffset(partition), highWatermark(partition));
        }
        long next = records.isEmpty() ? Math.max(fromOffset, Math.min(c.position(tp), fromOffset)) : last(records) + 1;
        return new FetchResult(
                partition,
                records,
                next,
                logStartOffset(partition),
                highWatermark(partition),
                lastStableOffset(partition));
    }

    private static long last(List<ConsumerRecord> records) {
        return records.get(records.size() - 1).offset();
    }

    private static ConsumerRecord record(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new ConsumerRecord(
                r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(), headers);
    }

    private Consumer<String, String> consumer(IsolationLevel isolation) {
        return isolation == IsolationLevel.READ_COMMITTED ? committed : uncommitted;
    }

    private TopicPartition tp(int partition) {
        return new TopicPartition(topic, config.requirePartition(partition));
    }

    @Override
    public long logStartOffset(int partition) {
        TopicPartition tp = tp(partition);
        return uncommitted.beginningOffsets(List.of(tp)).get(tp);
    }

    @Override
    public long highWatermark(int partition) {
        TopicPartition tp = tp(partition);
        return uncommitted.endOffsets(List.of(tp)).get(tp);
    }

    @Override
    public long lastStableOffset(int partition) {
        TopicPartition tp = tp(partition);
        return committed.endOffsets(List.of(tp)).get(tp);
    }

    @Override
    public long offsetFor(int partition, Seek seek, IsolationLevel isolation) {
        TopicPartition tp = tp(partition);
        if (seek instanceof Seek.Earliest) {
            return logStartOffset(partition);
        }
        if (seek instanceof Seek.Latest) {
            return consumer(isolation).endOffsets(List.of(tp)).get(tp);
        }
        if (seek instanceof Seek.ToOffset o) {
            return o.offset();
        }
        Seek.ToTimestamp t = (Seek.ToTimestamp) seek;
        OffsetAndTimestamp found = consumer(isolation)
                .offsetsForTimes(Map.of(tp, t.timestamp().toEpochMilli()))
                .get(tp);
        return found == null ? -1 : found.offset(); // Kafka answers none: said as it came
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
        return commits.sendOffsets(exactlyOnce.addingOffsets(producer), producer, group, offsets);
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
        return commits.commit(group, memberId, generation, config.requirePartition(partition), offset);
    }

    @Override
    public OptionalLong committed(String group, int partition) {
        return commits.committed(group, config.requirePartition(partition));
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
        return commits.groups();
    }

    // ---- not offered: membership (see the header) ----

    private static UnsupportedOperationException notOffered() {
        return new UnsupportedOperationException(
                "group membership by member id is not offered by the Kafka" + " adapter: see docs/real-brokers.md");
    }

    @Override
    public Assignment join(String group, String memberId) {
        throw notOffered();
    }

    @Override
    public void leave(String group, String memberId) {
        throw notOffered();
    }

    @Override
    public HeartbeatOutcome heartbeat(String group, String memberId, int generation) {
        throw notOffered();
    }

    @Override
    public Optional<Assignment> assignment(String group, String memberId) {
        throw notOffered();
    }

    @Override
    public GroupDescription describeGroup(String group) {
        throw notOffered();
    }

    void close() {
        nodes.close();
        producer.close(Duration.ofSeconds(5));
        uncommitted.close();
        committed.close();
    }
}
