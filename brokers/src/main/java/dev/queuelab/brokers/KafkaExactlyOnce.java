package dev.queuelab.brokers;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.InvalidTxnStateException;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToLongFunction;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;

/**
 * The idempotent producer with the caller's own sequences and transactions by producer id, over Kafka's wire:
 * InitProducerId (with a transactional id and the log's transaction timeout, or without), Produce of one batch
 * stamped with the producer's id, epoch and the caller's base sequence, AddPartitionsToTxn before a
 * transaction's first record to a partition, AddOffsetsToTxn and TxnOffsetCommit, EndTxn (the coordinator's
 * requests are {@link KafkaTxnCoordinator}'s, the group's {@link KafkaOffsets}').
 * Each answer is translated as the reference's outcome of the same meaning: OUT_OF_ORDER_SEQUENCE_NUMBER is
 * OUT_OF_ORDER_SEQUENCE, INVALID_PRODUCER_EPOCH and PRODUCER_FENCED are PRODUCER_FENCED, and an append Kafka
 * answers with an offset below the end it had before the call is a DUPLICATE of that offset (Kafka answers a
 * retried batch it remembers with the original's offset and no error).
 *
 * <p>Produce goes at version 11, the last before Kafka's transactions v2, as the coordinator's requests do (see
 * {@link KafkaTxnCoordinator}): the record's partition is added to a transaction by AddPartitionsToTxn, not by
 * the produce itself.
 *
 * <p>Invariants:
 *   KX1 an append's outcome is the broker's answer, never the adapter's guess: only the DUPLICATE reading uses a
 *       second answer of the broker's (the end before the append)
 *   KX2 beginTransaction sends nothing (as Kafka's client), and a commit or abort of a transaction that wrote
 *       nothing sends nothing; every other end is EndTxn's answer
 *   KX3 a zombie's (an epoch older than the latest initTransactions gave) append, offsets and end are sent as they
 *       are, and the broker fences them; its begin, which sends nothing, is fenced by the newer epoch Kafka gave
 *   KX4 two logs never share a transactional id on Kafka (each is prefixed with the log's topic), so logs checked
 *       side by side on one broker do not fence each other's producers.
 *
 * <p>Thread-safety: one caller at a time (the log's). Real world: what Kafka's TransactionManager and
 * RecordAccumulator do for a producer, with the sequences and the fencing left to the caller.
 */
final class KafkaExactlyOnce {

    static final int PRODUCE_VERSION = 11; // ProduceRequest.LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2
    private static final int PRODUCE_TIMEOUT_MS = 30_000;

    /** What the adapter knows of a transactional producer: the latest epoch Kafka gave it, and its transaction. */
    private static final class Txn {
        final String transactionalId;
        short epoch;
        boolean open;
        boolean wrote; // a partition or offsets were added: Kafka has a transaction to end
        final Set<Integer> partitions = new TreeSet<>();

        Txn(String transactionalId, short epoch) {
            this.transactionalId = transactionalId;
            this.epoch = epoch;
        }
    }

    private final KafkaNodes nodes;
    private final String topic;
    private final KafkaTxnCoordinator coordinator;
    private final KafkaOffsets commits;
    private final InstantSource clock;
    private final IntToLongFunction highWatermark;
    private final Map<Long, Txn> transactional = new HashMap<>();

    KafkaExactlyOnce(
            KafkaNodes nodes,
            String topic,
            Duration transactionTimeout,
            KafkaOffsets commits,
            InstantSource clock,
            IntToLongFunction highWatermark) {
        this.nodes = nodes;
        this.topic = topic;
        this.coordinator = new KafkaTxnCoordinator(nodes, transactionTimeout);
        this.commits = commits;
        this.clock = clock;
        this.highWatermark = highWatermark;
    }

    ProducerIdAndEpoch initProducerId() {
        return init(null);
    }

    /** The transactional id is the log's own: on Kafka it is prefixed with the log's topic (KX4). */
    ProducerIdAndEpoch initTransactions(String transactionalId) {
        String id = topic + "/" + transactionalId;
        ProducerIdAndEpoch p = init(id);
        transactional.put(p.producerId(), new Txn(id, p.epoch())); // its old instance's state is gone
        return p;
    }

    private ProducerIdAndEpoch init(String transactionalId) {
        InitProducerIdResponse r = coordinator.initProducerId(transactionalId);
        if (r.error() != Errors.NONE) {
            throw refused("InitProducerId", r.error());
        }
        return new ProducerIdAndEpoch(r.data().producerId(), r.data().producerEpoch());
    }

