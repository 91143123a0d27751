package dev.queuelab.check.log;

import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.List;

/**
 * A log run's record: the setup, what the implementation supports, when it started, every event in order
 * with the operation that produced it ({@link Op}: invoked, completed, ok, fail or unknown), and where the
 * scenario's own steps end (later events are the checker's final drain).
 *
 * <p>A simulation runs one step at a time, so its operations never overlap. An append whose answer was
 * lost on the way back is unknown to its producer, which retries it; the simulation itself saw the answer,
 * and the model judges the retry against it (a written-once retry is a duplicate, not a second record).
 */
public record LogHistory(
        LogSetup setup,
        LogCapabilities capabilities,
        Instant start,
        List<LogEvent> events,
        List<Op> ops,
        int lastScenarioStep) {

    public LogHistory {
        events = List.copyOf(events);
        ops = List.copyOf(ops);
        if (ops.size() != events.size()) {
            throw new IllegalArgumentException(
                    "one operation per event: " + events.size() + " events, " + ops.size() + " operations");
        }
    }

    /** A simulation's history: one step at a time, each operation invoked and completed within its step. */
    static LogHistory simulated(
            LogSetup setup, LogCapabilities capabilities, Instant start, List<LogEvent> events, int lastScenarioStep) {
        List<Op> ops = events.stream()
                .map(e -> Op.sequential(process(e), e.step(), outcome(e)))
                .toList();
        return new LogHistory(setup, capabilities, start, events, ops, lastScenarioStep);
    }

    /** Who called, as a story names them. */
    static String process(LogEvent e) {
        if (e instanceof LogEvent.Appended a) {
            return a.producer();
        } else if (e instanceof LogEvent.Transaction t) {
            return t.producer();
        } else if (e instanceof LogEvent.Committed c) {
            return c.consumer();
        } else if (e instanceof LogEvent.Joined j) {
            return j.consumer();
        } else if (e instanceof LogEvent.Heartbeat h) {
            return h.consumer();
        } else if (e instanceof LogEvent.Left l) {
            return l.consumer();
        } else if (e instanceof LogEvent.Crashed c) {
            return c.consumer();
        } else if (e instanceof LogEvent.Fetched f) {
            return f.reader();
        }
        return "checker";
    }

    /** How a call ended as its client knows it: refused writes failed, lost answers and throws are unknown. */
    static Op.Outcome outcome(LogEvent e) {
        if (e instanceof LogEvent.Appended a) {
            return a.ackLost() ? Op.Outcome.UNKNOWN : a.result().written() ? Op.Outcome.OK : Op.Outcome.FAIL;
        } else if (e instanceof LogEvent.Committed c) {
            return c.result() == CommitOutcome.COMMITTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        } else if (e instanceof LogEvent.Threw) {
            return Op.Outcome.UNKNOWN;
        }
        return Op.Outcome.OK;
    }
}
