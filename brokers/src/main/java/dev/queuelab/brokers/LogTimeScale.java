package dev.queuelab.brokers;

import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.log.LogEvent;
import dev.queuelab.check.log.LogSetup;
import dev.queuelab.check.log.LogStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The log's scale: ticks become whole units and a seek by time looks half a unit off the ticks (a seek "now"
 * looks half a unit back), so no record's timestamp lies within the tolerance of the time sought. The transaction
 * timeout becomes a deadline too (60 s: one and a half units), counted from a transaction's first write, which
 * a step makes just after a tick: the coordinator's abort (L15) falls half a unit from the ticks around it. A
 * group's session timeout is a deadline of one and a half units as well, counted from a member's join or
 * accepted heartbeat (L9). A scenario with transactions or members waits out its longest tick (two units)
 * instead of capping it at one, as the reference's simulated clock does in a diff: one tick can outlast either.
 */
final class LogTimeScale implements TimeScale<LogSetup, LogStep, LogEvent> {

    @Override
    public Scenario<LogSetup, LogStep> scale(Scenario<LogSetup, LogStep> s) {
        List<LogStep> steps = new ArrayList<>();
        for (LogStep step : s.steps()) {
            if (step instanceof LogStep.Tick t) {
                steps.add(new LogStep.Tick(
                        (int) TimeScale.tick(Duration.ofSeconds(t.seconds())).toSeconds()));
            } else if (step instanceof LogStep.SeekTime t) {
                Duration back = TimeScale.deadline(Duration.ofSeconds(Math.max(1, t.secondsAgo())));
                steps.add(new LogStep.SeekTime(t.partition(), (int) back.toSeconds()));
            } else {
                steps.add(step);
            }
        }
        LogSetup setup = s.config();
        LogSetup timed = new LogSetup(
                setup.log()
                        .withTransactionTimeout(TimeScale.deadline(setup.log().transactionTimeout()))
                        .withSessionTimeout(TimeScale.deadline(setup.log().sessionTimeout())),
                setup.isolation());
        return new Scenario<>(timed, steps);
    }

    @Override
    public Duration longest(Scenario<LogSetup, LogStep> scaled) {
        return scaled.steps().stream().anyMatch(s -> s instanceof LogStep.Txn || s instanceof LogStep.Join)
                ? TimeScale.UNIT.multipliedBy(2)
                : TimeScale.UNIT;
    }

    @Override
    public Set<Integer> tainted(History<LogSetup, ?, LogEvent> history) {
        List<Instant> seen = new ArrayList<>();
        Set<Integer> tainted = new TreeSet<>();
        for (LogEvent e : history.events()) {
            if (e instanceof LogEvent.Sought s) {
                for (Instant at : seen) {
                    if (TimeScale.near(at, s.target())) {
                        tainted.add(e.step());
                    }
                }
            }
            seen.add(e.at());
        }
        Duration session = history.config().log().sessionTimeout();
        for (LogEvent e : history.events()) {
            boolean alive = e instanceof LogEvent.Joined
                    || e instanceof LogEvent.Heartbeat h && h.result() == HeartbeatOutcome.OK;
            if (alive) { // a member's session runs from here: the step that meets its end raced it (L9)
                Instant deadline = e.at().plus(session);
                for (LogEvent other : history.events()) {
                    if (TimeScale.near(other.at(), deadline)) {
                        tainted.add(other.step());
                    }
                }
            }
        }
        Duration timeout = history.config().log().transactionTimeout();
        for (Instant deadline : transactionDeadlines(history.events(), timeout)) {
            for (LogEvent e : history.events()) {
                if (TimeScale.near(e.at(), deadline)) {
                    tainted.add(e.step()); // the coordinator's abort and this step raced
                }
            }
        }
        return tainted;
    }

    /**
     * When each transaction that was still open at its deadline timed out: its first record or offsets after a
     * begin, plus the timeout (L15). One ended (committed, aborted, restarted) before its deadline has none.
     */
    private static List<Instant> transactionDeadlines(List<LogEvent> events, Duration timeout) {
        Map<String, Boolean> begun = new HashMap<>(); // producer -> open and not yet written
        Map<String, Instant> running = new HashMap<>(); // producer -> its open transaction's deadline
        List<Instant> deadlines = new ArrayList<>();
        for (LogEvent e : events) {
            String producer = null;
            boolean wrote = false;
            if (e instanceof LogEvent.Transaction t) {
                producer = t.producer();
                wrote = t.what() == LogStep.TxnAction.OFFSETS && t.result() == TransactionOutcome.OFFSETS_ADDED;
                if (t.what() == LogStep.TxnAction.BEGIN && t.result() == TransactionOutcome.BEGUN) {
                    begun.put(producer, true);
                } else if (EnumSet.of(LogStep.TxnAction.COMMIT, LogStep.TxnAction.ABORT, LogStep.TxnAction.RESTART)
                        .contains(t.what())) {
                    Instant deadline = running.remove(producer);
                    if (deadline != null && !e.at().isBefore(deadline.minus(TOLERANCE))) {
                        deadlines.add(deadline);
                    }
                }
            } else if (e instanceof LogEvent.Appended a && a.kind() == LogEvent.Kind.TRANSACTIONAL) {
                producer = a.producer();
                wrote = a.result().written();
            }
            if (wrote && begun.getOrDefault(producer, false)) {
                begun.put(producer, false);
                running.put(producer, e.at().plus(timeout));
            }
        }
        deadlines.addAll(running.values());
        return deadlines;
    }
}
