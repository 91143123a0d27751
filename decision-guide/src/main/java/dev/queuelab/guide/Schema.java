package dev.queuelab.guide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers file's keys: for each, what it accepts and its default. One table serves the reader (to
 * validate), the interactive guide (to ask), and the docs' schema section (checked against it by a test).
 */
public final class Schema {

    /**
     * @param key     the key as written in a file ("failure.max-attempts" for nested keys)
     * @param choices the allowed words, or empty for a number
     * @param min     smallest number allowed
     * @param max     largest number allowed
     * @param fallback the default when the key is left out, or null when it is required
     */
    public record Key(String key, List<String> choices, double min, double max, Object fallback) {
        public boolean isNumber() {
            return choices.isEmpty();
        }

        public String allowed() {
            if (!isNumber()) {
                return String.join("|", choices);
            }
            return (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min)) + " to "
                    + (max == Math.rint(max) ? String.valueOf((long) max) : String.valueOf(max));
        }
    }

    public static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        word("sync", null, "sync", "async");
        word("shape", null, "distribute", "broadcast");
        word("replay", null, "true", "false");
        word("ordering", null, "none", "per-key", "global");
        word("semantic", null, "at-most-once", "at-least-once", "exactly-once");
        number("failure.max-processing-seconds", 1, 86_400, 30);
        number("failure.max-attempts", 1, 1000, 3);
        word("failure.poison-expected", "false", "true", "false");
        number("throughput-per-second", 0, 100_000_000, 100);
        number("payload-kb", 0, 1_048_576, 4);
        number("p99-processing-seconds", 0, 86_400, 1);
        word("consumer-runtime", "service", "service", "function");
        word("platform", "any", "aws", "gcp", "azure", "self-hosted", "any");
        number("subscribers", 1, 10_000, 1);
        number("retention-days", 0, 3650, 0);
        word("side-effects", "internal", "external", "internal");
        word("ops-appetite", "low", "low", "high");
    }

    private Schema() {
    }

    private static void word(String key, String fallback, String... choices) {
        KEYS.put(key, new Key(key, List.of(choices), 0, 0, fallback));
    }

    private static void number(String key, double min, double max, Number fallback) {
        KEYS.put(key, new Key(key, List.of(), min, max, fallback));
    }
}
