package dev.queuelab.reference.log;

import dev.queuelab.api.log.InvalidTxnStateException;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.TransactionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of each transactional producer: which transactional id owns which producer id, whether a
 * transaction is open, the partitions it wrote to and the offsets it will commit.
 *
 * Teaches: a transaction is a set of appends (to several partitions) and offset commits that become visible
 * together or not at all; the coordinator knows the partitions to mark when it ends.
 * Invariants (numbered as in {@link KafkaLog}):
 *   L13 a transactional id keeps one producer id for life; initTransactions raises its epoch, which fences
 *       the previous instance, and aborts the transaction that instance left open;
 *   L14 a producer has at most one open transaction; its partitions and offsets are kept until it ends, and
 *       forgotten after (commit applies the offsets, abort drops them);
 *   L15 a transaction's timer starts at its first write (a record or offsets); open longer than the timeout
 *       after that, the coordinator takes it over: the producer's epoch is raised (fencing it, so its later
 *       commit or abort is PRODUCER_FENCED) and the transaction is handed back to be aborted.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's TransactionCoordinator and its __transaction_state log, without the two-phase
 * PrepareCommit step (here the markers are written in the same call); Kafka looks for timed-out transactions
 * every 10 s (transaction.abort.timed.out.transaction.cleanup.interval.ms), this one at the first call after. Kinesis and Redis Streams have no
 * transactions across partitions (Redis's MULTI/EXEC is atomic on one server but has no read_committed).
 */
public class TransactionCoordinator {

    /** One open transaction: its partitions, and its offsets by group then partition. */
    public static final class Txn {
        final Set<Integer> partitions = new TreeSet<>();
        final Map<String, Map<Integer, Long>> offsets = new LinkedHashMap<>();
        Instant firstWrite; // L15: the timer starts here (null: nothing written yet)
        long startOrder; // transactions that time out together are aborted in the order they started

        public Set<Integer> partitions() {
            return partitions;
        }

        public Map<String, Map<Integer, Long>> offsets() {
            return offsets;
        }
    }

    private final ProducerStateManager producers;
    private final Map<String, Long> producerIdOf = new HashMap<>(); // transactionalId -> producerId (L13)
    private final Map<Long, Txn> open = new HashMap<>(); // producerId -> its open transaction
    private final Map<Long, String> transactional = new HashMap<>(); // producerId -> transactionalId
    private long started; // transactions whose timer started, counted

    public TransactionCoordinator(ProducerStateManager producers) {
        this.producers = producers;
    }

    /** L13: the id's producer with a new epoch, and the transaction its previous epoch left open (or null). */
    public Map.Entry<ProducerIdAndEpoch, Txn> init(String transactionalId) {
        Long known = producerIdOf.get(transactionalId);
        if (known == null) {
            ProducerIdAndEpoch fresh = producers.newProducer();
            producerIdOf.put(transactionalId, fresh.producerId());
            transactional.put(fresh.producerId(), transactionalId);
            return new AbstractMap.SimpleImmutableEntry<>(fresh, null);
        }
        Txn leftOpen = open.remove(known);
        return new AbstractMap.SimpleImmutableEntry<>(producers.bumpEpoch(known), leftOpen);
    }

    public boolean isTransactional(long producerId) {
        return transactional.containsKey(producerId);
    }

    /** L14: opens the producer's one transaction; PRODUCER_FENCED for an old epoch (L13). */
    public TransactionOutcome begin(ProducerIdAndEpoch producer) {
        requireTransactional(producer, "beginTransaction");
        if (producers.isFenced(producer)) {
            return TransactionOutcome.PRODUCER_FENCED;
        }
        if (open.containsKey(producer.producerId())) {
            throw new InvalidTxnStateException(
                    producer, "beginTransaction", "a transaction is already open", "commit or abort it first"); // L14
        }
        open.put(producer.producerId(), new Txn());
        return TransactionOutcome.BEGUN;
    }

    /** L14: offsets that the group commits if, and only if, the transaction commits. */
    public TransactionOutcome addOffsets(ProducerIdAndEpoch producer, String group, Map<Integer, Long> offsets) {
        if (producers.isFenced(producer)) {
            return TransactionOutcome.PRODUCER_FENCED;
        }
        current(producer, "sendOffsetsToTransaction")
                .offsets
                .computeIfAbsent(group, g -> new TreeMap<>())
                .putAll(offsets);
        return TransactionOutcome.OFFSETS_ADDED;
    }

    /** The open transaction of a transactional producer, or an exception naming the call that needs one. */
    public Txn current(ProducerIdAndEpoch producer, String call) {
        requireTransactional(producer, call);
        Txn txn = open.get(producer.producerId());
        if (txn == null) {
            throw new InvalidTxnStateException(producer, call, "no transaction is open", "call beginTransaction first");
        }
        return txn;
    }

    /** L15: starts the open transaction's timer at its first write; later writes leave it. */
    public void written(ProducerIdAndEpoch producer, Instant now) {
        Txn txn = open.get(producer.producerId());
        if (txn != null && txn.firstWrite == null) {
            txn.firstWrite = now;
            txn.startOrder = started++;
        }
    }

    /**
     * L15: every transaction open past {@code timeout} at {@code now}, in the order they started, each closed and
     * its producer's epoch raised: the caller aborts them.
     */
    public List<Map.Entry<Long, Txn>> timedOut(Instant now, Duration timeout, LogRules rules) {
        if (open.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<Long, Txn>> out = new ArrayList<>();
        open.forEach((id, txn) -> {
            if (txn.firstWrite != null && rules.transactionTimedOut(txn.firstWrite, now, timeout)) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(id, txn));
            }
        });
        out.sort(Comparator.comparingLong(e -> e.getValue().startOrder));
        for (Map.Entry<Long, Txn> e : out) {
            open.remove(e.getKey());
            producers.bumpEpoch(e.getKey()); // L15: the coordinator fences the producer that left it open
        }
        return out;
    }

    /** L14: closes the transaction and hands back what must be marked and committed. */
    public Txn end(ProducerIdAndEpoch producer, String call) {
        Txn txn = current(producer, call);
        open.remove(producer.producerId());
        return txn;
    }

    private void requireTransactional(ProducerIdAndEpoch producer, String call) {
        producers.epochOf(producer.producerId()); // an unknown id is its own misuse
        if (!isTransactional(producer.producerId())) {
            throw new InvalidTxnStateException(
                    producer,
                    call,
                    "it has no transactional id",
                    "get the producer from initTransactions(transactionalId)");
        }
    }
}
