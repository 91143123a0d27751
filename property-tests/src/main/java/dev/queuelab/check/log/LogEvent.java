package dev.queuelab.check.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.GroupDescription;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What happened at one step of a log scenario: the call made and what the log answered. A step may make
 * several calls (a poll heartbeats, then reads each partition it owns): each is an event of that step. The
 * model reads nothing else.
 */
public sealed interface LogEvent extends Event {

    /** How an append was made, which decides what the log must answer. */
    enum Kind {
        PLAIN,
        IDEMPOTENT,
        TRANSACTIONAL,
        /** the same record again, after an answer that never arrived */
        RETRY,
        /** an idempotent append that skips a sequence number */
        GAP,
        /** an append by a transactional producer's fenced former instance */
        ZOMBIE
    }

    record Appended(
            int step,
            Instant at,
            String producer,
            ProducerRecord record,
            Kind kind,
            boolean idempotent,
            AppendOutcome result,
            boolean ackLost)
            implements LogEvent, Event.ByProducer {
        @Override
        public Op.Outcome outcome() {
            return ackLost ? Op.Outcome.UNKNOWN : result.written() ? Op.Outcome.OK : Op.Outcome.FAIL;
        }

        @Override
        public String action() {
            return producer
                    + (kind == Kind.RETRY
                            ? " retries "
                            : kind == Kind.ZOMBIE
                                    ? " " + LogRunner.ZOMBIE + " appends "
                                    : kind == Kind.GAP ? " appends, skipping a sequence number, " : " appends ")
                    + record.value()
                    + (record.key() == null ? " (no key)" : " with key " + record.key())
                    + (idempotent && kind != Kind.TRANSACTIONAL ? ", idempotent" : "");
        }

        @Override
        public String answer() {
            String answer = result.written()
                    ? (result.status() == AppendOutcome.Status.DUPLICATE ? "duplicate of " : "") + "p"
                            + result.partition() + "@" + result.offset()
                    : result.status().toString();
            return ackLost ? answer + ", but the answer is lost on the way back" : answer;
        }
    }

    record Fetched(
            int step,
            Instant at,
            String reader,
            int partition,
            long from,
            int max,
            IsolationLevel isolation,
            FetchResult result)
            implements LogEvent {
        @Override
        public String process() {
            return reader;
        }

        @Override
        public String action() {
            return reader + " reads p" + partition + " from " + from + " (up to " + max
                    + (isolation == IsolationLevel.READ_COMMITTED ? ", read_committed)" : ")");
        }

        @Override
        public String answer() {
            return (result.records().isEmpty()
                            ? "nothing"
                            : result.records().stream()
                                    .map(r -> r.value() + "@" + r.offset())
                                    .collect(Collectors.joining(", ")))
                    + "; next " + result.nextOffset();
        }

        List<ConsumerRecord> records() {
            return result.records();
        }
    }

