package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;

/**
 * What the team's own limits ask of a design: a latency budget from send to effect, and a bulk load that must
 * drain before its last message expires. Each check appears only where its answer was given, with its
 * utilisation.
 */
final class Budgets {

    private Budgets() {}

    static List<Check> checks(Design d, Failure failure, Sizing sizing) {
        List<Check> out = new ArrayList<>();
        Check latency = latency(d, failure);
        if (latency != null) {
            out.add(latency);
        }
        Check bulk = bulkDrain(d, sizing);
        if (bulk != null) {
            out.add(bulk);
        }
        return out;
    }

    /**
     * The latency a message sees at p99: the receive and delete round trip (a queued design) plus the p99 of its
     * processing; a message retried once waits the first backoff as well, so a budget shorter than that is missed
     * by every retried message.
     */
    static Check latency(Design d, Failure failure) {
        Answers.Context c = d.a().context();
        double budget = c.latencyBudgetSeconds();
        if (budget <= 0) {
            return null;
        }
        double trip = 0;
        if (d.s.queued()) {
            d.facts.add("guide.receive-round-trip");
            trip = fact("guide.receive-round-trip", "seconds");
        }
        double latency = trip + c.p99ProcessingSeconds();
        String detail = "a message's p99 from send to effect: "
                + (d.s.queued()
                        ? "a receive and delete round trip of " + Numbers.plain(trip) + " s (guide.receive-round-trip)"
                                + " + "
                        : "")
                + "the p99 of " + Numbers.plain(c.p99ProcessingSeconds()) + " s = " + Numbers.plain(latency)
                + " s, against the budget of " + Numbers.plain(budget) + " s; "
                + Capacity.percent(latency, budget) + " used";
        if (latency > budget) {
            return new Check(
                    "latency-budget",
                    Status.FAIL,
                    detail,
                    "a faster consumer (a p99 under " + Numbers.plain(Math.max(0, budget - trip)) + " s), or a larger"
                            + " budget; a queue adds its round trip to every message");
        }
        double retryAt = d.a().failure().maxAttempts() > 1 ? d.a().failure().backoffBaseSeconds() : 0;
        if (retryAt > 0 && latency + retryAt > budget) {
            return new Check(
                    "latency-budget",
                    Status.WARN,
                    detail + "; a " + (d.s.queued() ? "message" : "call") + " retried once arrives after at least "
                            + Numbers.plain(latency + retryAt)
                            + " s (a first backoff of " + Numbers.plain(retryAt) + " s), past the budget",
                    "alarm on retried " + (d.s.queued() ? "messages" : "calls") + " as late, or a first backoff under "
                            + Numbers.plain(budget - latency) + " s if a retry can still be useful within it");
        }
        return Check.ok("latency-budget", detail);
    }

    /**
     * How long a bulk load takes to drain while the live traffic keeps arriving: the handlers in flight take
     * {@code inFlight / p99} messages a second, the peak takes {@code rate} of them, and only the rest works off the
     * load. Infinite where nothing is left over: the backlog never shrinks.
     */
    static double drainSeconds(Answers.Context c, int inFlight) {
        double spare = spareRate(c, inFlight);
        return spare <= 0 ? Double.POSITIVE_INFINITY : c.bulkLoadMessages() / spare;
    }

    /** The messages a second the handlers take beyond the live peak (the p99 per message, as the sizing uses). */
    static double spareRate(Answers.Context c, int inFlight) {
        return Math.max(1, inFlight) / c.p99ProcessingSeconds() - c.throughputPerSecond();
    }

    /** The drain in words: the arithmetic, and "never" where the handlers have nothing left over. */
    private static String drainWords(Answers.Context c, int inFlight) {
        double taken = Math.max(1, inFlight) / c.p99ProcessingSeconds();
        String arithmetic = Numbers.plain(c.bulkLoadMessages()) + " / (" + Numbers.plain(inFlight) + " in flight / "
                + Numbers.plain(c.p99ProcessingSeconds()) + " s = " + Numbers.perSecond(taken) + " taken - the live "
                + Numbers.peak(c.throughputPerSecond()) + " arriving)";
        double drain = drainSeconds(c, inFlight);
        return Double.isInfinite(drain)
                ? "never: " + arithmetic + " leaves nothing for the load"
                : arithmetic + " = " + Numbers.duration(drain);
    }

