package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Runtime;
import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import dev.queuelab.guide.Recommendation.WayOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where no product passes as answered, the way out changes a requirement: the guide tries the changes a team can
 * make, the smallest first (an order per key instead of a global one, a long-running consumer instead of a
 * function, the latency budget the design can meet, at-least-once with an idempotent effect, brokers the team runs),
 * each alone, and names the first whose design passes every check, with that design's settings, sizing and checks.
 * The record stays infeasible: a requirement is the team's to change, not the guide's.
 */
final class Requirements {

    /** One change: the answer's key, what was asked, and the value tried. */
    private record Change(String key, String asked, String changed) {}

    private Requirements() {}

    /** The nearest design that passes once one requirement changes, or null where no single change is enough. */
    static WayOut wayOut(Answers a, Recommendation failing) {
        for (Change c : changes(a, failing)) {
            Answers changed = with(a, c.key(), c.changed());
            Recommendation r = RuleEngine.asAnswered(changed);
            if (r.feasibility().feasible()) {
                return new WayOut(c.key(), c.asked(), c.changed(), changed, r);
            }
        }
        return null;
    }

    /** The changes worth trying for these answers, the smallest first. */
    private static List<Change> changes(Answers a, Recommendation failing) {
        Answers.Context c = a.context();
        List<Change> out = new ArrayList<>();
        if (a.ordering() == Ordering.GLOBAL) {
            out.add(new Change("ordering", "global", Ordering.PER_KEY.word()));
        }
        if (c.consumerRuntime() == Runtime.FUNCTION) {
            out.add(new Change("consumer-runtime", Runtime.FUNCTION.word(), Runtime.SERVICE.word()));
        }
        if (fails(failing, "latency-budget")) {
            // the p99 from send to effect with a queue's round trip, and the headroom the guide sizes everything with
            double needed = (c.p99ProcessingSeconds()
                            + Facts.registry().get("guide.receive-round-trip").number("seconds"))
                    * Facts.registry().get("guide.headroom").number("factor");
            out.add(new Change(
                    "latency-budget-seconds",
                    Numbers.plain(c.latencyBudgetSeconds()),
                    Numbers.plain(Math.ceil(needed * 100) / 100)));
        }
        if (a.semantic() == Semantic.EXACTLY_ONCE) {
            out.add(new Change("semantic", Semantic.EXACTLY_ONCE.word(), Semantic.AT_LEAST_ONCE.word()));
        }
        if (c.platform() != Answers.Platform.SELF_HOSTED && c.platform() != Answers.Platform.ANY) {
            out.add(new Change("platform", c.platform().word(), Answers.Platform.SELF_HOSTED.word()));
        }
        return out;
    }

    private static boolean fails(Recommendation r, String id) {
        return r.feasibility().checks().stream().anyMatch(x -> x.status() == Status.FAIL && x.id().equals(id))
                || r.rejected().stream()
                        .flatMap(x -> x.failed().stream())
                        .map(Check::id)
                        .anyMatch(id::equals);
    }

    /** The answers with one key changed, read back through the answers file's own rules. */
    static Answers with(Answers a, String key, String value) {
        Map<String, String> flat = new LinkedHashMap<>();
        a.toMap().forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                nested.forEach((nk, nv) -> flat.put(k + "." + nk, String.valueOf(nv)));
            } else {
                flat.put(k, String.valueOf(v));
            }
        });
        flat.put(key, value);
        return AnswersReader.fromValues(flat, "the way out");
    }
}
