package dev.queuelab.check.heldout.fanout;

import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.Value;
import java.util.List;
import java.util.Map;

/**
 * A copy of the reference filter matcher that makes a held-out {@link Slip} of matching. SNS's filter policy
 * evaluation: a message matches when one alternative has every one of its properties
 * matched by at least one condition. A property the message lacks is matched only by {@code exists: false},
 * and that only when the message has some property in the scope ("exists": false only matches if at least one
 * attribute is present, SNS Developer Guide, "Key matching", read 2026-12-05); anything-but, like every other
 * operator, needs the key. Strings meet only string conditions and numbers only numeric ones.
 *
 * <p>Thread-safety: stateless. Real world: SNS subscription filter policies, both FilterPolicyScope values.
 */
final class FilterMatcher {

    private FilterMatcher() {}

    static boolean matches(FilterPolicy policy, Publication p, Slip slip) {
        Map<String, Value> scope = policy.scope() == FilterPolicy.Scope.MESSAGE_ATTRIBUTES ? p.attributes() : p.body();
        for (Map<String, List<Condition>> alternative : policy.alternatives()) {
            boolean all = true;
            for (Map.Entry<String, List<Condition>> property : alternative.entrySet()) {
                all &= accepts(
                        property.getValue(),
                        scope.get(property.getKey()),
                        !scope.isEmpty() || slip == Slip.EXISTS_FALSE_ON_EMPTY,
                        slip);
            }
            if (all || slip == Slip.FIRST_ALTERNATIVE_ONLY) {
                return all;
            }
        }
        return false;
    }

    private static boolean accepts(List<Condition> conditions, Value v, boolean anyPresent, Slip slip) {
        for (Condition c : conditions) {
            if (c instanceof Condition.Exists e) {
                if (e.present() ? v != null : v == null && anyPresent) {
                    return true;
                }
            } else if (v != null && test(c, v, slip)) {
                return true;
            } else if (v == null && c instanceof Condition.AnythingBut && slip == Slip.ANYTHING_BUT_ABSENT) {
                return true;
            }
        }
        return false;
    }

    private static boolean test(Condition c, Value v, Slip slip) {
        if (c instanceof Condition.Exact e) {
            return same(e.value(), v, slip);
        } else if (c instanceof Condition.Prefix p) {
            return (!v.number() || slip == Slip.PREFIX_ON_NUMBERS) && v.text().startsWith(p.prefix());
        } else if (c instanceof Condition.AnythingBut a) {
            return a.values().stream().noneMatch(x -> same(x, v, slip));
        } else if (c instanceof Condition.Range r) {
            if (!v.number()) {
                return false;
            }
            int low = r.low() == null ? 1 : v.decimal().compareTo(r.low());
            int high = r.high() == null ? -1 : v.decimal().compareTo(r.high());
            boolean inclusive = slip == Slip.RANGE_INCLUSIVE;
            return (low > 0 || (low == 0 && (r.lowInclusive() || inclusive)))
                    && (high < 0 || (high == 0 && (r.highInclusive() || inclusive)));
        }
        return false;
    }

    private static boolean same(Value a, Value b, Slip slip) {
        if (slip == Slip.NUMBER_AS_TEXT) {
            return a.text().equals(b.text());
        }
        return a.number() == b.number()
                && (a.number()
                        ? a.decimal().compareTo(b.decimal()) == 0
                        : a.text().equals(b.text()));
    }
}