    /** The sizing's words for a bulk load; empty where none was asked. */
    static String bulkFormula(Design d, int inFlight) {
        Answers.Context c = d.a().context();
        if (c.bulkLoadMessages() <= 0 || !d.s.queued()) {
            return "";
        }
        return "; a bulk load of " + Numbers.plain(c.bulkLoadMessages()) + " messages drains, beside the live traffic,"
                + " in " + drainWords(c, inFlight);
    }

    /**
     * A bulk load's last message waits for all before it: the load must drain within the retention the record sets,
     * or its tail is deleted unread. No check where the product deletes nothing on a timer.
     */
    static Check bulkDrain(Design d, Sizing sizing) {
        Answers.Context c = d.a().context();
        if (c.bulkLoadMessages() <= 0 || !d.s.queued() || d.s.topology() == Topology.EPHEMERAL_PUB_SUB) {
            return null;
        }
        double kept = new DesignSettings(d).retentionSet();
        if (kept <= 0) {
            // nothing is deleted on a timer: only the night's window holds the drain
            kept = Double.POSITIVE_INFINITY;
        }
        double drain = drainSeconds(c, sizing.consumersNeeded());
        String detail = "a bulk load of " + Numbers.plain(c.bulkLoadMessages()) + " messages drains beside the live"
                + " traffic in " + drainWords(c, sizing.consumersNeeded()) + ", against the " + Numbers.seconds(kept)
                + " " + d.s.product().brand() + " keeps a message; "
                + (Double.isInfinite(drain) ? "past the limit" : Capacity.percent(drain, kept) + " used");
        if (Double.isInfinite(kept)) {
            // the window of a night is then the limit the drain is held to
            detail = "a bulk load of " + Numbers.plain(c.bulkLoadMessages()) + " messages drains beside the live"
                    + " traffic in " + drainWords(c, sizing.consumersNeeded()) + ", against the "
                    + Numbers.duration(fact("guide.bulk-window", "seconds")) + " a bulk load should take"
                    + " (guide.bulk-window; " + d.s.product().brand() + " keeps it until read); "
                    + (Double.isInfinite(drain)
                            ? "past the limit"
                            : Capacity.percent(drain, fact("guide.bulk-window", "seconds")) + " used");
        }
        double night = fact("guide.bulk-window", "seconds");
        d.facts.add("guide.bulk-window");
        if (Double.isInfinite(kept) && drain <= night) {
            return Check.ok("bulk-drain", detail);
        }
        if (drain < kept && drain > night) {
            // it fits the retention, but keeps the backlog (and every message behind it) waiting for days
            return new Check(
                    "bulk-drain",
                    Status.WARN,
                    detail
                            + (Double.isInfinite(kept)
                                    ? ""
                                    : "; longer than the " + Numbers.duration(night) + " a bulk load should take"
                                            + " (guide.bulk-window)"),
                    "scale out on the backlog while the load drains: "
                            + Numbers.plain(Math.ceil(c.p99ProcessingSeconds()
                                    * (c.throughputPerSecond() + c.bulkLoadMessages() / night)))
                            + " handlers in flight drain it in " + Numbers.duration(night)
                            + " beside the live traffic; or spread the load over the day");
        }
        if (drain < kept) {
            return Check.ok("bulk-drain", detail);
        }
        // handlers that take the live peak and the load within half the retention
        int wanted = (int) Math.ceil(c.p99ProcessingSeconds()
                * (c.throughputPerSecond() + c.bulkLoadMessages() / Math.min(kept / 2, night)));
        return new Check(
                "bulk-drain",
                Status.FAIL,
                detail,
                "at least " + Numbers.plain(wanted) + " handlers in flight while the load drains beside the live"
                        + " traffic (within half the retention, or a night),"
                        + " or split the load over time");
    }
}