    AppendOutcome append(ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        Txn txn = transactional.get(producer.producerId());
        if (txn != null) {
            boolean current = producer.epoch() == txn.epoch;
            if (current && !txn.open) {
                throw new InvalidTxnStateException(producer, "append", "no transaction is open", "begin one first");
            }
            if (!current || !txn.partitions.contains(partition)) {
                Errors added =
                        coordinator.addPartition(txn.transactionalId, producer, new TopicPartition(topic, partition));
                if (fenced(added)) {
                    return AppendOutcome.refused(AppendOutcome.Status.PRODUCER_FENCED, partition);
                }
                if (added != Errors.NONE) {
                    throw refused("AddPartitionsToTxn", added);
                }
                if (current) {
                    txn.partitions.add(partition);
                    txn.wrote = true;
                }
            }
        }
        long end = highWatermark.applyAsLong(partition);
        ProduceResponse r = nodes.leader(partition)
                .send(
                        ProduceRequest.builder(produce(txn, producer, partition, sequence, record), true),
                        PRODUCE_VERSION);
        var answer = r.data().responses().iterator().next().partitionResponses().get(0);
        Errors error = Errors.forCode(answer.errorCode());
        if (error == Errors.NONE) {
            return answer.baseOffset() < end
                    ? AppendOutcome.duplicateOf(partition, answer.baseOffset()) // KX1: Kafka's answer to a retry
                    : AppendOutcome.appended(partition, answer.baseOffset());
        }
        if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER) {
            return AppendOutcome.refused(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE, partition);
        }
        if (fenced(error)) {
            return AppendOutcome.refused(AppendOutcome.Status.PRODUCER_FENCED, partition);
        }
        throw refused("Produce", error);
    }

    private ProduceRequestData produce(
            Txn txn, ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach((k, v) -> headers.add(new RecordHeader(k, bytes(v))));
        SimpleRecord one = new SimpleRecord(
                clock.millis(), bytes(record.key()), bytes(record.value()), headers.toArray(new Header[0]));
        MemoryRecords batch = txn == null
                ? MemoryRecords.withIdempotentRecords(
                        Compression.NONE, producer.producerId(), producer.epoch(), sequence, one)
                : MemoryRecords.withTransactionalRecords(
                        Compression.NONE, producer.producerId(), producer.epoch(), sequence, one);
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData()
                .setName(topic)
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData()
                        .setIndex(partition)
                        .setRecords(batch))));
        return new ProduceRequestData()
                .setTransactionalId(txn == null ? null : txn.transactionalId)
                .setAcks((short) -1)
                .setTimeoutMs(PRODUCE_TIMEOUT_MS)
                .setTopicData(topics);
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    TransactionOutcome begin(ProducerIdAndEpoch producer) {
        Txn txn = require(producer, "beginTransaction");
        if (producer.epoch() < txn.epoch) {
            return TransactionOutcome.PRODUCER_FENCED; // Kafka gave this id a newer epoch (KX3)
        }
        if (txn.open) {
            throw new InvalidTxnStateException(
                    producer, "beginTransaction", "a transaction is already open", "commit or abort it first");
        }
        txn.open = true; // KX2: Kafka's client begins without a request, too
        return TransactionOutcome.BEGUN;
    }

    /**
     * AddOffsetsToTxn, then the offsets to the group's coordinator ({@link KafkaOffsets#commitInTransaction}): the
     * first error of the two, translated.
     */
    TransactionOutcome sendOffsets(ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        String transactionalId = addingOffsets(producer);
        Errors error = coordinator.addOffsets(transactionalId, producer, group);
        if (error == Errors.NONE) {
            error = commits.commitInTransaction(transactionalId, producer, group, offsets);
        }
        if (error == Errors.NONE) {
            return TransactionOutcome.OFFSETS_ADDED;
        }
        if (fenced(error)) {
            return TransactionOutcome.PRODUCER_FENCED;
        }
        throw refused("AddOffsetsToTxn/TxnOffsetCommit", error);
    }

    /** The transaction's transactional id; offsets start its timer. */
    private String addingOffsets(ProducerIdAndEpoch producer) {
        Txn txn = require(producer, "sendOffsetsToTransaction");
        if (producer.epoch() == txn.epoch) {
            if (!txn.open) {
                throw new InvalidTxnStateException(
                        producer, "sendOffsetsToTransaction", "no transaction is open", "begin one first");
            }
            txn.wrote = true;
        }
        return txn.transactionalId;
    }

    TransactionOutcome end(ProducerIdAndEpoch producer, boolean commit) {
        String call = commit ? "commitTransaction" : "abortTransaction";
        Txn txn = require(producer, call);
        boolean current = producer.epoch() == txn.epoch;
        if (current && !txn.open) {
            throw new InvalidTxnStateException(producer, call, "no transaction is open", "call beginTransaction first");
        }
        TransactionOutcome done = commit ? TransactionOutcome.COMMITTED : TransactionOutcome.ABORTED;
        if (current && !txn.wrote) {
            txn.open = false;
            return done; // KX2: nothing was added, so Kafka has nothing to end (its client sends no EndTxn)
        }
        Errors error = coordinator.end(txn.transactionalId, producer, commit);
        if (current) {
            txn.open = false;
            txn.wrote = false;
            txn.partitions.clear();
        }
        if (error == Errors.NONE) {
            return done;
        }
        if (fenced(error)) {
            return TransactionOutcome.PRODUCER_FENCED;
        }
        throw refused("EndTxn", error);
    }

    private Txn require(ProducerIdAndEpoch producer, String call) {
        Txn txn = transactional.get(producer.producerId());
        if (txn == null) {
            throw new InvalidTxnStateException(
                    producer, call, "it has no transactional id", "get the producer from initTransactions");
        }
        return txn;
    }

    /** Kafka's two answers to an epoch that is not the latest: the producer is a zombie. */
    static boolean fenced(Errors e) {
        return e == Errors.PRODUCER_FENCED || e == Errors.INVALID_PRODUCER_EPOCH;
    }

    static IllegalStateException refused(String request, Errors error) {
        return new IllegalStateException("Kafka answered " + request + " with " + error + ": " + error.message());
    }
}
