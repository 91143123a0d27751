package dev.queuelab.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts registry ({@code facts.yaml}): every product number or default the guide uses, with its
 * source address and the date it was checked. A fact whose number could not be read off its source says so with
 * {@code confirmed: false} and carries no {@code checked} date. Asking for a fact that is not there is an error, never
 * a blank.
 */
public final class Facts {

    /**
     * @param id      how templates and rules cite it ("sqs.visibility-timeout")
     * @param product the product it is about
     * @param fact    the fact in one sentence
     * @param value   the number or default, short
     * @param source  where it was read
     * @param checked when it was checked against that source; empty where it is not confirmed
     * @param confirmed false where the number was not confirmed against its source: a record prints it "unconfirmed"
     * @param numbers  the fact's numbers by name ("max-seconds", "default-count"), in seconds, bytes or counts
     */
    public record Fact(
            String id,
            String product,
            String fact,
            String value,
            String source,
            String checked,
            boolean confirmed,
            Map<String, Double> numbers) {

        /** A number of this fact; asking for one it does not state is an error, never a guess. */
        public double number(String name) {
            Double n = numbers.get(name);
            if (n == null) {
                throw new IllegalStateException(
                        "fact '" + id + "' states no number '" + name + "': it has " + numbers.keySet());
            }
            return n;
        }

        /** The source is a web page (a vendor's documentation); otherwise a queuelab page. */
        public boolean web() {
            return source.startsWith("https://");
        }

        public boolean has(String name) {
            return numbers.containsKey(name);
        }
    }

    private static final Facts REGISTRY = load();

    private final Map<String, Fact> facts;

    private Facts(Map<String, Fact> facts) {
        this.facts = Collections.unmodifiableMap(facts);
    }

    public static Facts registry() {
        return REGISTRY;
    }

    public Fact get(String id) {
        Fact f = facts.get(id);
        if (f == null) {
            throw new IllegalStateException(
                    "no fact '" + id + "' in facts.yaml: add it with its source, or fix the id");
        }
        return f;
    }

    public Map<String, Fact> all() {
        return facts;
    }

    private static Facts load() {
        try (InputStream in = Facts.class.getResourceAsStream("/facts.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            Map<String, Fact> facts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                Map<String, Double> numbers = new LinkedHashMap<>();
                JsonNode given = n.get("numbers");
                if (given == null || !given.isObject()) {
                    throw new IllegalStateException(
                            "fact '" + e.getKey() + "' has no numbers map: write numbers: {} if it has none");
                }
                given.properties().forEach(x -> {
                    if (!x.getValue().isNumber()) {
                        throw new IllegalStateException(
                                "fact '" + e.getKey() + "' number '" + x.getKey() + "' is not a number");
                    }
                    numbers.put(x.getKey(), x.getValue().asDouble());
                });
                facts.put(
                        e.getKey(),
                        new Fact(
                                e.getKey(),
                                text(n, e.getKey(), "product"),
                                text(n, e.getKey(), "fact"),
                                text(n, e.getKey(), "value"),
                                text(n, e.getKey(), "source"),
                                confirmed(n, e.getKey()) ? text(n, e.getKey(), "checked") : "",
                                confirmed(n, e.getKey()),
                                Collections.unmodifiableMap(numbers)));
            }
            return new Facts(facts);
        } catch (IOException e) {
            throw new UncheckedIOException("facts.yaml cannot be read", e);
        }
    }

    /** A fact is confirmed unless it says otherwise; an unconfirmed one may not claim a date it was checked. */
    private static boolean confirmed(JsonNode fact, String id) {
        JsonNode v = fact.get("confirmed");
        if (v == null) {
            return true;
        }
        if (!v.isBoolean() || (!v.asBoolean() && fact.has("checked"))) {
            throw new IllegalStateException(
                    "fact '" + id + "': confirmed is true or false, and an unconfirmed fact" + " has no checked date");
        }
        return v.asBoolean();
    }

    private static String text(JsonNode fact, String id, String field) {
        JsonNode v = fact.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalStateException(
                    "fact '" + id + "' has no " + field + ": every fact needs product, fact, value, source, checked");
        }
        return v.asText();
    }
}
