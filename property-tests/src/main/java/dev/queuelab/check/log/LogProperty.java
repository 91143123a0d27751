package dev.queuelab.check.log;

import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.LogFacts;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The partitioned log's properties: each generates scenarios aimed at one part of the contract and demands
 * that they reach the situations it is about. Every invariant is checked in every scenario.
 */
public enum LogProperty implements Property<LogSetup, LogStep, LogCapabilities> {

    /** Keys to partitions, dense offsets, reads and replays, retries without idempotence. */
    PARTITIONING(
            "partitioning",
            c -> true,
            Map.of(
                    "partitions: keyed records spread over partitions",
                    0.5,
                    "read: an offset read again holds the same record",
                    0.3,
                    "retry: written twice without idempotence",
                    0.1,
                    "seek: by timestamp",
                    0.2)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(40, Kind.PRODUCE),
                    w(6, Kind.RETRY),
                    w(30, Kind.FETCH),
                    w(6, Kind.SEEK),
                    w(12, Kind.TICK),
                    w(6, Kind.OBSERVE));
        }
    },

    /** Consumer groups: joins, leaves, crashes and session timeouts, polls, commits, resuming and replays. */
    GROUPS(
            "groups",
            LogCapabilities::groups,
            Map.of(
                    "groups: a rebalance while members held partitions",
                    0.4,
                    "groups: a session expired",
                    0.15,
                    "groups: resumed from a committed offset",
                    0.03,
                    "groups: a fenced commit refused",
                    0.05,
                    "read: an offset read again holds the same record",
                    0.2)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(24, Kind.PRODUCE),
                    w(10, Kind.JOIN),
                    w(3, Kind.LEAVE),
                    w(22, Kind.POLL),
                    w(12, Kind.COMMIT),
                    w(4, Kind.CRASH),
                    w(4, Kind.REPLAY),
                    w(12, Kind.TICK),
                    w(6, Kind.OBSERVE));
        }
    },

    /**
     * Stale members: consumers that stop rejoining when refused and go on heartbeating, reading and committing in
     * their old generation, over short ticks of the clock, so that their sessions run out while they still call.
     */
    STALE(
            "stale",
            LogCapabilities::groups,
            Map.of(
                    "groups: a stale member kept going without rejoining",
                    0.3,
                    "groups: a session expired",
                    0.08,
                    "groups: a fenced commit refused",
                    0.1)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(10, Kind.PRODUCE),
                    w(14, Kind.JOIN),
                    w(3, Kind.LEAVE),
                    w(12, Kind.POLL),
                    w(16, Kind.POLL_STALE),
                    w(8, Kind.COMMIT),
                    w(3, Kind.CRASH),
                    w(16, Kind.TICK_SHORT),
                    w(6, Kind.OBSERVE));
        }
    },

    /** Offsets and commits with one consumer: it polls, commits, crashes and comes back where it committed. */
    COMMITS(
            "commits",
            LogCapabilities::groups,
            Map.of(
                    "groups: resumed from a committed offset",
                    0.05,
                    "groups: reset to the latest offset",
                    0.08,
                    "read: an offset read again holds the same record",
                    0.1)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(30, Kind.PRODUCE),
                    w(10, Kind.JOIN),
                    w(3, Kind.JOIN_LATEST),
                    w(24, Kind.POLL),
                    w(14, Kind.COMMIT),
                    w(8, Kind.CRASH),
                    w(5, Kind.REPLAY),
                    w(6, Kind.TICK),
                    w(6, Kind.OBSERVE));
        }

        @Override
        String consumer(SplittableRandom random) {
            return "C1";
        }
    },

    /**
     * Restarts: the log's process dies and comes back, between appends, reads, members and commits. In memory
     * it comes back empty, as expected; on disk it keeps exactly what it forced (run with log.disk).
     */
    RESTART("restart", c -> true, Map.of("restart: the log restarted", 0.5)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(35, Kind.PRODUCE),
                    w(15, Kind.FETCH),
                    w(8, Kind.JOIN),
                    w(12, Kind.POLL),
                    w(8, Kind.COMMIT),
                    w(6, Kind.RESTART),
                    w(8, Kind.TICK),
                    w(8, Kind.OBSERVE));
        }
    },

    /** The idempotent producer: retries after a lost answer written once, gaps refused. */
    IDEMPOTENCE(
            "idempotence",
            LogCapabilities::idempotence,
            Map.of("idempotence: retry deduplicated", 0.3, "idempotence: gap refused", 0.2)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(40, Kind.PRODUCE_IDEMPOTENT),
                    w(14, Kind.RETRY),
                    w(5, Kind.GAP),
                    w(25, Kind.FETCH),
                    w(6, Kind.TICK),
                    w(6, Kind.OBSERVE));
        }
    },

    /** Transactions: begin, append, commit, abort, restart with a fenced zombie; read_committed consumers. */
    TRANSACTIONS(
            "transactions",
            LogCapabilities::transactions,
            Map.of(
                    "transactions: committed",
                    0.2,
                    "transactions: aborted",
                    0.12,
                    "transactions: aborted records hidden from read_committed",
                    0.03,
                    "transactions: read_committed held back at an open transaction",
                    0.1,
                    "transactions: zombie fenced",
                    0.05,
                    "transactions: offsets committed with the records",
                    0.015,
                    "seek: to the end while a transaction is open",
                    0.005,
                    "transactions: timed out and aborted by the coordinator",
                    0.03,
                    "transactions: a producer fenced after its transaction timed out",
                    0.01)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(8, Kind.PRODUCE),
                    w(40, Kind.TXN),
                    w(24, Kind.FETCH_COMMITTED),
                    w(3, Kind.SEEK_END),
                    w(8, Kind.JOIN),
                    w(12, Kind.POLL),
                    w(4, Kind.TICK),
                    w(2, Kind.TICK_LONG),
                    w(4, Kind.OBSERVE));
        }

        @Override
        IsolationLevel isolation() {
            return IsolationLevel.READ_COMMITTED;
        }
    },

    /** Retention by time over small segments: old segments go whole, nothing young is deleted. */
    RETENTION(
            "retention",
            LogCapabilities::retention,
            Map.of(
                    "retention: log start moved",
                    0.3,
                    "read: beyond the high watermark refused",
                    0.15,
                    "retention: an open transaction's first records deleted",
                    0.05)) {
        @Override
        List<Weighted> weights() {
            return List.of(
                    w(35, Kind.PRODUCE),
                    w(20, Kind.FETCH),
                    w(4, Kind.FETCH_PAST_END),
                    w(10, Kind.JOIN),
                    w(10, Kind.POLL),
                    w(6, Kind.COMMIT),
                    w(10, Kind.TXN),
                    w(25, Kind.TICK),
                    w(8, Kind.OBSERVE));
        }

        @Override
        LogConfig config(SplittableRandom random) {
            LogConfig c = super.config(random)
                    .withSegmentBytes(choose(random, 10, 20, 40))
                    .withSegmentAge(Duration.ofSeconds(choose(random, 5, 10, 3600)));
            return random.nextBoolean()
                    ? c.withRetentionTime(Duration.ofSeconds(choose(random, 10, 30, 60)))
                    : c.withRetentionBytes(choose(random, 20, 40));
        }
    };

    static final int MAX_STEPS = 40;

    /** The step kinds a property weighs. */
    enum Kind {
        PRODUCE,
        PRODUCE_IDEMPOTENT,
        RETRY,
        GAP,
        FETCH,
        FETCH_COMMITTED,
        /** a read from one past the end, which the log must refuse */
        FETCH_PAST_END,
        SEEK,
        SEEK_END,
        JOIN,
        /** a join whose consumer starts at the end where the group committed nothing */
        JOIN_LATEST,
        LEAVE,
        POLL,
        /** a poll by a consumer that does not rejoin when its heartbeat is refused */
        POLL_STALE,
        COMMIT,
        CRASH,
        REPLAY,
        TXN,
        TICK,
        /** the clock moves by a few seconds, less than any session timeout */
        TICK_SHORT,
        /** the clock moves by about a transaction timeout (Kafka's default, 60 s), or past it */
        TICK_LONG,
        OBSERVE,
        RESTART
    }

    record Weighted(int weight, Kind kind) {}

    private final String id;
    private final Predicate<LogCapabilities> applies;
    private final Map<String, Double> coverage;

    LogProperty(String id, Predicate<LogCapabilities> applies, Map<String, Double> coverage) {
        this.id = id;
        this.applies = applies;
        this.coverage = coverage;
    }

    abstract List<Weighted> weights();

    IsolationLevel isolation() {
        return IsolationLevel.READ_UNCOMMITTED;
    }

    /** Which consumer a group step names: any of three, or always the one. */
    String consumer(SplittableRandom random) {
        return LogStep.CONSUMERS.get(random.nextInt(LogStep.CONSUMERS.size()));
    }

    /** One to three partitions, small segments so that they roll, a short session timeout, any assignor. */
    LogConfig config(SplittableRandom random) {
        int partitions = 1 + random.nextInt(3);
        long segmentBytes = choose(random, 20, 40, 1 << 20);
        Duration sessionTimeout = Duration.ofSeconds(choose(random, 10, 30));
        Assignor assignor = Assignor.values()[random.nextInt(Assignor.values().length)];
        // sticky shares depend on who owned what: with 3 members, 1 to 3 partitions never leave more old
        // owners than quotas of one more, so a sticky group gets 3 to 5 and a share can come out unbalanced
        return LogConfig.of(assignor == Assignor.COOPERATIVE_STICKY ? partitions + 2 : partitions)
                .withSegmentBytes(segmentBytes)
                .withSessionTimeout(sessionTimeout)
                .withAssignor(assignor);
    }

    static Weighted w(int weight, Kind kind) {
        return new Weighted(weight, kind);
    }

    static int choose(SplittableRandom random, int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    @Override
    public String topology() {
        return "log";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/partitioned-log.md";
    }

    @Override
    public boolean appliesTo(LogCapabilities capabilities) {
        return applies.test(capabilities);
    }

    @Override
    public Map<String, Double> coverage() {
        return coverage;
    }

    public static LogProperty byId(String id) {
        for (LogProperty p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "no log property '" + id + "': use one of partitioning, groups, stale, commits, restart,"
                        + " idempotence,"
                        + " transactions, retention");
    }

    @Override
    public Scenario<LogSetup, LogStep> generate(long seed, LogCapabilities capabilities) {
        SplittableRandom random = new SplittableRandom(seed);
        LogSetup setup = new LogSetup(config(random), isolation());
        int total = weights().stream().mapToInt(Weighted::weight).sum();
        int length = 4 + random.nextInt(MAX_STEPS - 3);
        List<LogStep> steps = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(total);
            Kind kind = null;
            for (Weighted w : weights()) {
                if ((pick -= w.weight()) < 0) {
                    kind = w.kind();
                    break;
                }
            }
            LogStep step = step(kind, random, consumer(random));
            if (supported(step, capabilities)) {
                steps.add(step);
            }
        }
        boolean openPastRetention =
                this == RETENTION && capabilities.transactions() && new SplittableRandom(~seed).nextInt(3) == 0;
        if (openPastRetention) {
            steps.addAll(0, openTransactionPastRetention()); // a rare situation on purpose, not by luck
        }
        LogConfig log = setup.log();
        if (openPastRetention) { // open longer than retention, not than the timeout (L15)
            log = log.withTransactionTimeout(LogFacts.TRANSACTION_MAX_TIMEOUT);
        }
        if (!capabilities.retention()) {
            log = log.withRetentionTime(LogConfig.FOREVER).withRetentionBytes(LogConfig.UNLIMITED);
        }
        if (!capabilities.sticky() && log.assignor() == Assignor.COOPERATIVE_STICKY) {
            log = log.withAssignor(Assignor.RANGE);
        }
        return new Scenario<>(new LogSetup(log, setup.isolation()), steps);
    }

    /**
     * An open transaction's first record in a segment that retention deletes ("retention: an open transaction's
     * first records deleted"): Kafka bounds retention by the high watermark, not the last stable offset, and moves
     * the first unstable offset up to the new log start. Later appends of the same key roll the segment; a tick
     * past every retention time, and the log is looked at and sought to its end by a read_committed reader. The
     * draw that opens one scenario in three with it comes from its own stream, so other scenarios stay as they were.
     */
    static List<LogStep> openTransactionPastRetention() {
        List<LogStep> steps = new ArrayList<>(List.of(
                new LogStep.Txn(1, LogStep.TxnAction.BEGIN, 1),
                new LogStep.Txn(1, LogStep.TxnAction.APPEND, 1),
                new LogStep.Produce(2, 1, false, false),
                new LogStep.Produce(2, 1, false, false),
                new LogStep.Produce(2, 1, false, false),
                new LogStep.Tick(61),
                new LogStep.Produce(2, 1, false, false),
                new LogStep.Observe()));
        for (int p = 0; p < 3; p++) {
            steps.add(new LogStep.SeekEnd(p, true));
        }
        return steps;
    }

    /**
     * Fits a scenario to what an implementation supports: a log without groups gets no group steps, one without
     * idempotence no idempotent appends or gaps, one without transactions no transactional steps. The random
     * draws are the same either way, so a seed names one story on every implementation.
     */
    private static boolean supported(LogStep step, LogCapabilities c) {
        if (step instanceof LogStep.Join
                || step instanceof LogStep.Leave
                || step instanceof LogStep.Poll
                || step instanceof LogStep.Commit
                || step instanceof LogStep.Crash
                || step instanceof LogStep.Replay) {
            return c.groups();
        }
        if (step instanceof LogStep.Gap || step instanceof LogStep.Produce p && p.idempotent()) {
            return c.idempotence();
        }
        return !(step instanceof LogStep.Txn) || c.transactions();
    }

    private static LogStep step(Kind kind, SplittableRandom random, String consumer) {
        int producer = 1 + random.nextInt(2);
        int key = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(8);
        return switch (kind) {
            case PRODUCE -> new LogStep.Produce(producer, key, false, false);
            case PRODUCE_IDEMPOTENT -> new LogStep.Produce(producer, key, true, random.nextInt(3) == 0);
            case RETRY -> new LogStep.Retry(producer, choose(random, 0, 0, 1, 2, 4, 6));
            case GAP -> new LogStep.Gap(producer);
            case FETCH, FETCH_COMMITTED ->
                new LogStep.Fetch(
                        random.nextInt(3),
                        List.of(-1, 0, 1, 2, 3).get(random.nextInt(5)),
                        1 + random.nextInt(4),
                        kind == Kind.FETCH_COMMITTED);
            case FETCH_PAST_END ->
                new LogStep.Fetch(random.nextInt(3), -2, 1 + random.nextInt(4), random.nextBoolean());
            case SEEK_END -> new LogStep.SeekEnd(random.nextInt(3), random.nextInt(5) != 0);
            case SEEK ->
                random.nextInt(3) == 0
                        ? new LogStep.SeekEnd(random.nextInt(3), random.nextBoolean())
                        : new LogStep.SeekTime(random.nextInt(3), choose(random, 0, 1, 5, 10, 30));
            case JOIN -> new LogStep.Join(consumer, false);
            case JOIN_LATEST -> new LogStep.Join(consumer, true);
            case LEAVE -> new LogStep.Leave(consumer);
            case POLL -> new LogStep.Poll(consumer, 1 + random.nextInt(3), true);
            case POLL_STALE -> new LogStep.Poll(consumer, 1 + random.nextInt(3), false);
            case COMMIT -> new LogStep.Commit(consumer);
            case CRASH -> new LogStep.Crash(consumer);
            case REPLAY -> new LogStep.Replay(consumer, 1 + random.nextInt(3));
            case TXN -> new LogStep.Txn(1 + random.nextInt(2), txnAction(random), 1 + random.nextInt(8));
            case TICK -> new LogStep.Tick(choose(random, 1, 5, 10, 30));
            case TICK_SHORT -> new LogStep.Tick(choose(random, 1, 2, 3, 5));
            case TICK_LONG -> new LogStep.Tick(choose(random, 45, 61, 90));
            case OBSERVE -> new LogStep.Observe();
            case RESTART -> new LogStep.Restart();
        };
    }

    /** Begin and append most, then offsets, commit and abort, and now and then a restart and its zombie. */
    private static LogStep.TxnAction txnAction(SplittableRandom random) {
        int r = random.nextInt(24);
        return LogStep.TxnAction.values()[
                r < 5
                        ? 0
                        : r < 12 ? 1 : r < 14 ? 2 : r < 17 ? 3 : r < 19 ? 4 : r < 21 ? 5 : r < 22 ? 6 : r < 23 ? 7 : 8];
    }

    @Override
    public List<LogSetup> simpler(LogSetup setup) {
        List<LogSetup> out = new ArrayList<>();
        LogConfig c = setup.log();
        for (int p = 1; p < c.partitions(); p++) {
            out.add(new LogSetup(
                    LogConfig.of(p)
                            .withSegmentBytes(c.segmentBytes())
                            .withSegmentAge(c.segmentAge())
                            .withRetentionTime(c.retentionTime())
                            .withRetentionBytes(c.retentionBytes())
                            .withSessionTimeout(c.sessionTimeout())
                            .withAssignor(c.assignor())
                            .withTransactionTimeout(c.transactionTimeout()),
                    setup.isolation()));
        }
        if (c.segmentBytes() < 1 << 20) {
            out.add(new LogSetup(c.withSegmentBytes(1 << 20), setup.isolation()));
        }
        return out;
    }
}
