package dev.queuelab.brokers;

import dev.queuelab.api.log.ProducerIdAndEpoch;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.AddOffsetsToTxnRequestData;
import org.apache.kafka.common.message.DescribeTransactionsRequestData;
import org.apache.kafka.common.message.EndTxnRequestData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AddOffsetsToTxnRequest;
import org.apache.kafka.common.requests.AddOffsetsToTxnResponse;
import org.apache.kafka.common.requests.AddPartitionsToTxnRequest;
import org.apache.kafka.common.requests.AddPartitionsToTxnResponse;
import org.apache.kafka.common.requests.DescribeTransactionsRequest;
import org.apache.kafka.common.requests.DescribeTransactionsResponse;
import org.apache.kafka.common.requests.EndTxnRequest;
import org.apache.kafka.common.requests.EndTxnResponse;
import org.apache.kafka.common.requests.InitProducerIdRequest;
import org.apache.kafka.common.requests.InitProducerIdResponse;

/**
 * The requests a producer sends its transaction coordinator, one method each, answering Kafka's error as it
 * came: InitProducerId (any node, for a producer without a transactional id), AddPartitionsToTxn,
 * AddOffsetsToTxn and EndTxn. Each retries while the coordinator answers that it is loading, moved, or still
 * ending the id's previous transaction (CONCURRENT_TRANSACTIONS), as Kafka's producer does.
 *
 * <p>Versions are those before Kafka's transactions v2 (AddPartitionsToTxn 3, EndTxn 4): under v2 every EndTxn
 * raises the producer's epoch, where the contract's producer keeps one epoch until it is fenced.
 *
 * <p>Invariants:
 *   KC1 EndTxn answers once the coordinator has logged PrepareCommit or PrepareAbort; its markers follow. An end
 *       the coordinator accepted returns only when it describes the transaction as complete, so the markers are
 *       in every partition, as the contract's end promises (the reference writes them in the same call)
 *   KC2 every error but the retriable ones is returned to the caller, which translates it.
 *
 * <p>Thread-safety: one caller at a time. Real world: Kafka's TransactionManager's requests, without its state.
 */
final class KafkaTxnCoordinator {

    static final int INIT_PRODUCER_ID_VERSION = 5;
    static final int ADD_PARTITIONS_VERSION = 3;
    static final int ADD_OFFSETS_VERSION = 3;
    static final int END_TXN_VERSION = 4;
    static final int DESCRIBE_TRANSACTIONS_VERSION = 0;

    /** How long an ended transaction may take to write its markers before the end is reported as not done. */
    private static final Duration MARKERS_WITHIN = Duration.ofSeconds(20);

    private final KafkaNodes nodes;
    private final Duration transactionTimeout;

    KafkaTxnCoordinator(KafkaNodes nodes, Duration transactionTimeout) {
        this.nodes = nodes;
        this.transactionTimeout = transactionTimeout;
    }

    /** A producer id and epoch: for {@code transactionalId} (null: an idempotent producer without one). */
    InitProducerIdResponse initProducerId(String transactionalId) {
        InitProducerIdRequestData data = new InitProducerIdRequestData()
                .setTransactionalId(transactionalId)
                .setTransactionTimeoutMs((int) transactionTimeout.toMillis());
        return KafkaWire.retrying(
                () -> (transactionalId == null ? nodes.any() : nodes.transactionCoordinator(transactionalId))
                        .<InitProducerIdResponse>send(
                                new InitProducerIdRequest.Builder(data), INIT_PRODUCER_ID_VERSION),
                x -> moved(x.error(), transactionalId));
    }

    Errors addPartition(String transactionalId, ProducerIdAndEpoch producer, TopicPartition partition) {
        AddPartitionsToTxnResponse r = KafkaWire.retrying(
                () -> nodes.transactionCoordinator(transactionalId)
                        .<AddPartitionsToTxnResponse>send(
                                AddPartitionsToTxnRequest.Builder.forClient(
                                        transactionalId, producer.producerId(), producer.epoch(), List.of(partition)),
                                ADD_PARTITIONS_VERSION),
                x -> moved(partitionError(x), transactionalId));
        return partitionError(r);
    }

    private static Errors partitionError(AddPartitionsToTxnResponse r) {
        Errors top = Errors.forCode(r.data().errorCode());
        if (top != Errors.NONE) {
            return top;
        }
        return Errors.forCode(r.data()
                .resultsByTopicV3AndBelow()
                .iterator()
                .next()
                .resultsByPartition()
                .iterator()
                .next()
                .partitionErrorCode());
    }

    Errors addOffsets(String transactionalId, ProducerIdAndEpoch producer, String group) {
        AddOffsetsToTxnResponse r = KafkaWire.retrying(
                () -> nodes.transactionCoordinator(transactionalId)
                        .<AddOffsetsToTxnResponse>send(
                                new AddOffsetsToTxnRequest.Builder(new AddOffsetsToTxnRequestData()
                                        .setTransactionalId(transactionalId)
                                        .setProducerId(producer.producerId())
                                        .setProducerEpoch(producer.epoch())
                                        .setGroupId(group)),
                                ADD_OFFSETS_VERSION),
                x -> moved(Errors.forCode(x.data().errorCode()), transactionalId));
        return Errors.forCode(r.data().errorCode());
    }

    /** EndTxn's answer; when it is NONE, after the coordinator has written the markers (KC1). */
    Errors end(String transactionalId, ProducerIdAndEpoch producer, boolean commit) {
        EndTxnRequestData data = new EndTxnRequestData()
                .setTransactionalId(transactionalId)
                .setProducerId(producer.producerId())
                .setProducerEpoch(producer.epoch())
                .setCommitted(commit);
        EndTxnResponse r = KafkaWire.retrying(
                () -> nodes.transactionCoordinator(transactionalId)
                        .<EndTxnResponse>send(new EndTxnRequest.Builder(data, false), END_TXN_VERSION),
                x -> moved(x.error(), transactionalId));
        if (r.error() == Errors.NONE) {
            awaitComplete(transactionalId);
        }
        return r.error();
    }

    /** Asks the coordinator until the id's transaction is no longer preparing its end (KC1). */
    private void awaitComplete(String transactionalId) {
        long deadline = System.nanoTime() + MARKERS_WITHIN.toNanos();
        while (true) {
            DescribeTransactionsResponse r = nodes.transactionCoordinator(transactionalId)
                    .send(
                            new DescribeTransactionsRequest.Builder(new DescribeTransactionsRequestData()
                                    .setTransactionalIds(List.of(transactionalId))),
                            DESCRIBE_TRANSACTIONS_VERSION);
            var state = r.data().transactionStates().iterator().next();
            Errors error = Errors.forCode(state.errorCode());
            if (!KafkaWire.RETRIABLE.contains(error)
                    && !state.transactionState().startsWith("Prepare")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka's coordinator still describes transaction '" + transactionalId
                        + "' as " + state.transactionState() + " (" + error + ") " + MARKERS_WITHIN.toSeconds()
                        + " s after it accepted its end: its markers are not written");
            }
            KafkaWire.backoff();
        }
    }

    private Errors moved(Errors e, String key) {
        if (key != null) {
            nodes.moved(e, key);
        }
        return e;
    }
}
