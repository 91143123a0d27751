package dev.queuelab.check.log;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a partitioned-log scenario. Steps name producers, consumers and keys by small numbers (P1,
 * consumer C2, key k3) and positions relative to what the log holds ("two records before the end"), never
 * by an offset the log handed out, so that a scenario still means something after shrinking.
 */
public sealed interface LogStep extends ScenarioStep {

    /** Consumers of the one group the scenarios use, {@code g1}. */
    List<String> CONSUMERS = List.of("C1", "C2", "C3");

    @Override
    List<LogStep> simpler();

    /**
     * Producer P{producer} appends the next value (v1, v2...) with key k{key} (0: no key). An idempotent
     * producer numbers its appends per partition; with {@code ackLost} the append happens but its answer
     * never reaches the producer, which retries at its next {@link Retry}.
     */
    record Produce(int producer, int key, boolean idempotent, boolean ackLost) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            List<LogStep> out = new ArrayList<>();
            if (ackLost) {
                out.add(new Produce(producer, key, idempotent, false));
            }
            if (idempotent) {
                out.add(new Produce(producer, key, false, ackLost));
            }
            if (key > 1) {
                out.add(new Produce(producer, 1, idempotent, ackLost));
            }
            if (producer > 1) {
                out.add(new Produce(1, key, idempotent, ackLost));
            }
            return out;
        }
    }

    /**
     * P{producer} sends one of its appends again, as a producer does when it never got the answer: its last
     * ({@code back} 0) or one before it ({@code back} 1, 2...), whose answer was lost while later ones went out.
     */
    record Retry(int producer, int back) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            List<LogStep> out = new ArrayList<>();
            if (back > 0) {
                out.add(new Retry(producer, 0));
            }
            if (producer > 1) {
                out.add(new Retry(1, back));
            }
            return out;
        }
    }

    /** An idempotent P{producer} sends a record with a sequence number one too far: the log must refuse the gap. */
    record Gap(int producer) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return producer > 1 ? List.of(new Gap(1)) : List.of();
        }
    }

    /**
     * A reader outside any group reads partition p from {@code back} records before its end (0: the end; -1: its
     * start; -2: one past the end, which the log must refuse).
     */
    record Fetch(int partition, int back, int max, boolean readCommitted) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            List<LogStep> out = new ArrayList<>();
            if (partition > 0) {
                out.add(new Fetch(0, back, max, readCommitted));
            }
            if (max > 1) {
                out.add(new Fetch(partition, back, 1, readCommitted));
            }
            if (back < -1) {
                out.add(new Fetch(partition, 0, max, readCommitted));
            }
            return out;
        }
    }

    /** A reader asks where partition p's records at or after {@code secondsAgo} seconds ago begin. */
    record SeekTime(int partition, int secondsAgo) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return partition > 0 ? List.of(new SeekTime(0, secondsAgo)) : List.of();
        }
    }

    /** A reader asks where partition p ends for its isolation level (seekToEnd): the high watermark, or the last stable offset. */
    record SeekEnd(int partition, boolean readCommitted) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return partition > 0 ? List.of(new SeekEnd(0, readCommitted)) : List.of();
        }
    }

    /**
     * A consumer joins group g1 (again, with a new member id, after a crash) and starts where the group committed;
     * where it committed nothing, at the log start, or with {@code latest} at the end (auto.offset.reset).
     */
    record Join(String consumer, boolean latest) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            List<LogStep> out = new ArrayList<>();
            if (latest) {
                out.add(new Join(consumer, false));
            }
            if (!consumer.equals("C1")) {
                out.add(new Join("C1", latest));
            }
            return out;
        }
    }

    /** A consumer leaves the group cleanly. */
    record Leave(String consumer) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return consumer.equals("C1") ? List.of() : List.of(new Leave("C1"));
        }
    }

    /**
     * A consumer polls: it heartbeats, then reads up to {@code max} from each partition it owns. If the heartbeat
     * is refused it rejoins, as Kafka's poll does. With {@code rejoins} false the consumer is stuck from this poll
     * on (a client whose rebalance never completes): refused, it never rejoins, and keeps heartbeating and reading
     * in its old generation until it leaves or crashes.
     */
    record Poll(String consumer, int max, boolean rejoins) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            List<LogStep> out = new ArrayList<>();
            if (!rejoins) {
                out.add(new Poll(consumer, max, true));
            }
            if (!consumer.equals("C1")) {
                out.add(new Poll("C1", max, rejoins));
            }
            if (max > 1) {
                out.add(new Poll(consumer, 1, rejoins));
            }
            return out;
        }
    }

    /** A consumer commits, for each partition it owns, the next offset to read (what it has processed). */
    record Commit(String consumer) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return consumer.equals("C1") ? List.of() : List.of(new Commit("C1"));
        }
    }

    /** A consumer dies without leaving: it stops heartbeating, and its session times out. */
    record Crash(String consumer) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return consumer.equals("C1") ? List.of() : List.of(new Crash("C1"));
        }
    }

    /** A consumer seeks {@code back} records back on its first partition and reads them again: a replay. */
    record Replay(String consumer, int back) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return consumer.equals("C1") ? List.of() : List.of(new Replay("C1", back));
        }
    }

    /** Transactional producer T{producer} acts: begins, appends, commits, aborts, or restarts (fencing its old self). */
    record Txn(int producer, TxnAction action, int key) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return key > 1 ? List.of(new Txn(producer, action, 1)) : List.of();
        }
    }

    /** What a transactional producer does in a {@link Txn} step. */
    enum TxnAction {
        BEGIN,
        APPEND,
        /** adds the group's offsets to the transaction (read-process-write): committed with it, or not at all */
        OFFSETS,
        COMMIT,
        ABORT,
        /** a new instance takes over the transactional id; the old one becomes a zombie */
        RESTART,
        /** the zombie (the instance before the last restart) tries to append */
        ZOMBIE_APPEND,
        /** the zombie tries to commit (its transaction, or its successor's) */
        ZOMBIE_COMMIT,
        /** the zombie tries to add offsets to a transaction */
        ZOMBIE_OFFSETS
    }

    /**
     * The log's process dies without warning and starts again: in memory it comes back empty (the expected
     * loss of a log that stores nothing); on disk it loses what it had not forced and recovers the rest. The
     * clients carry on: consumers join again, producers append again.
     */
    record Restart() implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return List.of();
        }
    }

    /** The simulated clock moves forward. */
    record Tick(int seconds) implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return seconds > 1 ? List.of(new Tick(1)) : List.of();
        }

        /** Two ticks in a row are one tick of both lengths. */
        @Override
        public Optional<LogStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(seconds + t.seconds)) : Optional.empty();
        }
    }

    /** The checker reads every partition's offsets and the group's description. */
    record Observe() implements LogStep {
        @Override
        public List<LogStep> simpler() {
            return List.of();
        }
    }
}
