package dev.queuelab.guide;

import static dev.queuelab.guide.Design.fact;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import java.util.ArrayList;
import java.util.List;

/**
 * A direct call (HTTP or gRPC) with a timeout, retries with backoff within a budget and a circuit breaker: no
 * broker, so its settings are the call's and its one check of its own is a global order's pace.
 */
final class DirectCallRules implements ProductRules {

    static final DirectCallRules INSTANCE = new DirectCallRules();

    private DirectCallRules() {}

    @Override
    public String home(Product p) {
        return "self-run";
    }

    @Override
    public List<Setting> settings(Design d, Failure failure, Sizing sizing) {
        return callSettings(d);
    }

    @Override
    public List<Check> checks(Design d, Sizing sizing) {
        Answers.Context c = d.a().context();
        List<Check> out = new ArrayList<>();
        if (d.a().ordering() == Ordering.GLOBAL) {
            // calls in one global order go one at a time: the caller waits for each before the next
            double pace = c.p99ProcessingSeconds() > 0 ? 1 / c.p99ProcessingSeconds() : Double.POSITIVE_INFINITY;
            double h = fact("guide.headroom", "factor");
            String detail = "calls in one global order go one at a time: at most " + Numbers.perSecond(pace)
                    + " at a p99 of " + Numbers.plain(c.p99ProcessingSeconds()) + " s, against a peak of "
                    + Numbers.perSecond(c.throughputPerSecond()) + "; "
                    + Capacity.percent(c.throughputPerSecond(), pace) + " used, at most "
                    + Capacity.percent(pace / h, pace) + " with " + Numbers.plain(h) + "x headroom";
            out.add(
                    c.throughputPerSecond() * h <= pace
                            ? Check.ok("global-order-capacity", detail)
                            : new Check(
                                    "global-order-capacity",
                                    Status.FAIL,
                                    detail,
                                    "order per key (each key's calls one at a time, keys in parallel), or make the"
                                            + " callee fast enough: a p99 under "
                                            + Numbers.plain(1 / (c.throughputPerSecond() * h)) + " s"));
        }
        return out;
    }

    /**
     * A direct call's timeout and retries: the timeout covers the worst case like a lease would, and a retry
     * budget keeps an outage of the callee from multiplying its load by the attempts.
     */
    private static List<Setting> callSettings(Design d) {
        d.facts.add("guide.lease-buffer");
        d.facts.add("guide.retry-budget");
        double lease = Math.ceil(d.workLease());
        double budget0 = d.a().context().latencyBudgetSeconds();
        // a caller with a latency budget waits no longer than it, whatever the worst case
        double timeout = budget0 > 0 ? Math.min(lease, budget0) : lease;
        double rate = d.a().context().throughputPerSecond();
        int attempts = d.a().failure().maxAttempts();
        double budget = fact("guide.retry-budget", "ratio");
        return List.of(
                new Setting(
                        "timeout (per attempt)",
                        timeout < lease
                                ? Numbers.plain(timeout) + " s: the latency budget, since the caller waits no longer"
                                        + " (the worst case of "
                                        + Numbers.seconds(d.a().failure().maxProcessingSeconds())
                                        + " with its buffer would be " + Numbers.plain(lease) + " s): a call slower"
                                        + " than the budget fails fast"
                                : Numbers.plain(timeout) + " s: the worst case of "
                                        + Numbers.seconds(d.a().failure().maxProcessingSeconds()) + " with its buffer",
                        timeout,
                        null,
                        "s",
                        "guide.lease-buffer"),
                new Setting(
                        "retry budget",
                        attempts <= 1
                                ? "none: one attempt answered"
                                : "up to " + attempts + " attempts, with exponential backoff and jitter, but"
                                        + " retries at most " + Numbers.plain(budget * 100) + "% of calls ("
                                        + Numbers.perSecond(rate * budget).replace("msg/s", "calls/s")
                                        + " at peak), so an outage sends "
                                        + Numbers.perSecond(rate * (1 + budget)).replace("msg/s", "calls/s")
                                        + " to the callee, not "
                                        + Numbers.perSecond(rate * attempts).replace("msg/s", "calls/s"),
                        attempts <= 1 ? null : budget,
                        null,
                        "",
                        "guide.retry-budget"));
    }
}
