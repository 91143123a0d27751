package dev.queuelab.check.streams;

import dev.queuelab.api.Durations;
import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.PendingSummary;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import dev.queuelab.check.Event;
import dev.queuelab.check.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What happened at one step: the command sent and what the service answered, exactly as it came (an error reply
 * is recorded as {@code error}, null when there was none). A history is a list of these; the model reads nothing
 * else. Each event tells its own line of the story.
 */
public sealed interface StreamEvent extends Event {

    /** The error reply, or null. */
    default String error() {
        return null;
    }

    @Override
    default Op.Outcome outcome() {
        return error() == null ? Op.Outcome.OK : Op.Outcome.FAIL;
    }

    /** A consumer's command, in its group. */
    sealed interface ByGroupConsumer extends StreamEvent, Event.ByConsumer {
        String group();

        String who();

        @Override
        default String consumer() {
            return who() + " of " + group();
        }
    }

    /** The operator's and the checker's commands. */
    sealed interface ByOperator extends StreamEvent, Event.ByChecker {}

    static String entries(List<StreamEntry> got) {
        if (got == null) {
            return "null";
        }
        return got.isEmpty() ? "nothing" : got.stream().map(StreamEvent::brief).collect(Collectors.joining(", "));
    }

    static String brief(StreamEntry e) {
        if (e == null) {
            return "null";
        }
        return e.id()
                + (e.fields() == null
                        ? " (nil: its entry is gone)"
                        : " " + e.fields().get("m"));
    }

    /** An id as a command takes it: {@code -} and {@code +} for the ends. */
    static String shown(StreamId id) {
        return id.equals(StreamId.MIN) ? "-" : id.equals(StreamId.MAX) ? "+" : id.toString();
    }

    static String or(String error, String answer) {
        return error != null ? "error: " + error : answer;
    }

    /** An XADD and the id it answered, or its error. */
    record Added(
            int step, Instant at, String requested, Trim trim, Map<String, String> fields, StreamId id, String error)
            implements StreamEvent {
        @Override
        public String process() {
            return "producer";
        }

        @Override
        public String action() {
            return "producer XADDs " + fields.get("m") + " with id " + requested + (trim.none() ? "" : " " + trim);
        }

        @Override
        public String answer() {
            return or(error, String.valueOf(id));
        }
    }

    record Trimmed(int step, Instant at, Trim trim, long removed) implements ByOperator {
        @Override
        public String action() {
            return "operator XTRIMs " + trim;
        }

        @Override
        public String answer() {
            return removed + " removed";
        }
    }

    /** XGROUP CREATE ({@code set} false) or SETID. */
    record GroupMoved(int step, Instant at, String group, String start, boolean set, String error)
            implements ByOperator {
        @Override
        public String action() {
            return "operator " + (set ? "SETIDs " : "creates ") + group + " at " + start;
        }

        @Override
        public String answer() {
            return or(error, "OK");
        }
    }

    /** XREADGROUP with {@code >} ({@code after} null) or with an id. */
    record Read(
            int step,
            Instant at,
            String group,
            String who,
            StreamId after,
            int count,
            List<StreamEntry> got,
            String error)
            implements ByGroupConsumer {
        @Override
        public String action() {
            return consumer() + " XREADGROUPs COUNT " + count + " " + (after == null ? ">" : "from " + after);
        }

        @Override
        public String answer() {
            return or(error, entries(got));
        }
    }

    record Acked(int step, Instant at, String group, String who, List<StreamId> ids, long answered, String error)
            implements ByGroupConsumer {
        @Override
        public String action() {
            return consumer() + " XACKs " + ids;
        }

        @Override
        public String answer() {
            return or(error, answered + " acked");
        }
    }

    record Claimed(
            int step,
            Instant at,
            String group,
            String who,
            long minIdle,
            List<StreamId> ids,
            List<StreamEntry> got,
            String error)
            implements ByGroupConsumer {
        @Override
        public String action() {
            return consumer() + " XCLAIMs " + ids + " min-idle " + minIdle + " ms";
        }

        @Override
        public String answer() {
            return or(error, entries(got));
        }
    }

    record AutoClaimedEv(
            int step,
            Instant at,
            String group,
            String who,
            long minIdle,
            StreamId start,
            int count,
            AutoClaimed got,
            String error)
            implements ByGroupConsumer {
        @Override
        public String action() {
            return consumer() + " XAUTOCLAIMs from " + start + " min-idle " + minIdle + " ms COUNT " + count;
        }

        @Override
        public String answer() {
            if (error != null || got == null) {
                return or(error, "null");
            }
            return "next " + got.next() + ", claimed " + entries(got.claimed()) + ", deleted " + got.deleted();
        }
    }

    record Summary(int step, Instant at, String group, PendingSummary got, String error) implements ByOperator {
        @Override
        public String action() {
            return "checker reads XPENDING " + group;
        }

        @Override
        public String answer() {
            return or(
                    error,
                    got == null
                            ? "null"
                            : got.count() + " pending " + got.smallest() + ".." + got.greatest() + " "
                                    + got.consumers());
        }
    }

    record PendingRead(
            int step,
            Instant at,
            String group,
            long minIdle,
            StreamId start,
            StreamId end,
            int count,
            String holder,
            List<PendingEntry> got,
            String error)
            implements ByOperator {
        @Override
        public String action() {
            return "checker reads XPENDING " + group + (minIdle > 0 ? " IDLE " + minIdle : "") + " " + shown(start)
                    + " " + shown(end) + " " + count + (holder == null ? "" : " " + holder);
        }

        @Override
        public String answer() {
            if (error != null || got == null) {
                return or(error, "null");
            }
            return got.isEmpty()
                    ? "nothing"
                    : got.stream()
                            .map(p -> p == null
                                    ? "null"
                                    : p.id() + " " + p.consumer() + " idle " + p.idleMillis() + " ms, " + p.deliveries()
                                            + (p.deliveries() == 1 ? " delivery" : " deliveries"))
                            .collect(Collectors.joining("; "));
        }
    }

    record Ranged(int step, Instant at, String stream, StreamId start, StreamId end, int count, List<StreamEntry> got)
            implements ByOperator {
        @Override
        public String action() {
            return "checker reads XRANGE " + stream + " " + shown(start) + " " + shown(end) + " COUNT " + count;
        }

        @Override
        public String answer() {
            return entries(got);
        }
    }

    record DeadLettered(int step, Instant at, String group, String who, int max, List<StreamId> moved, String error)
            implements ByGroupConsumer {
        @Override
        public String action() {
            return consumer() + " moves what it holds with " + max + "+ deliveries to s:dead";
        }

        @Override
        public String answer() {
            return or(error, moved == null ? "null" : moved.isEmpty() ? "nothing moved" : "moved " + moved);
        }
    }

    record Ticked(int step, Instant at, Duration by) implements ByOperator {
        @Override
        public String action() {
            return "time passes " + Durations.brief(by);
        }

        @Override
        public String answer() {
            return "";
        }
    }

    record Skipped(int step, Instant at, String action, String why) implements StreamEvent, Event.NotTaken {}

    record Threw(int step, Instant at, String action, String error) implements StreamEvent, Event.Thrown {
        @Override
        public Op.Outcome outcome() {
            return Op.Outcome.UNKNOWN;
        }
    }
}
