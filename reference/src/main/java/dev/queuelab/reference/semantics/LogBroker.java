package dev.queuelab.reference.semantics;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline's broker on the partitioned log's contract: messages are appended to partition 0, consumers of
 * one group read it from their position and ack by committing the next offset; partition 1 is the output of a
 * read-process-write consumer, written in Kafka transactions with the input offsets.
 *
 * Teaches: an idempotent producer's sequence numbers turn a retried append into a DUPLICATE answer, and a
 * transaction makes read-process-write exactly-once inside the log: output records and the input offset are
 * committed together or aborted together. An effect outside the log is in no transaction.
 * Invariants (numbered as in {@link Pipeline}): DL4 the idempotency key is the record's key, unchanged by
 * retries; DL5 a consumer that restarts resumes from its group's committed offset.
 * Thread-safety: as the log under it.
 * Real world: a Kafka producer with enable.idempotence, a consumer with enable.auto.commit=false, and
 * transactional.id with sendOffsetsToTransaction for read-process-write.
 */
public final class LogBroker implements Broker {

    static final int INPUT = 0;
    static final int OUTPUT = 1;
    static final String GROUP = "pipeline";

    private final PartitionedLog log;
    private final ProducerIdAndEpoch producer;
    private final Map<String, Assignment> members = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    private ProducerIdAndEpoch transactional;
    private int outputSequence;

    /** A log broker; {@code idempotent} gives the producer an id and sequence numbers. */
    public LogBroker(PartitionedLog log, boolean idempotent) {
        this.log = log;
        this.producer = idempotent ? log.initProducerId() : null;
    }

    @Override
    public Answer publish(Request request) {
        ProducerRecord record = ProducerRecord.of(request.key(), "work");
        AppendOutcome outcome =
                producer == null ? log.append(INPUT, record) : log.append(producer, INPUT, request.sequence(), record);
        return new Answer(
                outcome.written(),
                switch (outcome.status()) {
                    case APPENDED -> "appended at offset " + outcome.offset();
                    case DUPLICATE ->
                        "duplicate of offset " + outcome.offset() + " (sequence " + request.sequence() + ")";
                    default -> "refused: " + outcome.status();
                });
    }

    @Override
    public Optional<Received> receive(String consumer) {
        long position = positions.computeIfAbsent(consumer, c -> {
            members.computeIfAbsent(c, m -> log.join(GROUP, m));
            return log.committed(GROUP, INPUT).orElse(0L); // DL5
        });
        FetchResult fetched = log.read(INPUT, position, 1, IsolationLevel.READ_COMMITTED);
        if (fetched.records().isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord r = fetched.records().get(0);
        positions.put(consumer, r.offset() + 1);
        return Optional.of(new Received(r.key(), "offset " + r.offset(), r.offset()));
    }

    @Override
    public boolean ack(String consumer, Received received) {
        Assignment a = members.get(consumer);
        long next = (Long) received.handle() + 1;
        return log.commit(GROUP, consumer, a.generation(), INPUT, next) == CommitOutcome.COMMITTED;
    }

    @Override
    public void crashed(String consumer) {
        positions.remove(consumer); // DL5: it resumes from the committed offset
        if (transactional != null) {
            transactional = null; // the next transaction's initTransactions fences this one and aborts it (L13)
        }
    }

    /** Begins a transaction and writes the output record of a message in it. */
    public String beginAndWrite(Received received) {
        if (transactional == null) {
            transactional = log.initTransactions("read-process-write");
            outputSequence = 0;
        }
        TransactionOutcome begun = log.beginTransaction(transactional);
        AppendOutcome out =
                log.append(transactional, OUTPUT, outputSequence++, ProducerRecord.of(received.key(), "processed"));
        return "transaction " + begun.name().toLowerCase(java.util.Locale.ROOT) + ", output " + received.key()
                + " at offset " + out.offset() + " (uncommitted)";
    }

    /** Appends the output record of a message outside any transaction: visible at once, kept by any crash. */
    public String write(Received received) {
        AppendOutcome out = log.append(OUTPUT, ProducerRecord.of(received.key(), "processed"));
        return "output " + received.key() + " at offset " + out.offset() + " (no transaction)";
    }

    /** Adds the input offset after the message to the open transaction and commits both. */
    public boolean commitWithOffset(Received received) {
        log.sendOffsetsToTransaction(transactional, GROUP, Map.of(INPUT, (Long) received.handle() + 1));
        return log.commitTransaction(transactional) == TransactionOutcome.COMMITTED;
    }

    /** The keys of the output partition as a read_committed consumer sees them, in offset order. */
    public List<String> committedOutput() {
        List<String> keys = new ArrayList<>();
        long from = 0;
        while (true) {
            FetchResult f = log.read(OUTPUT, from, 100, IsolationLevel.READ_COMMITTED);
            f.records().forEach(r -> keys.add(r.key()));
            if (f.nextOffset() <= from || f.nextOffset() >= f.lastStableOffset()) {
                return keys;
            }
            from = f.nextOffset();
        }
    }

    public PartitionedLog log() {
        return log;
    }
}
