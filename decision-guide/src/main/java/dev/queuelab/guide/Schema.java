package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Answers.Shape;
import dev.queuelab.guide.Answers.Sync;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers file's keys, in the order the guide asks them: for each, what it accepts and its default. One
 * table serves the reader (to validate), the interactive guide (to ask), and the docs' schema section
 * (checked against it by a test). The words come from the answer enums, so a new choice cannot be forgotten.
 */
public final class Schema {

    /**
     * @param key        the key as written in a file ("failure.max-attempts" for nested keys)
     * @param choices    the allowed words, or empty for a number
     * @param min        smallest number allowed
     * @param max        largest number allowed
     * @param whole      the number must be whole
     * @param fallback   the default when the key is left out, or null when it is required
     * @param ifSync     the value used when the caller is synchronous, so the question is not asked; null: asked
     */
    public record Key(
            String key, List<String> choices, double min, double max, boolean whole, Object fallback, String ifSync) {
        public boolean isNumber() {
            return choices.isEmpty() && !isText();
        }

        /** Free text, such as the feature's name: any printable ASCII of up to 80 characters. */
        public boolean isText() {
            return TEXT.contains(key);
        }

        public boolean isBoolean() {
            return choices.equals(BOOLEAN);
        }

        public String allowed() {
            if (isText()) {
                return "any text of up to 80 characters";
            }
            if (!isNumber()) {
                return String.join("|", choices) + (isBoolean() ? " (yes|no also accepted)" : "");
            }
            return number(min) + " to " + number(max) + (whole ? "" : ", decimals allowed");
        }

        private static String number(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    static final List<String> BOOLEAN = List.of("true", "false");

    /** The keys whose answer is free text. */
    static final List<String> TEXT = List.of("feature");

    public static final Map<String, Key> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("feature", new Key("feature", List.of(), 0, 80, false, "", null));
        word("sync", null, null, Choice.words(Sync.class));
        word("shape", null, Shape.DISTRIBUTE.word(), Choice.words(Shape.class));
        number("subscribers", 1, 10_000, true, 1, "1");
        word("replay", null, "false", BOOLEAN);
        word("ordering", null, Ordering.NONE.word(), Choice.words(Ordering.class));
        word("semantic", null, Semantic.AT_LEAST_ONCE.word(), Choice.words(Semantic.class));
        number("failure.max-processing-seconds", 1, 86_400, true, 30);
        number("failure.max-attempts", 1, 1000, true, 3);
        word("failure.poison-expected", "false", null, BOOLEAN);
        number("failure.retry-horizon-hours", 0, 8760, false, 0);
        number("failure.backoff-base-seconds", 0.001, 3600, false, 1);
        word("producer", Answers.Producer.PUBLISH_ONLY.word(), null, Choice.words(Answers.Producer.class));
        word("producer-kind", Answers.ProducerKind.APP.word(), null, Choice.words(Answers.ProducerKind.class));
        number("throughput-per-second", 0, 100_000_000, false, 100);
        number("payload-kb", 0.001, 1_048_576, false, 4);
        number("p99-processing-seconds", 0, 86_400, false, 1);
        word("consumer-runtime", "service", null, Choice.words(Answers.Runtime.class));
        word("platform", "any", null, Choice.words(Answers.Platform.class));
        number("retention-days", 0, 3650, true, 0);
        word("side-effects", "internal", null, Choice.words(Answers.SideEffects.class));
        word("ops-appetite", "low", null, Choice.words(Answers.OpsAppetite.class));
        word("tenant-fairness", "false", "false", BOOLEAN);
        number("latency-budget-seconds", 0, 86_400, false, 0);
        number("bulk-load-messages", 0, 1_000_000_000, true, 0, "0");
        number("min-consumer-instances", 0, 1000, true, 0, "0");
    }

    private Schema() {}

    private static void word(String key, String fallback, String ifSync, List<String> choices) {
        KEYS.put(key, new Key(key, choices, 0, 0, false, fallback, ifSync));
    }

    private static void number(String key, double min, double max, boolean whole, Number fallback) {
        number(key, min, max, whole, fallback, null);
    }

    private static void number(String key, double min, double max, boolean whole, Number fallback, String ifSync) {
        KEYS.put(key, new Key(key, List.of(), min, max, whole, fallback, ifSync));
    }
}
