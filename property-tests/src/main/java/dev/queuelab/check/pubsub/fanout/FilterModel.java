package dev.queuelab.check.pubsub.fanout;

import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.Value;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The checker's own reading of SNS filter policies (the AWS developer guide's pages on string, numeric and key
 * matching and on AND/OR logic), written apart from the reference's, and the rare situations it met.
 */
final class FilterModel {

    private FilterModel() {}

    static boolean matches(FilterPolicy policy, Publication p, Set<String> seen) {
        Map<String, Value> props = policy.scope() == FilterPolicy.Scope.MESSAGE_BODY ? p.body() : p.attributes();
        for (int i = 0; i < policy.alternatives().size(); i++) {
            Map<String, java.util.List<Condition>> alt = policy.alternatives().get(i);
            if (alt.entrySet().stream()
                    .allMatch(e -> e.getValue().stream().anyMatch(c -> holds(c, props.get(e.getKey()), props, seen)))) {
                if (i > 0) {
                    seen.add("$or matched by a later alternative");
                }
                if (policy.scope() == FilterPolicy.Scope.MESSAGE_BODY) {
                    seen.add("a body filter matching");
                }
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Condition c, Value v, Map<String, Value> props, Set<String> seen) {
        if (c instanceof Condition.Exists e) {
            if (!e.present() && v == null) {
                seen.add(props.isEmpty() ? "exists:false with no properties at all" : "exists:false on a missing key");
            }
            return e.present() == (v != null) && (e.present() || !props.isEmpty());
        }
        if (v == null) {
            if (c instanceof Condition.AnythingBut) {
                seen.add("anything-but on a missing key");
            }
            return false;
        }
        if (c instanceof Condition.Exact e) {
            if (e.value().number() && !v.number() && v.text().equals(e.value().text())) {
                seen.add("a string spelling the number an exact condition names");
            }
            return equal(e.value(), v);
        }
        if (c instanceof Condition.Prefix pre) {
            if (v.number() && v.text().startsWith(pre.prefix())) {
                seen.add("a number whose digits start with a prefix");
            }
            return !v.number() && v.text().startsWith(pre.prefix());
        }
        if (c instanceof Condition.AnythingBut a) {
            return a.values().stream().noneMatch(x -> equal(x, v));
        }
        Condition.Range r = (Condition.Range) c;
        if (!v.number()) {
            return false;
        }
        BigDecimal n = v.decimal();
        if ((r.low() != null && n.compareTo(r.low()) == 0) || (r.high() != null && n.compareTo(r.high()) == 0)) {
            seen.add("a number on a range's bound");
        }
        boolean aboveLow = r.low() == null || (r.lowInclusive() ? n.compareTo(r.low()) >= 0 : n.compareTo(r.low()) > 0);
        boolean belowHigh =
                r.high() == null || (r.highInclusive() ? n.compareTo(r.high()) <= 0 : n.compareTo(r.high()) < 0);
        return aboveLow && belowHigh;
    }

    private static boolean equal(Value a, Value b) {
        if (a.number() != b.number()) {
            return false;
        }
        return a.number() ? a.decimal().compareTo(b.decimal()) == 0 : a.text().equals(b.text());
    }
}
