package dev.queuelab.api.pubsub.fanout;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A message attribute's or a body property's value: a string, or a number (SNS's String and Number types).
 * A string never matches a numeric condition and a number never matches a string one.
 *
 * @param text   the value as written
 * @param number true for a Number
 */
public record Value(String text, boolean number) {

    public Value {
        Objects.requireNonNull(text, "text");
        if (number) {
            try {
                new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value '" + text + "' is not a number: write it as 12 or 12.5");
            }
        }
    }

    public static Value string(String text) {
        return new Value(text, false);
    }

    public static Value number(long n) {
        return new Value(Long.toString(n), true);
    }

    public BigDecimal decimal() {
        return new BigDecimal(text);
    }

    /** As JSON writes it. */
    public String json() {
        return number ? text : Json.quote(text);
    }

    @Override
    public String toString() {
        return json();
    }
}