    /** A read refused because its offset is outside what the partition serves. */
    record OutOfRange(int step, Instant at, String reader, int partition, long from, String message)
            implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return reader + " reads p" + partition + " from " + from;
        }

        @Override
        public String answer() {
            return "out of range: " + message;
        }
    }

    record Sought(int step, Instant at, int partition, Instant target, long offset)
            implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return "a reader asks for p" + partition + "'s first record at or after t="
                    + dev.queuelab.api.Durations.brief(
                            java.time.Duration.between(dev.queuelab.api.SimClock.EPOCH, target));
        }

        @Override
        public String answer() {
            return "offset " + offset;
        }
    }

    record Joined(
            int step,
            Instant at,
            String consumer,
            String member,
            Assignment assignment,
            Map<Integer, Long> starts,
            boolean latest)
            implements LogEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " joins g1 as " + member + (latest ? " (with no commit, it starts at the end)" : "");
        }

        @Override
        public String answer() {
            return "generation " + assignment.generation() + ", owns "
                    + (assignment.partitions().isEmpty()
                            ? "nothing"
                            : assignment.partitions().stream()
                                    .map(p -> "p" + p + " from " + starts.get(p))
                                    .collect(Collectors.joining(", ")));
        }
    }

    record Left(int step, Instant at, String consumer, String member) implements LogEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " (" + member + ") leaves g1";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Heartbeat(int step, Instant at, String consumer, String member, int generation, HeartbeatOutcome result)
            implements LogEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " heartbeats (" + member + ", generation " + generation + ")";
        }

        @Override
        public String answer() {
            return result.toString();
        }
    }

    record Committed(
            int step,
            Instant at,
            String consumer,
            String member,
            int generation,
            int partition,
            long offset,
            CommitOutcome result)
            implements LogEvent, Event.ByConsumer {
        @Override
        public Op.Outcome outcome() {
            return result == CommitOutcome.COMMITTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        }

        @Override
        public String action() {
            return consumer + " commits p" + partition + " at " + offset + " (generation " + generation + ")";
        }

        @Override
        public String answer() {
            return result.toString();
        }
    }

    record Crashed(int step, Instant at, String consumer, String member) implements LogEvent, Event.ByConsumer {
        @Override
        public String action() {
            return consumer + " (" + member + ") crashes without leaving";
        }

        @Override
        public String answer() {
            return "";
        }
    }

    /** A transactional producer's begin, offsets, commit, abort (with the log's answer) or restart (a new epoch). */
    record Transaction(
            int step, Instant at, String producer, LogStep.TxnAction what, TransactionOutcome result, String note)
            implements LogEvent, Event.ByProducer {
        @Override
        public String action() {
            return switch (what) {
                case RESTART -> producer + " restarts: a new instance takes over its transactional id";
                case OFFSETS -> producer + " adds g1's offsets " + note + " to its transaction";
                case ZOMBIE_COMMIT -> producer + " " + LogRunner.ZOMBIE + " commits";
                case ZOMBIE_OFFSETS -> producer + " " + LogRunner.ZOMBIE + " adds offsets to a transaction";
                default -> producer + " " + what.toString().toLowerCase(java.util.Locale.ROOT) + "s its transaction";
            };
        }

        @Override
        public String answer() {
            return result == null ? note : result.toString();
        }
    }

    record SoughtEnd(int step, Instant at, int partition, IsolationLevel isolation, long offset)
            implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return "a reader seeks to the end of p" + partition + " ("
                    + isolation.toString().toLowerCase(java.util.Locale.ROOT) + ")";
        }

        @Override
        public String answer() {
            return "offset " + offset;
        }
    }

    /** The log restarted after a crash; {@code kept} is what its appends had been acknowledged as. */
    record Restarted(int step, Instant at, dev.queuelab.api.log.Durability kept) implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return "the log's process dies and starts again";
        }

        @Override
        public String answer() {
            return kept == dev.queuelab.api.log.Durability.FORCED
                    ? "it recovers what it had forced"
                    : "it held its records in "
                            + kept.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + ": they are gone, as expected";
        }
    }

    record Ticked(int step, Instant at, java.time.Duration by) implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return "clock advances " + dev.queuelab.api.Durations.brief(by);
        }

        @Override
        public String answer() {
            return "";
        }
    }

    /** One partition's offsets as the log reports them. */
    record Offsets(int partition, long logStart, long highWatermark, long lastStable) {
        @Override
        public String toString() {
            return "p" + partition + " [" + logStart + ", " + highWatermark + ")"
                    + (lastStable == highWatermark ? "" : " LSO " + lastStable);
        }
    }

    /**
     * The checker's look at the offsets and the group: {@code shares} is what {@code assignment()} answers for
     * every member id the run ever used (empty for one that is no longer a member).
     */
    record Observed(
            int step,
            Instant at,
            List<Offsets> offsets,
            Map<Integer, Long> committed,
            GroupDescription group,
            Map<String, Optional<Assignment>> shares)
            implements LogEvent, Event.ByChecker {
        @Override
        public String action() {
            return "checker reads the offsets and the group";
        }

        @Override
        public String answer() {
            return offsets.stream().map(Offsets::toString).collect(Collectors.joining(", ")) + "; g1 generation "
                    + group.generation() + " " + group.assignment()
                    + (committed.isEmpty() ? "" : ", committed " + committed);
        }
    }

    /** A call that threw; {@code byFencedInstance} when a producer's fenced former instance made it. */
    record Threw(int step, Instant at, String action, String error, boolean byFencedInstance)
            implements LogEvent, Event.Thrown {
        public Threw(int step, Instant at, String action, String error) {
            this(step, at, action, error, false);
        }
    }

    record Skipped(int step, Instant at, String action, String why) implements LogEvent, Event.NotTaken {}
}
