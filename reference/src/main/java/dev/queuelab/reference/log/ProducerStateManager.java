package dev.queuelab.reference.log;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.UnknownProducerIdException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the log remembers of each idempotent producer: its latest epoch, and per partition the last sequence
 * numbers it wrote and where.
 *
 * Teaches: a producer that retries after a lost acknowledgement would write twice; numbering each append per
 * partition lets the log recognise the retry and answer with the original offset instead.
 * Invariants (numbered as in {@link KafkaLog}):
 *   L12 per (producer id, partition), sequences are written with no gap and no repeat: the first append of a
 *       producer with no state on the partition may carry any sequence, each later one the next; a recent
 *       sequence is answered as a duplicate of its original offset, any other that is not the next is
 *       refused; an epoch older than the id's latest is fenced; a new epoch starts again at sequence 0.
 * Thread-safety: none of its own; guarded by the log's monitor.
 * Real world: Kafka's ProducerStateManager (per partition) and the producer id manager; Kafka remembers the
 * last 5 batches, as here. Kinesis has no idempotent producer (a retried PutRecord may write twice; readers
 * dedupe by their own ids); Redis Streams lets a producer choose an explicit id, and XADD refuses an id that
 * is not above the last, which gives a similar guard for a single producer.
 */
public class ProducerStateManager {

    /** The answer to "may this producer write this sequence here?" */
    public sealed interface Verdict {
        record Append() implements Verdict {}

        record Duplicate(long offset) implements Verdict {}

        record Refused(AppendOutcome.Status status) implements Verdict {}
    }

    private final LogRules rules;
    private final Map<Long, Short> latestEpoch = new HashMap<>();
    private final Map<String, Sequences> sequences = new HashMap<>(); // key: producerId/partition
    private long nextProducerId = 1000; // visibly not an offset or a partition in stories

    public ProducerStateManager(LogRules rules) {
        this.rules = rules;
    }

    public ProducerIdAndEpoch newProducer() {
        long id = nextProducerId++;
        latestEpoch.put(id, (short) 0);
        return new ProducerIdAndEpoch(id, (short) 0);
    }

    /** Raises the id's epoch by one: every older epoch is fenced from now on (L12). */
    public ProducerIdAndEpoch bumpEpoch(long producerId) {
        short next = (short) (epochOf(producerId) + 1);
        latestEpoch.put(producerId, next);
        return new ProducerIdAndEpoch(producerId, next);
    }

    /** The id's latest epoch; an id never handed out is a misuse. */
    public short epochOf(long producerId) {
        Short epoch = latestEpoch.get(producerId);
        if (epoch == null) {
            throw new UnknownProducerIdException(producerId);
        }
        return epoch;
    }

    public boolean isFenced(ProducerIdAndEpoch producer) {
        short latest = epochOf(producer.producerId());
        if (producer.epoch() > latest) {
            throw new OutOfRangeException(
                    "epoch",
                    producer.epoch() + " of producer " + producer.producerId(),
                    "0 to " + latest + ": use the epoch initProducerId() or initTransactions() returned");
        }
        return rules.isFenced(producer.epoch(), latest);
    }

    public Verdict check(ProducerIdAndEpoch producer, int partition, int sequence) {
        if (sequence < 0) {
            throw new OutOfRangeException("sequence", sequence, "0 or more, counted per partition from 0");
        }
        if (isFenced(producer)) {
            return new Verdict.Refused(AppendOutcome.Status.PRODUCER_FENCED); // L12
        }
        Sequences s = sequences.get(key(producer.producerId(), partition));
        if (s == null) {
            return rules.acceptsFirstSequence(sequence) // L12: no state here yet: any first sequence
                    ? new Verdict.Append()
                    : new Verdict.Refused(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
        }
        boolean sameEpoch = s.epoch == producer.epoch();
        if (sameEpoch) {
            for (long[] recent : s.recent) {
                if (recent[0] == sequence) {
                    return new Verdict.Duplicate(recent[1]); // L12: written once
                }
            }
        }
        int last = sameEpoch ? s.lastSequence : -1; // L12: a new epoch starts at 0
        return rules.isNextSequence(last, sequence)
                ? new Verdict.Append()
                : new Verdict.Refused(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE);
    }

    /** Remembers a sequence just written at {@code offset}; call only after an {@link Verdict.Append}. */
    public void written(ProducerIdAndEpoch producer, int partition, int sequence, long offset) {
        Sequences s = sequences.computeIfAbsent(key(producer.producerId(), partition), k -> new Sequences());
        if (s.epoch != producer.epoch()) {
            s.epoch = producer.epoch();
            s.recent.clear();
        }
        s.lastSequence = sequence;
        s.recent.addLast(new long[] {sequence, offset});
        while (s.recent.size() > rules.sequencesRemembered()) {
            s.recent.removeFirst();
        }
    }

    private static String key(long producerId, int partition) {
        return producerId + "/" + partition;
    }

    private static final class Sequences {
        short epoch;
        int lastSequence = -1;
        final Deque<long[]> recent = new ArrayDeque<>(); // {sequence, offset}, oldest first
    }
}
