package dev.queuelab.check.log;

import static dev.queuelab.check.log.LogRule.*;

import dev.queuelab.api.Durations;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.DefaultPartitioner;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Model;
import dev.queuelab.check.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simple model of a Kafka-style log, folded over a history: every partition as a map from offset to
 * what the model knows is there (a record, or a transaction's marker), the high watermark, the log start
 * offset seen so far, and the transactions open, committed or aborted. Each answer the log gives is compared
 * with it; then the model follows the log, so that one mistake is reported once.
 *
 * <p>Values are unique (v1, v2...), so a record is known by its value wherever it shows up. Group rules
 * (members, generations, commits) are the {@link GroupModel}'s.
 */
final class LogModel implements Model<LogEvent> {

    /** What sits at one offset: a record (with its transaction, if any) or a transaction marker. */
    private record Entry(ProducerRecord record, Instant at, Txn txn, boolean marker) {}

    /** One transaction of one producer instance, where it wrote, and the offsets it will commit for g1. */
    private static final class Txn {
        final String name;
        final Map<Integer, Long> first = new HashMap<>();
        final Map<Integer, Long> offsets = new HashMap<>();
        TransactionOutcome end;
        Instant firstWrite; // L15: its timer starts at its first record or offsets
        long startOrder; // transactions timed out at one call are aborted in the order they started
        boolean timedOut; // L15: the coordinator aborted it, not its producer

        Txn(String name) {
            this.name = name;
        }
    }

    /**
     * How many of a producer's recent appends per partition a Kafka broker remembers to answer retries: 5, as
     * many as an idempotent producer may have in flight (max.in.flight.requests.per.connection <= 5, KIP-98 and
     * the producer configuration docs). Older retries may be refused.
     */
    static final int SEQUENCES_REMEMBERED = 5;

    private final LogConfig config;
    private final IsolationLevel isolation; // the group's consumers'
    private final Instant start;
    private final List<TreeMap<Long, Entry>> partitions = new ArrayList<>();
    private final long[] hw;
    private final long[] logStart;
    private final Map<String, Long> offsetOf = new HashMap<>();
    private final Map<String, Integer> idempotentWrites = new HashMap<>(); // per producer and partition
    private final Map<String, Integer> writeIndex = new HashMap<>(); // per value: its place in that count
    private final Map<String, Txn> open = new HashMap<>();
    private final Set<String> fencedByTimeout = new HashSet<>(); // L15: the instance the coordinator fenced
    private long started; // transactions whose timer started
    private final GroupModel groups;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final Set<String> coverage = new TreeSet<>();
    private final Set<Integer> keyedPartitions = new HashSet<>();
    private long nullKeyed; // unkeyed appends so far: round-robin from p0 (L2)
    private final Set<String> readAt = new HashSet<>();
    private int transactions;
    private final List<Txn> ended = new ArrayList<>(); // committed or aborted, for a partition that missed its end
    private boolean keptAcrossRestart; // a restart kept the records: a high watermark below them lost them
    private final Map<Integer, Txn> unmarked = new HashMap<>(); // an append took the offset of this one's marker

    LogModel(LogSetup setup, Instant start) {
        this.config = setup.log();
        this.isolation = setup.isolation();
        this.start = start;
        this.hw = new long[config.partitions()];
        this.logStart = new long[config.partitions()];
        for (int p = 0; p < config.partitions(); p++) {
            partitions.add(new TreeMap<>());
        }
        this.groups = new GroupModel(config, anomalies, coverage, this::resumeAllowed);
    }

    @Override
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    @Override
    public Optional<Anomaly> primary() {
        return anomalies.stream().findFirst();
    }

    @Override
    public Set<String> coverage() {
        return coverage;
    }

    /**
     * Judges one event. A simulation's operations never overlap and the runner sees every answer, so the log's
     * rules read the event alone; {@code op} is there for histories recorded on real threads.
     */
    @Override
    public void apply(LogEvent event, Op op) {
        if (answerMissing(event)) {
            anomalies.add(INVALID_ANSWER.found(event.step(), "asked: " + event.action() + "; the log answered null"));
            return;
        }
        groups.expire(event);
        if (!(event instanceof LogEvent.Ticked
                || event instanceof LogEvent.Skipped
                || event instanceof LogEvent.Crashed
                || event instanceof LogEvent.Restarted)) {
            abortTimedOut(event.at()); // L15: at the first call after the deadline, as a lazy coordinator does
        }
        if (event instanceof LogEvent.Appended e) {
            appended(e);
        } else if (event instanceof LogEvent.Fetched e) {
            fetched(e);
        } else if (event instanceof LogEvent.OutOfRange e) {
            outOfRange(e);
        } else if (event instanceof LogEvent.Sought e) {
            sought(e);
        } else if (event instanceof LogEvent.Transaction e) {
            transaction(e);
        } else if (event instanceof LogEvent.Restarted e) {
            restarted(e);
        } else if (event instanceof LogEvent.SoughtEnd e) {
            long expected = e.isolation() == IsolationLevel.READ_COMMITTED ? lso(e.partition()) : hw[e.partition()];
            if (e.isolation() == IsolationLevel.READ_COMMITTED && lso(e.partition()) < hw[e.partition()]) {
                coverage.add("seek: to the end while a transaction is open");
            }
            if (e.isolation() == IsolationLevel.READ_COMMITTED
                    ? !stableAt(e.partition(), e.offset(), e.at())
                    : e.offset() != expected) {
                // L14 before L7: an end held back at the first offset of a transaction that ended is one left open
                Optional<Txn> left = e.isolation() == IsolationLevel.READ_COMMITTED && e.offset() < expected
                        ? ended.stream()
                                .filter(txn -> Long.valueOf(e.offset()).equals(txn.first.get(e.partition())))
                                .findFirst()
                        : Optional.empty();
                anomalies.add(
                        left.isPresent() && neverEnded(left.get())
                                ? outlived(e.step(), e.at(), e.partition(), left.get(), e.offset())
                                : left.isPresent()
                                        ? TRANSACTION_LEFT_OPEN.found(
                                                e.step(),
                                                "a read_committed reader seeking the end of p" + e.partition()
                                                        + " is held at "
                                                        + e.offset() + ", where " + left.get().name
                                                        + " began writing there;"
                                                        + " it "
                                                        + left.get()
                                                                .end
                                                                .toString()
                                                                .toLowerCase(Locale.ROOT)
                                                        + ", so the end is " + expected)
                                        : SEEK_WRONG.found(
                                                e.step(),
                                                "the end of p" + e.partition() + " for a "
                                                        + e.isolation()
                                                                .toString()
                                                                .toLowerCase(Locale.ROOT) + " reader is "
                                                        + expected + ", but the log answered " + e.offset()));
            }
        } else if (event instanceof LogEvent.Observed e) {
            e.offsets()
                    .forEach(o ->
                            offsets(e.step(), e.at(), o.partition(), o.logStart(), o.highWatermark(), o.lastStable()));
            groups.observed(e);
        } else if (event instanceof LogEvent.Threw e) {
            anomalies.add(
                    e.byFencedInstance()
                            ? ZOMBIE_WRITE.found(
                                    e.step(),
                                    e.action() + ": the log threw " + e.error() + " instead of refusing it as"
                                            + " PRODUCER_FENCED: it did not recognise the older epoch")
                            : OPERATION_FAILED.found(
                                    e.step(), "the log threw " + e.error() + " when asked: " + e.action()));
        } else if (!groups.apply(event) && !(event instanceof LogEvent.Ticked || event instanceof LogEvent.Skipped)) {
            throw new IllegalStateException("the log model has no rule for " + event + ": a bug in the checker");
        }
    }

    private static boolean answerMissing(LogEvent event) {
        if (event instanceof LogEvent.Appended a) {
            return a.result() == null;
        } else if (event instanceof LogEvent.Fetched f) {
            return f.result() == null;
        } else if (event instanceof LogEvent.Heartbeat h) {
            return h.result() == null;
        } else if (event instanceof LogEvent.Committed c) {
            return c.result() == null;
        } else if (event instanceof LogEvent.Joined j) {
            return j.assignment() == null;
        } else if (event instanceof LogEvent.Transaction t) {
            return t.result() == null && t.what() != LogStep.TxnAction.RESTART;
        }
        return event instanceof LogEvent.Observed o && o.group() == null;
    }

    // ---- appends and transactions ----

    private void appended(LogEvent.Appended e) {
        ProducerRecord r = e.record();
        AppendOutcome out = e.result();
        String what = e.producer() + "'s append of " + r.value() + " at " + t(e.at());
        switch (e.kind()) {
            case GAP -> {
                int lane = DefaultPartitioner.partition(r.key(), config.partitions());
                if (idempotentWrites.getOrDefault(e.producer() + "/" + lane, 0) == 0) {
                    fresh(e, what + " (its first to p" + lane + ", which may carry any sequence)"); // L12
                    if (out.written()) {
                        coverage.add("idempotence: a first sequence other than 0 accepted");
                    }
                } else if (out.written()) {
                    anomalies.add(SEQUENCE_GAP_ACCEPTED.found(
                            e.step(),
                            what + " skipped a sequence number, and the log wrote it at p" + out.partition() + "@"
                                    + out.offset() + " instead of refusing it"));
                    record(out, r, e.at(), null);
                } else {
                    coverage.add("idempotence: gap refused");
                }
            }
            case ZOMBIE -> {
                if (out.written()) {
                    anomalies.add(ZOMBIE_WRITE.found(
                            e.step(),
                            what + " came from an instance that a restart fenced, and the log wrote it at p"
                                    + out.partition() + "@" + out.offset()));
                    record(out, r, e.at(), null);
                } else {
                    coverage.add("transactions: zombie fenced");
                }
            }
            case RETRY -> retried(e, what);
            case TRANSACTIONAL -> {
                if (fencedByTimeout.contains(e.producer())) {
                    fencedAfterTimeout(
                            e.step(),
                            e.producer() + " appends " + r.value(),
                            out.status().toString());
                    if (out.written()) {
                        record(out, r, e.at(), null);
                    }
                } else {
                    fresh(e, what);
                }
            }
            default -> fresh(e, what);
        }
    }

    private void fresh(LogEvent.Appended e, String what) {
        AppendOutcome out = e.result();
        if (out.status() != AppendOutcome.Status.APPENDED) {
            anomalies.add(REFUSED.found(
                    e.step(), what + " was answered " + out.status() + ", but it was a fresh, valid append"));
            return;
        }
        if (!check(e.step(), what, e.record(), out)) {
            return;
        }
        if (e.idempotent()) {
            String lane = e.producer() + "/" + out.partition();
            writeIndex.put(e.record().value(), idempotentWrites.getOrDefault(lane, 0));
            idempotentWrites.merge(lane, 1, Integer::sum);
        }
        Txn txn = e.kind() == LogEvent.Kind.TRANSACTIONAL ? open.get(e.producer()) : null;
        if (txn != null) {
            txn.first.putIfAbsent(out.partition(), out.offset());
            started(txn, e.at());
        }
        record(out, e.record(), e.at(), txn);
        if (e.record().key() != null) {
            keyedPartitions.add(out.partition());
            if (keyedPartitions.size() > 1) {
                coverage.add("partitions: keyed records spread over partitions");
            }
        }
    }

    /** L1, L2: the partition the key maps to, and the next offset of that partition. */
    private boolean check(int step, String what, ProducerRecord r, AppendOutcome out) {
        int expected = r.key() != null
                ? DefaultPartitioner.partition(r.key(), config.partitions())
                : (int) (nullKeyed++ % config.partitions());
        if (out.partition() != expected) {
            anomalies.add(WRONG_PARTITION.found(
                    step,
                    what + " went to p" + out.partition() + ", but "
                            + (r.key() != null
                                    ? "key " + r.key() + " maps to p" + expected + " of " + config.partitions()
                                            + " (murmur2)"
                                    : "unkeyed records go round-robin from p0, and this is unkeyed record #"
                                            + (nullKeyed - 1) + ": p" + expected)));
            record(out, r, null, null);
            return false;
        }
        if (out.offset() != hw[out.partition()]) {
            Entry there = partitions.get(out.partition()).get(out.offset());
            if (onlyMarkersFrom(out.partition(), out.offset())) {
                // the log wrote no marker there: follow it, and say why at its next offsets (left open, or not)
                unmarked.putIfAbsent(out.partition(), there.txn());
                partitions.get(out.partition()).tailMap(out.offset(), true).clear();
                hw[out.partition()] = out.offset();
                return true;
            }
            anomalies.add(
                    there != null && !there.marker()
                            ? LOST_WRITE.found(
                                    step,
                                    what + " was given offset " + out.offset() + " of p" + out.partition() + ", which"
                                            + " holds " + there.record().value() + ", acknowledged at " + t(there.at())
                                            + ": the log forgot it")
                            : INCONSISTENT_OFFSETS.found(
                                    step,
                                    what + " was given offset " + out.offset() + " of p" + out.partition()
                                            + ", but the next offset there is " + hw[out.partition()]));
            return false;
        }
        return true;
    }

    private void retried(LogEvent.Appended e, String what) {
        AppendOutcome out = e.result();
        Long original = offsetOf.get(e.record().value());
        if (!e.idempotent()) {
            if (out.status() == AppendOutcome.Status.APPENDED && check(e.step(), what, e.record(), out)) {
                record(out, e.record(), e.at(), null);
                coverage.add("retry: written twice without idempotence");
            } else if (out.status() != AppendOutcome.Status.APPENDED) {
                anomalies.add(REFUSED.found(e.step(), what + " (a plain retry) was answered " + out.status()));
            }
            return;
        }
        String lane =
                e.producer() + "/" + DefaultPartitioner.partition(e.record().key(), config.partitions());
        int later = idempotentWrites.getOrDefault(lane, 0)
                - writeIndex.getOrDefault(e.record().value(), 0)
                - 1;
        if (!out.written() && later < SEQUENCES_REMEMBERED) {
            anomalies.add(RETRY_REFUSED.found(
                    e.step(),
                    what + " is a retry of a record written at offset " + original + " with "
                            + later + " later append(s) of " + e.producer()
                            + " to that partition, and the log answered " + out.status()
                            + ": the producer gives up on a record that is in the log"));
        } else if (out.status() == AppendOutcome.Status.APPENDED) {
            anomalies.add(DUPLICATE.found(
                    e.step(),
                    what + " is a retry of sequence already written at p" + out.partition() + "@" + original
                            + ", and the log wrote it again at p" + out.partition() + "@" + out.offset()));
            record(out, e.record(), e.at(), null);
        } else if (out.status() == AppendOutcome.Status.DUPLICATE && original != null && out.offset() != original) {
            anomalies.add(INCONSISTENT_OFFSETS.found(
                    e.step(),
                    what + " was answered as a duplicate of offset " + out.offset() + ", but the original is at "
                            + original));
        } else if (out.status() == AppendOutcome.Status.DUPLICATE) {
            coverage.add("idempotence: retry deduplicated");
        }
    }

    private void record(AppendOutcome out, ProducerRecord r, Instant at, Txn txn) {
        int p = out.partition();
        if (at == null || p < 0 || p >= config.partitions()) {
            return; // reported already; nothing sensible to follow
        }
        partitions.get(p).put(out.offset(), new Entry(r, at, txn, false));
        hw[p] = Math.max(hw[p], out.offset() + 1);
        offsetOf.putIfAbsent(r.value(), out.offset());
    }

    private void transaction(LogEvent.Transaction e) {
        String who = e.producer();
        switch (e.what()) {
            case BEGIN -> {
                fencedByTimeout.remove(who); // a new instance (the runner starts one after it was fenced)
                if (e.result() != TransactionOutcome.BEGUN) {
                    anomalies.add(REFUSED.found(e.step(), who + " could not begin a transaction: " + e.result()));
                    return;
                }
                open.put(who, new Txn(who + "#" + (++transactions)));
            }
            case COMMIT, ABORT -> {
                if (fencedByTimeout.contains(who)) {
                    fencedAfterTimeout(
                            e.step(),
                            who + " " + e.what().toString().toLowerCase(Locale.ROOT) + "s",
                            String.valueOf(e.result()));
                    return;
                }
                TransactionOutcome expected = e.what() == LogStep.TxnAction.COMMIT
                        ? TransactionOutcome.COMMITTED
                        : TransactionOutcome.ABORTED;
                if (e.result() != expected) {
                    anomalies.add(REFUSED.found(
                            e.step(), who + " ended its transaction with " + e.what() + " and got " + e.result()));
                }
                end(
                        open.remove(who),
                        e.result() == TransactionOutcome.COMMITTED
                                ? TransactionOutcome.COMMITTED
                                : TransactionOutcome.ABORTED,
                        e.at());
                coverage.add(
                        expected == TransactionOutcome.COMMITTED ? "transactions: committed" : "transactions: aborted");
            }
            case RESTART -> {
                fencedByTimeout.remove(who);
                end(open.remove(who), TransactionOutcome.ABORTED, e.at()); // L13: the old one's is aborted
            }
            case OFFSETS -> {
                Txn txn = open.get(who);
                if (fencedByTimeout.contains(who)) {
                    fencedAfterTimeout(e.step(), who + " adds offsets", String.valueOf(e.result()));
                } else if (e.result() != TransactionOutcome.OFFSETS_ADDED) {
                    anomalies.add(REFUSED.found(
                            e.step(), who + " added offsets to its open transaction and got " + e.result()));
                } else if (txn != null) {
                    parseOffsets(e.note()).forEach(txn.offsets::put);
                    started(txn, e.at());
                }
            }
            case ZOMBIE_COMMIT, ZOMBIE_OFFSETS -> {
                if (e.result() != TransactionOutcome.PRODUCER_FENCED) {
                    anomalies.add(ZOMBIE_WRITE.found(
                            e.step(),
                            e.action() + " and got " + e.result() + ": a restart fenced this"
                                    + " instance, and the log let it act on the transactional id"));
                } else {
                    coverage.add("transactions: zombie fenced");
                }
            }
            default ->
                throw new IllegalStateException("no transaction rule for " + e.what() + ": a bug in the checker");
        }
    }

    /** L15: a transaction's timer starts at its first record or offsets. */
    private void started(Txn txn, Instant at) {
        if (txn.firstWrite == null) {
            txn.firstWrite = at;
            txn.startOrder = started++;
        }
    }

    /**
     * L15: every open transaction whose first write is more than transaction.timeout.ms before {@code at} is
     * aborted (markers, in the order they started) and its producer fenced.
     */
    private void abortTimedOut(Instant at) {
        List<Map.Entry<String, Txn>> due = new ArrayList<>();
        for (Map.Entry<String, Txn> o : open.entrySet()) {
            Txn txn = o.getValue();
            if (txn.firstWrite != null
                    && Duration.between(txn.firstWrite, at).compareTo(config.transactionTimeout()) > 0) {
                due.add(o);
            }
        }
        due.sort(java.util.Comparator.comparingLong(o -> o.getValue().startOrder));
        for (Map.Entry<String, Txn> o : due) {
            open.remove(o.getKey());
            o.getValue().timedOut = true;
            fencedByTimeout.add(o.getKey());
            end(o.getValue(), TransactionOutcome.ABORTED, at);
            coverage.add("transactions: timed out and aborted by the coordinator");
        }
    }

    /** L15: what the producer the coordinator fenced does is answered PRODUCER_FENCED, and changes nothing. */
    private void fencedAfterTimeout(int step, String what, String answer) {
        if (answer.equals(TransactionOutcome.PRODUCER_FENCED.toString())
                || answer.equals(AppendOutcome.Status.PRODUCER_FENCED.toString())) {
            coverage.add("transactions: a producer fenced after its transaction timed out");
            return;
        }
        anomalies.add(TRANSACTION_OUTLIVED_TIMEOUT.found(
                step,
                what + " and got " + answer + ", but its transaction was open longer than the transaction timeout ("
                        + Durations.brief(config.transactionTimeout()) + ") after its first write: the coordinator"
                        + " aborted it and fenced this producer"));
    }

    /** L14: a marker in every partition the transaction wrote to, and its records committed or aborted together. */
    private void end(Txn txn, TransactionOutcome how, Instant at) {
        if (txn == null) {
            return;
        }
        txn.end = how;
        ended.add(txn);
        if (how == TransactionOutcome.COMMITTED && !txn.offsets.isEmpty()) {
            groups.committedByTransaction(txn.offsets); // L14: with its records, or not at all
            coverage.add("transactions: offsets committed with the records");
        }
        for (int p : new TreeSet<>(txn.first.keySet())) {
            partitions.get(p).put(hw[p], new Entry(null, at, txn, true));
            hw[p]++;
        }
    }

    private static Map<Integer, Long> parseOffsets(String printed) {
        Map<Integer, Long> out = new HashMap<>();
        for (String pair : printed.replaceAll("[{}\\s]", "").split(",")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=");
                out.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
            }
        }
        return out;
    }

    /**
     * A restart: what was acknowledged as forced survives (records, offsets, committed offsets); what lived in
     * memory or in the page cache is gone, which is that storage's promise, not an anomaly. Either way the new
     * process knows no members, and counts unkeyed records from p0 again.
     */
    private void restarted(LogEvent.Restarted e) {
        nullKeyed = 0;
        open.clear();
        fencedByTimeout.clear();
        idempotentWrites.clear(); // the producers start again with new ids: no state anywhere
        writeIndex.clear();
        boolean kept = e.kept() == dev.queuelab.api.log.Durability.FORCED;
        keptAcrossRestart |= kept;
        if (!kept) {
            partitions.forEach(TreeMap::clear);
            java.util.Arrays.fill(hw, 0);
            java.util.Arrays.fill(logStart, 0);
            offsetOf.clear();
            readAt.clear();
        }
        groups.restarted(kept);
        coverage.add("restart: the log restarted");
        coverage.add(
                kept
                        ? "restart: forced appends survived"
                        : "restart: the log came back empty, as its storage promises");
    }

    // ---- reads ----

    /** L6: the first offset of the earliest open transaction, moved up to the log start; else the high watermark. */
    private long lso(int p) {
        return open.values().stream()
                .map(txn -> txn.first.get(p))
                .filter(o -> o != null)
                .min(Long::compare)
                .map(first -> Math.max(first, logStart[p]))
                .orElse(hw[p]);
    }

    /**
     * L5, L6: whether {@code offset} may be the last stable offset at {@code at}: the model's, or, while a
     * transaction is open, a later one if retention could have deleted everything below it since the log start
     * was last seen (the first unstable offset moves up with the log start).
     */
    private boolean stableAt(int p, long offset, Instant at) {
        long lso = lso(p);
        return offset == lso || offset > lso && lso < hw[p] && offset <= hw[p] && expiredBelow(p, offset, at);
    }

    /** True if every offset from {@code offset} to the high watermark holds a transaction marker (one at least). */
    private boolean onlyMarkersFrom(int p, long offset) {
        if (offset < 0 || offset >= hw[p]) {
            return false;
        }
        var tail = partitions.get(p).subMap(offset, true, hw[p], false);
        return tail.size() == hw[p] - offset && tail.values().stream().allMatch(Entry::marker);
    }

    private boolean visible(Entry en, long offset, int p, IsolationLevel isolation) {
        if (en.marker()) {
            return false;
        }
        if (isolation == IsolationLevel.READ_UNCOMMITTED) {
            return true;
        }
        return offset < lso(p) && (en.txn() == null || en.txn().end != TransactionOutcome.ABORTED);
    }

    private void fetched(LogEvent.Fetched e) {
        int p = e.partition();
        FetchResult fr = e.result();
        boolean drain = e.reader().equals(LogRunner.DRAINER);
        String who = e.reader() + "'s read of p" + p + " from " + e.from() + " at " + t(e.at());
        offsets(e.step(), e.at(), p, fr.logStartOffset(), fr.highWatermark(), fr.lastStableOffset());
        if (fr.records().size() > e.max()) {
            anomalies.add(BATCH_OVER_MAX.found(
                    e.step(),
                    who + " asked for up to " + e.max() + " and got "
                            + fr.records().size()));
        }
        if (e.from() > hw[p]) {
            anomalies.add(READ_PAST_END.found(
                    e.step(),
                    who + " was answered with " + fr.records().size() + " record(s) and next offset "
                            + fr.nextOffset() + ", but " + e.from() + " is beyond the high watermark " + hw[p]
                            + ": it should have been refused as out of range, or the reader waits there and skips"
                            + " what is appended below it"));
            return;
        }
        if (e.from() == hw[p]) {
            coverage.add("read: at the high watermark");
        }
        long bound = e.isolation() == IsolationLevel.READ_COMMITTED ? lso(p) : hw[p];
        long previous = e.from() - 1;
        Set<Long> returned = new HashSet<>();
        for (ConsumerRecord r : fr.records()) {
            Entry en = partitions.get(p).get(r.offset());
            if (r.offset() <= previous) {
                anomalies.add(NONMONOTONIC_POLL.found(
                        e.step(), who + " returned offset " + r.offset() + " after " + previous));
            } else if (en == null || en.marker()) {
                anomalies.add((en == null ? UNEXPECTED : INCONSISTENT_OFFSETS)
                        .found(
                                e.step(),
                                who + " returned " + r.value() + "@" + r.offset() + ", but "
                                        + (en == null
                                                ? "nothing was appended there"
                                                : "that offset holds a transaction marker")));
            } else if (!r.asProducerRecord().equals(en.record())) {
                anomalies.add(INCONSISTENT_OFFSETS.found(
                        e.step(),
                        who + " returned " + r.value() + " (key " + r.key() + ") at offset " + r.offset()
                                + ", which holds " + en.record().value() + " (key "
                                + en.record().key() + ")"));
            } else if (e.isolation() == IsolationLevel.READ_COMMITTED
                    && en.txn() != null
                    && en.txn().end == TransactionOutcome.ABORTED) {
                anomalies.add(ABORTED_READ.found(
                        e.step(),
                        who + " (read_committed) returned " + r.value() + "@" + r.offset() + ", written by "
                                + en.txn().name + ", which aborted"));
            } else if (r.offset() >= bound) {
                anomalies.add(OPEN_TRANSACTION_READ.found(
                        e.step(),
                        who + " (" + e.isolation().toString().toLowerCase(java.util.Locale.ROOT)
                                + ") returned " + r.value() + "@" + r.offset() + ", at or past " + bound
                                + (bound == hw[p]
                                        ? ", the high watermark"
                                        : ", the last stable offset ("
                                                + open.values().stream()
                                                        .filter(txn -> txn.first.containsKey(p))
                                                        .map(txn -> txn.name)
                                                        .findFirst()
                                                        .orElse("?")
                                                + " is still open)")));
            }
            previous = Math.max(previous, r.offset());
            returned.add(r.offset());
            if (!readAt.add(p + "@" + r.offset())) {
                coverage.add("read: an offset read again holds the same record");
            }
        }
        if (!fr.records().isEmpty() && fr.nextOffset() <= previous || fr.nextOffset() < e.from()) {
            ConsumerRecord last = fr.records().isEmpty()
                    ? null
                    : fr.records().get(fr.records().size() - 1);
            anomalies.add(POLL_REPEAT.found(
                    e.step(),
                    who + " answered next offset " + fr.nextOffset() + ", but "
                            + (last == null
                                    ? "it began at " + e.from()
                                    : "it returned " + last.value() + "@" + last.offset())
                            + ": a reader that goes on from there reads "
                            + (last == null ? "what it had read" : last.value()) + " again"));
        }
        long limit = Math.max(e.from(), Math.min(Math.max(fr.nextOffset(), previous + 1), bound));
        for (Map.Entry<Long, Entry> en :
                partitions.get(p).subMap(e.from(), true, limit, false).entrySet()) {
            if (!returned.contains(en.getKey()) && visible(en.getValue(), en.getKey(), p, e.isolation())) {
                anomalies.add((drain ? LOST_WRITE : POLL_SKIP)
                        .found(
                                e.step(),
                                who + " went on at " + fr.nextOffset() + " without "
                                        + en.getValue().record().value() + "@" + en.getKey()
                                        + (drain
                                                ? ", which was acknowledged and is still"
                                                        + " inside the log's offsets: it is gone"
                                                : ", which it should have returned first")));
                break;
            }
        }
        if (fr.records().isEmpty()
                && e.from() < bound
                && partitions.get(p).subMap(e.from(), bound).entrySet().stream()
                        .noneMatch(en -> visible(en.getValue(), en.getKey(), p, e.isolation()))
                && fr.nextOffset() < bound) {
            anomalies.add(POLL_STALL.found(
                    e.step(),
                    who + " returned nothing and next offset " + fr.nextOffset() + ", but nothing"
                            + " it may show lies in [" + e.from() + ", " + bound + "): it should have stepped over to "
                            + bound
                            + ", or its reader stays stuck there"));
        }
        if (e.isolation() == IsolationLevel.READ_COMMITTED && hw[p] > lso(p) && fr.nextOffset() >= lso(p)) {
            coverage.add("transactions: read_committed held back at an open transaction");
        }
        if (e.isolation() == IsolationLevel.READ_COMMITTED
                && partitions.get(p).subMap(e.from(), limit).values().stream()
                        .anyMatch(
                                en -> en.txn() != null && en.txn().end == TransactionOutcome.ABORTED && !en.marker())) {
            coverage.add("transactions: aborted records hidden from read_committed");
        }
    }

    private void outOfRange(LogEvent.OutOfRange e) {
        int p = e.partition();
        if (e.from() > hw[p]) {
            coverage.add("read: beyond the high watermark refused");
        }
        if (e.from() < hw[p] && !expiredBelow(p, e.from() + 1, e.at())) {
            anomalies.add(RETENTION_EARLY.found(
                    e.step(),
                    e.reader() + "'s read of p" + p + " from " + e.from() + " at " + t(e.at())
                            + " was refused as out of range, but offset " + e.from() + " is below the high watermark ("
                            + hw[p]
                            + ") and retention could not have deleted it yet"));
        }
    }

    /** L1, L3, L5, L6: the offsets a log reports against what the model knows. */
    private void offsets(int step, Instant at, int p, long reportedStart, long reportedHw, long reportedLso) {
        Txn noMarker = unmarked.remove(p);
        if (noMarker != null) {
            anomalies.add(missingMarker(step, at, p, noMarker, reportedLso, "an append took the offset of its marker"));
            return;
        }
        if (reportedHw != hw[p]) {
            highWatermark(step, at, p, reportedHw, reportedLso);
            return;
        }
        if (reportedStart > logStart[p]) {
            if (reportedStart > hw[p]) {
                anomalies.add(RETENTION_EARLY.found(
                        step,
                        "at " + t(at) + " p" + p + "'s log start offset moved to " + reportedStart
                                + ", past the high watermark " + hw[p]
                                + ": retention deleted what no reader had seen"));
            } else if (!expiredBelow(p, reportedStart, at)) {
                anomalies.add(RETENTION_EARLY.found(
                        step,
                        "at " + t(at) + " p" + p + "'s log start offset moved to " + reportedStart
                                + ", deleting records younger than the retention time ("
                                + Durations.brief(config.retentionTime()) + ")"
                                + (config.retentionBytes() == LogConfig.UNLIMITED
                                        ? ""
                                        : " while only " + bytesFrom(p, reportedStart)
                                                + " bytes remain, under retention.bytes (" + config.retentionBytes()
                                                + ")")));
            }
            logStart[p] = reportedStart;
            coverage.add("retention: log start moved");
            if (lso(p) < hw[p]
                    && open.values().stream().anyMatch(txn -> txn.first.getOrDefault(p, hw[p]) < logStart[p])) {
                coverage.add("retention: an open transaction's first records deleted");
            }
        }
        if (reportedLso != lso(p)) {
            Optional<Txn> left = ended.stream()
                    .filter(txn -> Long.valueOf(reportedLso).equals(txn.first.get(p)))
                    .findFirst();
            anomalies.add(
                    reportedLso < lso(p) && left.isPresent() && neverEnded(left.get())
                            ? outlived(step, at, p, left.get(), reportedLso)
                            : reportedLso < lso(p) && left.isPresent()
                                    ? TRANSACTION_LEFT_OPEN.found(
                                            step,
                                            "at " + t(at) + " p" + p + "'s last stable offset is reported as "
                                                    + reportedLso
                                                    + ", where " + left.get().name + " began writing there; it "
                                                    + left.get().end.toString().toLowerCase(Locale.ROOT)
                                                    + ", yet p" + p + " still holds read_committed readers at "
                                                    + reportedLso + " (it should be " + lso(p) + ")")
                                    : OPEN_TRANSACTION_READ.found(
                                            step,
                                            "at " + t(at) + " p" + p + "'s last stable offset is reported as "
                                                    + reportedLso
                                                    + ", but it is " + lso(p)
                                                    + (reportedLso < logStart[p]
                                                            ? " (below the log start " + logStart[p]
                                                                    + ": retention deleted the open transaction's first"
                                                                    + " records, so its first unstable offset moves up)"
                                                            : lso(p) == hw[p]
                                                                    ? " (no transaction is open there)"
                                                                    : "")));
        }
    }

    /**
     * L14: a transaction ended, and partition p has no marker of it: if p still holds read_committed readers at
     * the transaction's first offset there, the harm is a transaction left open; else the marker alone is missing.
     */
    private Anomaly missingMarker(int step, Instant at, int p, Txn txn, long reportedLso, String what) {
        if (neverEnded(txn)) {
            return outlived(step, at, p, txn, reportedLso);
        }
        Long first = txn.first.get(p);
        String ended = txn.end.toString().toLowerCase(Locale.ROOT);
        if (first != null && reportedLso == Math.max(first, logStart[p])) {
            return TRANSACTION_LEFT_OPEN.found(
                    step,
                    "at " + t(at) + " " + txn.name + " has " + ended + ", but p" + p + " has no marker of it and"
                            + " its last stable offset is still " + reportedLso + ", where " + txn.name
                            + " began writing there: read_committed readers of p" + p + " wait there for ever");
        }
        return MISSING_MARKER.found(
                step, what + ": " + txn.name + " " + ended + ", and the log wrote no marker of it in p" + p);
    }

    /**
     * L15 rather than L14: a timed-out transaction that wrote to one partition only and has no marker there was
     * never aborted at all, so the timeout is what failed; across several partitions, a marker missing in one is
     * an end that did not reach every partition (L14), whoever ended it.
     */
    private static boolean neverEnded(Txn txn) {
        return txn.timedOut && txn.first.size() <= 1;
    }

    /** L15: a transaction the coordinator should have aborted past its timeout, still open (or unmarked) in p. */
    private Anomaly outlived(int step, Instant at, int p, Txn txn, long reportedLso) {
        return TRANSACTION_OUTLIVED_TIMEOUT.found(
                step,
                "at " + t(at) + " " + txn.name + " first wrote at " + t(txn.firstWrite) + ", more than the"
                        + " transaction timeout (" + Durations.brief(config.transactionTimeout()) + ") ago, so the"
                        + " coordinator aborts it with a marker in every partition it wrote to; yet p" + p
                        + " has no marker of it and its last stable offset is " + reportedLso);
    }

    /** L1, L3, L14: a high watermark that is not the end of what was written, told by what lies between. */
    private void highWatermark(int step, Instant at, int p, long reportedHw, long reportedLso) {
        String what = "at " + t(at) + " p" + p + "'s high watermark is reported as " + reportedHw + ", but " + hw[p]
                + " offsets were written there";
        Entry missing = partitions.get(p).get(reportedHw);
        if (reportedHw > hw[p]) {
            anomalies.add(INCONSISTENT_OFFSETS.found(step, what));
        } else if (onlyMarkersFrom(p, reportedHw)) {
            Txn unended = partitions.get(p).subMap(reportedHw, hw[p]).values().stream()
                    .map(Entry::txn)
                    .filter(LogModel::neverEnded)
                    .findFirst()
                    .orElse(missing.txn()); // L15 first: a timed-out transaction the log never ended at all
            anomalies.add(missingMarker(step, at, p, unended, reportedLso, what));
        } else if (keptAcrossRestart || missing == null) {
            anomalies.add(LOST_WRITE.found(step, what));
        } else {
            anomalies.add(HIGH_WATERMARK_LAGS.found(
                    step,
                    what + ": "
                            + (missing.marker()
                                    ? "the marker of " + missing.txn().name
                                    : missing.record().value() + "@" + reportedHw + ", acknowledged at "
                                            + t(missing.at()) + ",")
                            + " and what follows it are invisible to every reader"));
        }
        hw[p] = Math.max(hw[p], reportedHw);
    }

    /**
     * L5: retention may have deleted everything below {@code offset}: each record there is older than
     * retention.ms, or the partition still holds at least retention.bytes from {@code offset} on.
     */
    private boolean expiredBelow(int p, long offset, Instant at) {
        boolean byTime = !config.keepsForever()
                && partitions.get(p).headMap(offset, false).values().stream()
                        .allMatch(en -> Duration.between(en.at(), at).compareTo(config.retentionTime()) > 0);
        return byTime
                || config.retentionBytes() != LogConfig.UNLIMITED && bytesFrom(p, offset) >= config.retentionBytes();
    }

    private long bytesFrom(int p, long offset) {
        return partitions.get(p).tailMap(offset, true).values().stream()
                .mapToLong(en -> en.marker() ? 0 : en.record().sizeInBytes())
                .sum();
    }

    /**
     * L5, L10: where a member may start a partition it is given. With a committed offset the log still serves,
     * exactly there (or later, if retention deleted what lies between); with none, or one the log no longer
     * serves, at the reset: the log start (earliest) or the end a reader of the group's isolation sees (latest).
     */
    private boolean resumeAllowed(int step, int p, Long committed, long start, Instant at, boolean latest) {
        if (committed != null && (start == committed || start > committed && expiredBelow(p, start, at))) {
            return committed <= hw[p];
        }
        boolean reset = committed == null || committed > hw[p] || expiredBelow(p, committed + 1, at);
        if (!reset) {
            return false;
        }
        if (latest) {
            return isolation == IsolationLevel.READ_COMMITTED ? stableAt(p, start, at) : start == hw[p];
        }
        if (start > logStart[p] && start <= hw[p] && !expiredBelow(p, start, at)) {
            anomalies.add(RETENTION_EARLY.found(
                    step,
                    "p" + p + " starts at " + start + ", its log start (auto.offset.reset=earliest), at " + t(at)
                            + ": retention deleted [" + logStart[p] + ", " + start + "), records younger than the"
                            + " retention time (" + Durations.brief(config.retentionTime()) + ")"
                            + (config.retentionBytes() == LogConfig.UNLIMITED
                                    ? ""
                                    : " while only " + bytesFrom(p, start) + " bytes remain, under retention.bytes ("
                                            + config.retentionBytes() + ")")));
            return true; // told as what it is: the log start moved too early
        }
        return start == logStart[p] || start > logStart[p] && start <= hw[p];
    }

    private void sought(LogEvent.Sought e) {
        int p = e.partition();
        long expected = partitions.get(p).tailMap(logStart[p], true).entrySet().stream()
                .filter(en -> !en.getValue().marker() && !en.getValue().at().isBefore(e.target()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(hw[p]);
        if (e.offset() != expected) {
            anomalies.add(SEEK_WRONG.found(
                    e.step(),
                    "the first record of p" + p + " at or after " + t(e.target()) + " is at offset " + expected
                            + ", but the log answered " + e.offset()));
        }
        coverage.add("seek: by timestamp");
    }

    private String t(Instant at) {
        return "t=" + Durations.brief(Duration.between(start, at));
    }
}
