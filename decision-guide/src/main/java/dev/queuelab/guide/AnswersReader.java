package dev.queuelab.guide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads an answers file (YAML or JSON: YAML is a superset) and checks it against {@link Schema}: an
 * unknown key, a wrong type or a value out of range is one clear error naming the key and what it accepts.
 */
public final class AnswersReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AnswersReader() {
    }

    public static Answers read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new AnswersException(file + ": no such file (give the path of a YAML or JSON answers file)");
        } catch (IOException e) {
            throw new AnswersException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    public static Answers parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AnswersException(source + ": not valid YAML or JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new AnswersException(source + ": expected a map of answers (sync: async, shape: distribute, ...)");
        }
        Map<String, String> flat = new HashMap<>();
        flatten(root, "", flat, source);
        return fromValues(flat, source);
    }

    /** Builds answers from keys and raw values, as the file and the interactive guide both give them. */
    public static Answers fromValues(Map<String, String> values, String source) {
        for (String key : values.keySet()) {
            if (!Schema.KEYS.containsKey(key)) {
                throw new AnswersException(source + ": unknown key '" + key + "': the keys are "
                        + String.join(", ", Schema.KEYS.keySet()));
            }
        }
        Values v = new Values(values, source);
        return new Answers(v.word("sync"), v.word("shape"), v.bool("replay"), v.word("ordering"), v.word("semantic"),
                new Answers.Failure(v.integer("failure.max-processing-seconds"), v.integer("failure.max-attempts"),
                        v.bool("failure.poison-expected")),
                new Answers.Context(v.integer("throughput-per-second"), v.integer("payload-kb"),
                        v.number("p99-processing-seconds"), v.word("consumer-runtime"), v.word("platform"),
                        v.integer("subscribers"), v.integer("retention-days"), v.word("side-effects"),
                        v.word("ops-appetite")));
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                if (!key.equals("failure")) {
                    throw new AnswersException(source + ": '" + key + "' holds a map, but only 'failure' does");
                }
                flatten(e.getValue(), key + ".", out, source);
            } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(key, e.getValue().asText());
            } else {
                throw new AnswersException(source + ": '" + key + "' needs one value: " + allowedFor(key));
            }
        }
    }

    private static String allowedFor(String key) {
        Schema.Key k = Schema.KEYS.get(key);
        return k == null ? "it is not a known key" : k.allowed();
    }

    private record Values(Map<String, String> raw, String source) {
        String word(String key) {
            Schema.Key k = Schema.KEYS.get(key);
            String value = raw.containsKey(key) ? raw.get(key).trim().toLowerCase() : (String) k.fallback();
            if (value == null) {
                throw new AnswersException(source + ": '" + key + "' is missing: answer one of " + k.allowed());
            }
            if (!k.choices().contains(value)) {
                throw new AnswersException(source + ": '" + key + "' is '" + value + "': use one of " + k.allowed());
            }
            return value;
        }

        boolean bool(String key) {
            return Boolean.parseBoolean(word(key));
        }

        double number(String key) {
            Schema.Key k = Schema.KEYS.get(key);
            String text = raw.get(key);
            double value;
            try {
                value = text == null ? ((Number) k.fallback()).doubleValue() : Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new AnswersException(source + ": '" + key + "' is '" + text + "': use a number from " + k.allowed());
            }
            if (value < k.min() || value > k.max() || Double.isNaN(value)) {
                throw new AnswersException(source + ": '" + key + "' is " + text + ": use a number from " + k.allowed());
            }
            return value;
        }

        int integer(String key) {
            double value = number(key);
            if (value != Math.rint(value)) {
                throw new AnswersException(source + ": '" + key + "' is " + raw.get(key) + ": use a whole number from "
                        + Schema.KEYS.get(key).allowed());
            }
            return (int) value;
        }
    }
}
