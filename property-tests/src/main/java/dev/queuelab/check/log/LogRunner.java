package dev.queuelab.check.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.DefaultPartitioner;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.OffsetOutOfRangeException;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.api.log.ProducerIdAndEpoch;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.check.ClockDriver;
import dev.queuelab.check.Runner;
import dev.queuelab.check.log.LogEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a log scenario, single-threaded, against one implementation, and records the history. It plays the
 * clients: producers that number their appends and retry, consumers of group {@code g1} that keep their
 * positions, heartbeat on every poll and rejoin when the group moved on, and transactional producers. After
 * the last step it drains: it reads every partition from its start to its end and looks at the offsets.
 *
 * <p>It calls the log only where a step says so, records every answer as it came, and judges nothing: that
 * is the model's job.
 */
final class LogRunner {

    static final String GROUP = "g1";
    static final String DRAINER = "drainer";
    /** How a fenced former instance of a transactional producer is named in the history. */
    static final String ZOMBIE = "(fenced instance)";

    private LogRunner() {}

    /** Runs scenarios on fresh logs the factory makes, reading time from the clocks the driver supplies. */
    static Runner<LogSetup, LogStep, LogCapabilities, LogEvent> of(LogFactory factory, Supplier<ClockDriver> clocks) {
        return new Runner<>((config, clock) -> new Run(factory, config, clock), clocks);
    }

    /** An idempotent or plain producer: its id, next sequence per partition, and its last append for a retry. */
    private static final class Producer {
        ProducerIdAndEpoch id;
        ProducerIdAndEpoch zombie;
        boolean inTransaction;
        final Map<Integer, Integer> nextSequence = new HashMap<>();
        final Map<Integer, Integer> zombieSequence = new HashMap<>();
        final List<Sent> sent = new ArrayList<>(); // its appends, oldest first, for retries
        int offsetsSent;
    }

    /** One append as its producer remembers it, to send it again. */
    private record Sent(ProducerRecord record, int partition, int sequence, boolean idempotent) {}

    /** A consumer of g1: its member id, generation, partitions and positions (the next offset to read). */
    private static final class Member {
        String id;
        boolean latest; // auto.offset.reset=latest where the group committed nothing
        boolean stuck; // it stopped rejoining when refused, and goes on in its old generation
        int generation;
        List<Integer> partitions = List.of();
        final Map<Integer, Long> positions = new HashMap<>();
    }

    private static final class Run implements Runner.Play<LogStep, LogEvent> {
        final LogFactory factory;
        final LogSetup setup;
        final ClockDriver clock;
        final List<LogEvent> events = new ArrayList<>();
        final Map<String, Producer> producers = new HashMap<>();
        final Map<String, Member> members = new LinkedHashMap<>();
        final Map<String, Integer> incarnations = new HashMap<>();
        PartitionedLog log;
        int values;
        int step;
        String doing = "";

        Run(LogFactory factory, LogSetup setup, ClockDriver clock) {
            this.factory = factory;
            this.setup = setup;
            this.clock = clock;
        }

        @Override
        public void create() {
            log = factory.create(setup.log(), clock.clock());
        }

        @Override
        public List<LogEvent> events() {
            return events;
        }

