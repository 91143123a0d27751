package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The log's exactly-once side: appends by idempotent and transactional producers, and the end of a
 * transaction, over the partitions and the groups of one {@link KafkaLog}.
 *
 * Teaches: exactly-once inside a log is two mechanisms meeting at the append: a sequence number per producer
 * and partition drops a retry (and refuses a gap or a zombie), and a transaction marks every partition it
 * wrote to, then commits its offsets, in one step.
 * Invariants (numbered as in {@link KafkaLog}):
 *   L12 an idempotent producer's append is written once per (id, partition, sequence), with no gap;
 *   L13 initTransactions aborts what the fenced instance left open; a fenced producer ends nothing;
 *   L14 a transaction's markers go to every partition it wrote to, and its offsets are committed with it;
 *   L15 a transaction open past the timeout since its first write is aborted, its producer fenced.
 * Thread-safety: none of its own; every method runs under the log's monitor (KafkaLog.locked).
 * A log is given this part by {@link KafkaLogBuilder}; a tester may hand it another in its place.
 * Real world: the broker's side of Kafka's idempotent producer (ProducerStateManager's checks on append)
 * and the markers its TransactionCoordinator has written (WriteTxnMarkers), here in the same call.
 */
public class ExactlyOnceWrites {

    private final Partition[] partitions;
    private final GroupCoordinator groups;
    private final LogRules rules;
    private final ProducerStateManager producers;
    private final TransactionCoordinator transactions;

    public ExactlyOnceWrites(Partition[] partitions, GroupCoordinator groups, LogRules rules) {
        this.partitions = partitions.clone();
        this.groups = groups;
        this.rules = rules;
        this.producers = new ProducerStateManager(rules);
        this.transactions = new TransactionCoordinator(producers);
    }

    /** L12: a new idempotent producer id, at epoch 0. */
    public ProducerIdAndEpoch initProducerId() {
        return producers.newProducer();
    }

    public TransactionOutcome begin(ProducerIdAndEpoch producer) {
        return transactions.begin(producer);
    }

    /** L14: offsets committed with the transaction, or not at all. */
    public TransactionOutcome addOffsets(
            ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets, Instant now) {
        TransactionOutcome out = transactions.addOffsets(producer, group, offsets);
        if (out == TransactionOutcome.OFFSETS_ADDED) {
            transactions.written(producer, now); // L15: offsets start the timer too (AddOffsetsToTxn)
        }
        return out;
    }

    /** L15: the coordinator's timer: aborts, with markers, every transaction open past {@code timeout} at now. */
    public void abortTimedOut(Instant now, Duration timeout) {
        for (Map.Entry<Long, TransactionCoordinator.Txn> t : transactions.timedOut(now, timeout, rules)) {
            end(t.getKey(), t.getValue(), false, now);
        }
    }

    public AppendOutcome append(
            ProducerIdAndEpoch producer, int partition, int sequence, ProducerRecord record, Instant now) {
        boolean transactional = transactions.isTransactional(producer.producerId());
        if (transactional && !producers.isFenced(producer)) {
            transactions.current(producer, "append"); // L14: a transactional append needs one open
        }
        ProducerStateManager.Verdict verdict = producers.check(producer, partition, sequence);
        if (verdict instanceof ProducerStateManager.Verdict.Duplicate d) {
            return AppendOutcome.duplicateOf(partition, d.offset()); // L12: written once
        }
        if (verdict instanceof ProducerStateManager.Verdict.Refused r) {
            return AppendOutcome.refused(r.status(), partition); // L12: no gap, no zombie
        }
        long offset = partitions[partition].append(record, now, producer.producerId(), transactional);
        producers.written(producer, partition, sequence, offset);
        Set<Integer> txnPartitions =
                transactional ? transactions.current(producer, "append").partitions() : null;
        if (transactional && rules.joinsTransaction(txnPartitions, partition)) {
            txnPartitions.add(partition); // L14: its end marks this partition too
        }
        if (transactional) {
            transactions.written(producer, now); // L15: the first write starts the timer (AddPartitionsToTxn)
        }
        return AppendOutcome.appended(partition, offset);
    }

    public ProducerIdAndEpoch initTransactions(String transactionalId, Instant now) {
        Map.Entry<ProducerIdAndEpoch, TransactionCoordinator.Txn> init = transactions.init(transactionalId);
        if (init.getValue() != null) {
            end(init.getKey().producerId(), init.getValue(), false, now); // L13
        }
        return init.getKey();
    }

    public TransactionOutcome endTransaction(ProducerIdAndEpoch producer, boolean commit, String call, Instant now) {
        if (producers.isFenced(producer)) {
            return TransactionOutcome.PRODUCER_FENCED; // L13
        }
        end(producer.producerId(), transactions.end(producer, call), commit, now);
        return commit ? TransactionOutcome.COMMITTED : TransactionOutcome.ABORTED;
    }

    /** L14: markers in every partition the transaction wrote to, then its offsets, all under one monitor. */
    private void end(long producerId, TransactionCoordinator.Txn txn, boolean commit, Instant now) {
        LogSegment.Marker marker = commit ? LogSegment.Marker.COMMIT : LogSegment.Marker.ABORT;
        txn.partitions().forEach(p -> partitions[p].endTransaction(producerId, marker, now));
        if (commit) {
            txn.offsets().forEach(groups::commitFromTransaction);
        }
    }
}
