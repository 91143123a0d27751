package dev.queuelab.check.workqueue;

import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Op;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's record: the configuration, what the implementation promises, when it started, every event in
 * order with the operation that produced it (its invocation, its completion and how it ended: {@link Op}),
 * and where the scenario's own steps end (events after {@code lastScenarioStep} are the final drain).
 *
 * <p>Events are in the order the model folds them: a send at its invocation, every other call at its
 * completion. In a simulation nothing overlaps; on real threads operations overlap, and the model demands of
 * a receive only what surely preceded it (a send that completed before the receive was invoked, and no
 * receive running beside it that may have taken the message first).
 */
public record History(
        WorkQueueConfig config,
        WorkQueueCapabilities capabilities,
        Instant start,
        List<Event> events,
        List<Op> ops,
        int lastScenarioStep) {

    public History {
        events = List.copyOf(events);
        ops = List.copyOf(ops);
        if (ops.size() != events.size()) {
            throw new IllegalArgumentException(
                    "one operation per event: " + events.size() + " events, " + ops.size() + " operations");
        }
    }

    /** A simulation's history: one step at a time, each operation invoked and completed within its step. */
    public static History simulated(
            WorkQueueConfig config,
            WorkQueueCapabilities capabilities,
            Instant start,
            List<Event> events,
            int lastScenarioStep) {
        List<Op> ops = new ArrayList<>(events.size());
        for (Event e : events) {
            ops.add(Op.sequential(process(e), e.step(), outcome(e)));
        }
        return new History(config, capabilities, start, events, ops, lastScenarioStep);
    }

    /** Who called, as a story names them. */
    static String process(Event e) {
        if (e instanceof Event.Sent || e instanceof Event.Refused) {
            return "producer";
        } else if (e instanceof Event.Received r) {
            return r.consumer();
        } else if (e instanceof Event.Acked a) {
            return a.consumer();
        } else if (e instanceof Event.Changed c) {
            return c.consumer();
        } else if (e instanceof Event.Crashed c) {
            return c.consumer();
        }
        return "checker";
    }

    /** How a call ended: a duplicate send and a stale receipt were refused; an answer that never came is unknown. */
    static Op.Outcome outcome(Event e) {
        if (e instanceof Event.Sent s) {
            return s.result() == null ? Op.Outcome.UNKNOWN : s.result().accepted() ? Op.Outcome.OK : Op.Outcome.FAIL;
        } else if (e instanceof Event.Acked a) {
            return a.result() == ReceiptOutcome.ACCEPTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        } else if (e instanceof Event.Changed c) {
            return c.result() == ReceiptOutcome.ACCEPTED ? Op.Outcome.OK : Op.Outcome.FAIL;
        } else if (e instanceof Event.Threw) {
            return Op.Outcome.UNKNOWN;
        } else if (e instanceof Event.Refused) {
            return Op.Outcome.FAIL;
        }
        return Op.Outcome.OK;
    }
}
