package dev.queuelab.api.pubsub.fanout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One value a filter policy accepts for a property (SNS's operators): an exact string or number, a string
 * prefix, anything but some values, a numeric range, or the key's presence or absence.
 */
public sealed interface Condition {

    /** {@code "color": ["red"]} or {@code "price": [{"numeric": ["=", 5]}]}. */
    record Exact(Value value) implements Condition {
        @Override
        public String toString() {
            return value.json();
        }
    }

    /** {@code [{"prefix": "bl"}]}: a string that starts so. */
    record Prefix(String prefix) implements Condition {
        @Override
        public String toString() {
            return "{\"prefix\":" + Json.quote(prefix) + "}";
        }
    }

    /** {@code [{"anything-but": [...]}]}: a value of the key that is none of these (the key must be there). */
    record AnythingBut(List<Value> values) implements Condition {
        public AnythingBut {
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return "{\"anything-but\":" + values + "}";
        }
    }

    /**
     * {@code [{"numeric": [">", 0, "<=", 5]}]}: a number inside; a {@code null} end is open.
     */
    record Range(BigDecimal low, boolean lowInclusive, BigDecimal high, boolean highInclusive) implements Condition {
        @Override
        public String toString() {
            String from = low == null ? "" : "\"" + (lowInclusive ? ">=" : ">") + "\"," + low;
            String to = high == null ? "" : "\"" + (highInclusive ? "<=" : "<") + "\"," + high;
            return "{\"numeric\":[" + from + (from.isEmpty() || to.isEmpty() ? "" : ",") + to + "]}";
        }
    }

    /** {@code [{"exists": true}]} or {@code [{"exists": false}]}. */
    record Exists(boolean present) implements Condition {
        @Override
        public String toString() {
            return "{\"exists\":" + present + "}";
        }
    }

    static Condition exact(String s) {
        return new Exact(Value.string(s));
    }

    static Condition exact(long n) {
        return new Exact(Value.number(n));
    }

    static Condition prefix(String p) {
        return new Prefix(Objects.requireNonNull(p, "prefix"));
    }

    static Condition anythingBut(Value... values) {
        return new AnythingBut(List.of(values));
    }

    static Condition between(long low, boolean lowInclusive, long high, boolean highInclusive) {
        return new Range(BigDecimal.valueOf(low), lowInclusive, BigDecimal.valueOf(high), highInclusive);
    }

    static Condition exists(boolean present) {
        return new Exists(present);
    }
}
