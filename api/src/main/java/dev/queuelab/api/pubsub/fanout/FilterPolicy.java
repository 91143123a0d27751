package dev.queuelab.api.pubsub.fanout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A subscription's filter policy: which messages its queue gets. Each alternative ({@code $or} gives several)
 * is a set of property names, each with the values it accepts: a message matches an alternative when every
 * name in it is matched by at least one of its conditions, and the policy when any alternative matches.
 *
 * @param scope        what the names refer to: message attributes, or the properties of a JSON body
 * @param alternatives one or more; each a property name to its accepted values
 */
public record FilterPolicy(Scope scope, List<Map<String, List<Condition>>> alternatives) {

    /** SNS's FilterPolicyScope. */
    public enum Scope {
        MESSAGE_ATTRIBUTES,
        MESSAGE_BODY
    }

    public FilterPolicy {
        Objects.requireNonNull(scope, "scope");
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(Map::isEmpty)) {
            throw new IllegalArgumentException(
                    "filter policy has an empty alternative: give every alternative at least one property");
        }
        List<Map<String, List<Condition>>> copy = new ArrayList<>();
        for (Map<String, List<Condition>> a : alternatives) {
            Map<String, List<Condition>> one = new LinkedHashMap<>();
            a.forEach((k, v) -> {
                if (v.isEmpty()) {
                    throw new IllegalArgumentException(
                            "filter policy property '" + k + "' accepts nothing: give it a value");
                }
                one.put(k, List.copyOf(v));
            });
            copy.add(java.util.Collections.unmodifiableMap(one));
        }
        alternatives = List.copyOf(copy);
    }

    /** A policy of one alternative. */
    public static FilterPolicy of(Scope scope, Map<String, List<Condition>> properties) {
        return new FilterPolicy(scope, List.of(properties));
    }

    /** As SNS's JSON writes it, with the scope in front when it is the body. */
    @Override
    public String toString() {
        List<String> alts = new ArrayList<>();
        for (Map<String, List<Condition>> a : alternatives) {
            Map<String, String> members = new LinkedHashMap<>();
            a.forEach((k, v) -> members.put(k, v.toString()));
            alts.add(Json.object(members));
        }
        return (scope == Scope.MESSAGE_BODY ? "on the body " : "")
                + (alts.size() == 1 ? alts.get(0) : "{\"$or\":" + alts + "}");
    }
}