        @Override
        public LogEvent threw(RuntimeException e) {
            String action = log == null ? "create the log (" + setup + ")" : doing;
            return new LogEvent.Threw(step, clock.now(), action, e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        private int partitions() {
            return setup.log().partitions();
        }

        @Override
        public void perform(LogStep s) {
            step++;
            if (s instanceof LogStep.Produce p) {
                produce("P" + p.producer(), p.key(), p.idempotent(), p.ackLost());
            } else if (s instanceof LogStep.Retry r) {
                retry("P" + r.producer(), r.back());
            } else if (s instanceof LogStep.Gap g) {
                gap("P" + g.producer());
            } else if (s instanceof LogStep.Fetch f) {
                fetch(f);
            } else if (s instanceof LogStep.SeekTime t) {
                int p = t.partition() % partitions();
                Instant target = clock.now().minusSeconds(t.secondsAgo());
                doing = "a reader seeks p" + p + " by timestamp";
                events.add(new LogEvent.Sought(
                        step,
                        clock.now(),
                        p,
                        target,
                        log.offsetFor(p, Seek.toTimestamp(target), IsolationLevel.READ_UNCOMMITTED)));
            } else if (s instanceof LogStep.SeekEnd t) {
                int p = t.partition() % partitions();
                IsolationLevel isolation =
                        t.readCommitted() ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
                doing = "a reader seeks to the end of p" + p;
                events.add(new LogEvent.SoughtEnd(
                        step, clock.now(), p, isolation, log.offsetFor(p, Seek.latest(), isolation)));
            } else if (s instanceof LogStep.Join j) {
                join(j.consumer(), j.latest());
            } else if (s instanceof LogStep.Leave l) {
                Member m = alive(l.consumer(), "leaves");
                if (m != null) {
                    doing = l.consumer() + " leaves";
                    log.leave(GROUP, m.id);
                    members.remove(l.consumer());
                    events.add(new LogEvent.Left(step, clock.now(), l.consumer(), m.id));
                }
            } else if (s instanceof LogStep.Poll p) {
                poll(p.consumer(), p.max(), p.rejoins());
            } else if (s instanceof LogStep.Commit c) {
                commit(c.consumer());
            } else if (s instanceof LogStep.Crash c) {
                Member m = alive(c.consumer(), "crashes");
                if (m != null) {
                    members.remove(c.consumer());
                    events.add(new LogEvent.Crashed(step, clock.now(), c.consumer(), m.id));
                }
            } else if (s instanceof LogStep.Replay r) {
                replay(r.consumer(), r.back());
            } else if (s instanceof LogStep.Txn t) {
                transaction("T" + t.producer(), t.action(), t.key());
            } else if (s instanceof LogStep.Tick t) {
                clock.advance(Duration.ofSeconds(t.seconds()));
                events.add(new LogEvent.Ticked(step, clock.now(), Duration.ofSeconds(t.seconds())));
            } else if (s instanceof LogStep.Observe) {
                observe();
            } else if (s instanceof LogStep.Restart) {
                doing = "the log restarts";
                var kept = log.durability();
                log = factory.restart(log, setup.log(), clock.clock());
                members.clear(); // their sessions died with the process
                producers.clear(); // and their producer ids and sequences
                events.add(new LogEvent.Restarted(step, clock.now(), kept));
            } else {
                throw new IllegalStateException("the log runner has no rule for step " + s + ": a bug in the checker");
            }
        }

        private ProducerRecord next(String producer, int key) {
            values++;
            return new ProducerRecord(key == 0 ? null : "k" + key, "v" + values, Map.of("producer", producer));
        }

        private void produce(String name, int key, boolean idempotent, boolean ackLost) {
            Producer p = producers.computeIfAbsent(name, n -> new Producer());
            ProducerRecord record = next(name, idempotent ? Math.max(1, key) : key);
            doing = name + " appends " + record.value();
            AppendOutcome result;
            int partition = -1;
            int sequence = -1;
            if (idempotent) {
                if (p.id == null) {
                    p.id = log.initProducerId();
                }
                partition = DefaultPartitioner.partition(record.key(), partitions());
                sequence = p.nextSequence.merge(partition, 1, Integer::sum) - 1;
                result = log.append(p.id, partition, sequence, record);
            } else {
                result = log.append(record.key(), record.value(), record.headers());
            }
            p.sent.add(new Sent(record, partition, sequence, idempotent));
            events.add(new LogEvent.Appended(
                    step,
                    clock.now(),
                    name,
                    record,
                    idempotent ? Kind.IDEMPOTENT : Kind.PLAIN,
                    idempotent,
                    result,
                    ackLost));
        }

        private void retry(String name, int back) {
            Producer p = producers.get(name);
            if (p == null || p.sent.isEmpty()) {
                events.add(new LogEvent.Skipped(
                        step, clock.now(), name + " retries an append", name + " has sent nothing"));
                return;
            }
            Sent again = p.sent.get(Math.max(0, p.sent.size() - 1 - back));
            doing = name + " retries " + again.record().value();
            AppendOutcome result = again.idempotent()
                    ? log.append(p.id, again.partition(), again.sequence(), again.record())
                    : log.append(
                            again.record().key(),
                            again.record().value(),
                            again.record().headers());
            events.add(new LogEvent.Appended(
                    step, clock.now(), name, again.record(), Kind.RETRY, again.idempotent(), result, false));
        }

        /**
         * A sequence one past the next, on the partition of the producer's last idempotent append (there it has
         * state, and the gap must be refused); a producer that has sent nothing idempotent sends it to k1's
         * partition, where any first sequence is accepted (L12).
         */
        private void gap(String name) {
            Producer p = producers.computeIfAbsent(name, n -> new Producer());
            if (p.id == null) {
                p.id = log.initProducerId();
            }
            int key = 1;
            for (int i = p.sent.size() - 1; i >= 0; i--) {
                if (p.sent.get(i).idempotent()) {
                    key = Integer.parseInt(p.sent.get(i).record().key().substring(1));
                    break;
                }
            }
            ProducerRecord record = next(name, key);
            int partition = DefaultPartitioner.partition(record.key(), partitions());
            int sequence = p.nextSequence.getOrDefault(partition, 0) + 1; // one past the next: a gap
            doing = name + " appends " + record.value() + " with sequence " + sequence;
            AppendOutcome result = log.append(p.id, partition, sequence, record);
            if (result.written()) { // a first sequence: the producer goes on from it
                p.nextSequence.put(partition, sequence + 1);
                p.sent.add(new Sent(record, partition, sequence, true));
            }
            events.add(new LogEvent.Appended(step, clock.now(), name, record, Kind.GAP, true, result, false));
        }

        private void transaction(String name, LogStep.TxnAction action, int key) {
            Producer p = producers.computeIfAbsent(name, n -> new Producer());
            boolean needsId = action == LogStep.TxnAction.RESTART
                    || action == LogStep.TxnAction.BEGIN && !p.inTransaction; // the others skip without one
            if (p.id == null && needsId) {
                doing = name + " initialises its transactional id";
                p.id = log.initTransactions("tx-" + name);
            }
            doing = name + " " + action;
            Instant now = clock.now();
            switch (action) {
                case BEGIN -> {
                    if (p.inTransaction) {
                        events.add(
                                new LogEvent.Skipped(step, now, name + " begins a transaction", "one is open already"));
                        return;
                    }
                    TransactionOutcome result = log.beginTransaction(p.id);
                    p.inTransaction = result == TransactionOutcome.BEGUN;
                    events.add(new LogEvent.Transaction(step, now, name, action, result, ""));
                }
                case APPEND -> {
                    if (!p.inTransaction) {
                        events.add(
                                new LogEvent.Skipped(step, now, name + " appends in its transaction", "none is open"));
                        return;
                    }
                    ProducerRecord record = next(name, Math.max(1, key));
                    int partition = DefaultPartitioner.partition(record.key(), partitions());
                    int sequence = p.nextSequence.merge(partition, 1, Integer::sum) - 1;
                    AppendOutcome result = log.append(p.id, partition, sequence, record);
                    events.add(new LogEvent.Appended(step, now, name, record, Kind.TRANSACTIONAL, true, result, false));
                    fenced(p, result.status() == AppendOutcome.Status.PRODUCER_FENCED);
                }
                case COMMIT, ABORT -> {
                    if (!p.inTransaction) {
                        events.add(new LogEvent.Skipped(step, now, name + " ends its transaction", "none is open"));
                        return;
                    }
                    p.inTransaction = false;
                    TransactionOutcome result = action == LogStep.TxnAction.COMMIT
                            ? log.commitTransaction(p.id)
                            : log.abortTransaction(p.id);
                    events.add(new LogEvent.Transaction(step, now, name, action, result, ""));
                    fenced(p, result == TransactionOutcome.PRODUCER_FENCED);
                }
                case OFFSETS -> {
                    if (!p.inTransaction) {
                        events.add(new LogEvent.Skipped(
                                step, now, name + " adds offsets to its transaction", "none is open"));
                        return;
                    }
                    Map<Integer, Long> offsets = offsets(p);
                    TransactionOutcome result = log.sendOffsetsToTransaction(p.id, GROUP, offsets);
                    events.add(new LogEvent.Transaction(step, now, name, action, result, offsets.toString()));
                    fenced(p, result == TransactionOutcome.PRODUCER_FENCED);
                }
                case ZOMBIE_COMMIT, ZOMBIE_OFFSETS -> {
                    if (p.zombie == null) {
                        events.add(
                                new LogEvent.Skipped(step, now, name + "'s old instance acts", "it never restarted"));
                        return;
                    }
                    try {
                        events.add(new LogEvent.Transaction(
                                step,
                                now,
                                name,
                                action,
                                action == LogStep.TxnAction.ZOMBIE_COMMIT
                                        ? log.commitTransaction(p.zombie)
                                        : log.sendOffsetsToTransaction(p.zombie, GROUP, offsets(p)),
                                ""));
                    } catch (RuntimeException e) { // not fenced, and so refused for another reason
                        events.add(new LogEvent.Threw(
                                step,
                                now,
                                name + " " + ZOMBIE + " " + action.toString().toLowerCase(java.util.Locale.ROOT),
                                e.getClass().getSimpleName() + ": " + e.getMessage(),
                                true));
                    }
                }
                case RESTART -> {
                    boolean open = p.inTransaction;
                    p.zombie = p.id;
                    p.zombieSequence.clear();
                    p.zombieSequence.putAll(p.nextSequence);
                    p.id = log.initTransactions("tx-" + name);
                    p.nextSequence.clear();
                    p.inTransaction = false;
                    events.add(new LogEvent.Transaction(
                            step,
                            now,
                            name,
                            action,
                            null,
                            open ? "the log aborts the transaction the old instance left open" : ""));
                }
                case ZOMBIE_APPEND -> {
                    if (p.zombie == null) {
                        events.add(new LogEvent.Skipped(
                                step, now, name + "'s old instance appends", "it never restarted"));
                        return;
                    }
                    ProducerRecord record = next(name, Math.max(1, key));
                    int partition = DefaultPartitioner.partition(record.key(), partitions());
                    int sequence = p.zombieSequence.merge(partition, 1, Integer::sum) - 1;
                    try {
                        events.add(new LogEvent.Appended(
                                step,
                                now,
                                name,
                                record,
                                Kind.ZOMBIE,
                                true,
                                log.append(p.zombie, partition, sequence, record),
                                false));
                    } catch (RuntimeException e) { // not fenced, and so refused for another reason
                        events.add(new LogEvent.Threw(
                                step,
                                now,
                                name + " " + ZOMBIE + " appends " + record.value(),
                                e.getClass().getSimpleName() + ": " + e.getMessage(),
                                true));
                    }
                }
                default -> throw new IllegalStateException("no rule for " + action + ": a bug in the checker");
            }
        }

        /**
         * A producer whose own instance was fenced (the coordinator aborted its transaction past the timeout, L15)
         * can do nothing more: like Kafka's client after ProducerFencedException it is closed, and the next begin
         * initialises the transactional id again.
         */
        private static void fenced(Producer p, boolean fenced) {
            if (fenced) {
                p.id = null;
                p.inTransaction = false;
                p.nextSequence.clear();
            }
        }

        /** Offsets a read-process-write step would commit for g1: one more each time, on every partition. */
        private Map<Integer, Long> offsets(Producer p) {
            Map<Integer, Long> offsets = new java.util.TreeMap<>();
            p.offsetsSent++;
            for (int partition = 0; partition < partitions(); partition++) {
                offsets.put(partition, (long) p.offsetsSent);
            }
            return offsets;
        }

        private void fetch(LogStep.Fetch f) {
            int p = f.partition() % partitions();
            doing = "a reader reads p" + p;
            long end = log.highWatermark(p);
            long from = f.back() == -2
                    ? end + 1
                    : f.back() < 0 ? log.logStartOffset(p) : Math.max(log.logStartOffset(p), end - f.back());
            read(
                    "reader",
                    p,
                    from,
                    f.max(),
                    f.readCommitted() ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED);
        }

        /** One read; a refused offset is recorded as such. Returns where the reader goes next. */
        private long read(String reader, int partition, long from, int max, IsolationLevel isolation) {
            doing = reader + " reads p" + partition + " from " + from;
            try {
                var result = log.read(partition, from, max, isolation);
                events.add(new LogEvent.Fetched(step, clock.now(), reader, partition, from, max, isolation, result));
                return result.nextOffset();
            } catch (OffsetOutOfRangeException e) {
                events.add(new LogEvent.OutOfRange(step, clock.now(), reader, partition, from, e.getMessage()));
                return log.logStartOffset(partition); // auto.offset.reset = earliest
            }
        }

        private Member alive(String consumer, String what) {
            Member m = members.get(consumer);
            if (m == null) {
                events.add(new LogEvent.Skipped(
                        step, clock.now(), consumer + " " + what, consumer + " is not in the group"));
            }
            return m;
        }

        private void join(String consumer, boolean latest) {
            if (members.containsKey(consumer)) {
                events.add(new LogEvent.Skipped(
                        step, clock.now(), consumer + " joins", consumer + " is a member already"));
                return;
            }
            Member m = new Member();
            m.id = consumer + "-" + incarnations.merge(consumer, 1, Integer::sum);
            m.latest = latest;
            members.put(consumer, m);
            assigned(consumer, m, log.join(GROUP, m.id));
        }

        /** Takes an assignment and starts each partition where the group resumes it (L10). */
        private void assigned(String consumer, Member m, Assignment a) {
            doing = consumer + " takes its assignment";
            m.generation = a.generation();
            m.partitions = a.partitions();
            m.positions.clear();
            Map<Integer, Long> starts = new LinkedHashMap<>();
            for (int p : a.partitions()) {
                long at = log.resumeOffset(GROUP, p, m.latest ? Seek.latest() : Seek.earliest(), setup.isolation());
                starts.put(p, at);
                m.positions.put(p, at);
            }
            events.add(new LogEvent.Joined(step, clock.now(), consumer, m.id, a, starts, m.latest));
        }

        private void poll(String consumer, int max, boolean rejoins) {
            Member m = alive(consumer, "polls");
            if (m == null) {
                return;
            }
            doing = consumer + " heartbeats";
            HeartbeatOutcome beat = log.heartbeat(GROUP, m.id, m.generation);
            events.add(new LogEvent.Heartbeat(step, clock.now(), consumer, m.id, m.generation, beat));
            m.stuck |= !rejoins;
            if (beat != HeartbeatOutcome.OK && !m.stuck) {
                assigned(consumer, m, log.join(GROUP, m.id)); // the group moved on: rejoin, as Kafka's poll does
            }
            for (int p : m.partitions) {
                m.positions.put(p, read(consumer, p, m.positions.get(p), max, setup.isolation()));
            }
        }

        private void commit(String consumer) {
            Member m = alive(consumer, "commits");
            if (m == null) {
                return;
            }
            for (int p : m.partitions) {
                long offset = m.positions.get(p);
                doing = consumer + " commits p" + p;
                events.add(new LogEvent.Committed(
                        step,
                        clock.now(),
                        consumer,
                        m.id,
                        m.generation,
                        p,
                        offset,
                        log.commit(GROUP, m.id, m.generation, p, offset)));
            }
        }

        private void replay(String consumer, int back) {
            Member m = alive(consumer, "replays");
            if (m == null || m.partitions.isEmpty()) {
                if (m != null) {
                    events.add(new LogEvent.Skipped(
                            step, clock.now(), consumer + " replays", consumer + " owns no partition"));
                }
                return;
            }
            int p = m.partitions.get(0);
            read(consumer + " (replay)", p, Math.max(0, m.positions.get(p) - back), back, setup.isolation());
        }

        private void observe() {
            doing = "the checker reads the offsets";
            List<LogEvent.Offsets> offsets = new ArrayList<>();
            for (int p = 0; p < partitions(); p++) {
                offsets.add(
                        new LogEvent.Offsets(p, log.logStartOffset(p), log.highWatermark(p), log.lastStableOffset(p)));
            }
            Map<Integer, Long> committed = new java.util.TreeMap<>();
            GroupDescription group = new GroupDescription(GROUP, 0, Map.of()); // a log without groups has none to show
            Map<String, Optional<Assignment>> shares = new java.util.TreeMap<>();
            if (log.capabilities().groups() || log.capabilities().transactions()) {
                // a transaction commits offsets too: a log with transactions and no members still shows them
                doing = "the checker reads the group's committed offsets";
                for (int p = 0; p < partitions(); p++) {
                    int partition = p;
                    log.committed(GROUP, p).ifPresent(c -> committed.put(partition, c));
                }
            }
            if (log.capabilities().groups()) {
                doing = "the checker describes the group";
                group = log.describeGroup(GROUP);
                doing = "the checker asks each member for its assignment";
                for (Map.Entry<String, Integer> c : incarnations.entrySet()) {
                    for (int i = 1; i <= c.getValue(); i++) {
                        String id = c.getKey() + "-" + i;
                        shares.put(id, log.assignment(GROUP, id));
                    }
                }
            }
            events.add(new LogEvent.Observed(step, clock.now(), offsets, committed, group, shares));
        }

        /** Reads every partition from its start to its end; bounded by what was appended. */
        @Override
        public void drain() {
            for (int p = 0; p < partitions(); p++) {
                step++;
                long from = log.logStartOffset(p);
                for (int round = 0; round <= values + 1 && from < log.highWatermark(p); round++) {
                    long next = read(DRAINER, p, from, 100, IsolationLevel.READ_UNCOMMITTED);
                    if (next <= from) {
                        break;
                    }
                    from = next;
                }
            }
            step++;
            observe();
        }
    }
}
