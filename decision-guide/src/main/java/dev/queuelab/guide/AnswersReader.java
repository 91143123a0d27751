package dev.queuelab.guide;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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

    // a key given twice would otherwise keep its last value silently: the author may have meant the first
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private AnswersReader() {}

    public static Answers read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new AnswersException(file + ": no such file (give the path of a YAML or JSON answers file)");
        } catch (CharacterCodingException e) {
            throw new AnswersException(file + ": is not UTF-8 text (a byte in it is no UTF-8 character): save it as"
                    + " UTF-8 and run again");
        } catch (IOException e) {
            throw new AnswersException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** A number written in hex, octal or binary ("0x10"), which YAML reads as another number than it shows. */
    private static final java.util.regex.Pattern RADIX = java.util.regex.Pattern.compile(
            "([A-Za-z][\\w.-]*)\\s*:\\s*([+-]?0(?:[xX][0-9a-fA-F_]+|[oO][0-7_]+|[bB][01_]+|[0-7]+))\\s*(?=[,}#\\n]|$)");

    public static Answers parse(String text, String source) {
        refuseHiddenCharacters(text, source);
        java.util.regex.Matcher radix = RADIX.matcher(text);
        if (radix.find()) {
            String key = keyOf(radix.group(1));
            throw new AnswersException(source + ": '" + key + "' is '" + radix.group(2) + "', which YAML reads as a"
                    + " number in another base: write it in decimals (" + allowedFor(key) + ")");
        }
        JsonNode root;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            root = parser.nextToken() == null ? null : YAML.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                // a second YAML document ('---') would be ignored, and its answers with it
                throw new AnswersException(source + ": holds more than one document (a second '---' at line "
                        + parser.currentLocation().getLineNr() + "): give one document of answers only");
            }
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().split("\\R", 2)[0].trim();
            JsonParser at = e.getProcessor() instanceof JsonParser p ? p : null;
            if (problem.startsWith("Duplicate field") && at != null) {
                throw new AnswersException(source + ": '" + key(at, problem.replaceAll(".*'(.*)'.*", "$1"))
                        + "' is given twice"
                        + (e.getLocation() == null
                                ? ""
                                : " (again at line " + e.getLocation().getLineNr() + ")")
                        + ": keep one of them");
            }
            if (at != null && at.getParsingContext().getCurrentName() != null && problem.contains("numeric value")) {
                // YAML's .inf and .nan are numbers to the parser but no answer: name the key, as for any bad value
                String key = key(at, at.getParsingContext().getCurrentName());
                throw new AnswersException(source + ": '" + key + "' is '" + problem.replaceAll(".*'(.*)'.*", "$1")
                        + "': use a number from " + allowedFor(key));
            }
            throw syntax(e, source);
        } catch (IOException e) {
            throw new AnswersException(source + ": cannot read it (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new AnswersException(source + ": expected a map of answers (sync: async, shape: distribute, ...)");
        }
        Map<String, String> flat = new HashMap<>();
        flatten(root, "", flat, source);
        return fromValues(flat, source);
    }

    /** The schema's name for a key found in the text: a key of failure's map gets "failure." before it. */
    private static String keyOf(String key) {
        return Schema.KEYS.containsKey(key) || !Schema.KEYS.containsKey("failure." + key) ? key : "failure." + key;
    }

    /**
     * A control character (a NUL, an escape) or a letter that only looks like an ASCII one (a Cyrillic 'а' in
     * "аws") would be dropped or echoed as if the value were valid: either is refused in one line that names
     * the character, its code point and where it is.
     */
    static void refuseHiddenCharacters(String text, String source) {
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
            } else if (text.startsWith("#", i)) {
                // a comment may say anything
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                continue;
            } else if ((Character.isISOControl(c) && c != '\t' && c != '\r') || c == 0xFEFF && i > 0) {
                throw new AnswersException(source + ": line " + line + " holds the control character U+"
                        + String.format("%04X", c) + " ("
                        + (Character.getName(c) == null ? "unnamed" : Character.getName(c))
                        + "), which would be dropped or misread: delete it and type the value again");
            } else if (c > 0x7E && Character.isLetterOrDigit(c)) {
                throw new AnswersException(source + ": line " + line + " holds '" + new String(Character.toChars(c))
                        + "' (U+" + String.format("%04X", c) + ", " + Character.getName(c) + "), which looks like an"
                        + " ASCII letter or digit but is not: every key and value of an answers file is plain ASCII;"
                        + " type it again");
            }
            i += Character.charCount(c);
        }
    }

    /** A key as the schema names it: under failure's map, "failure." before it. */
    private static String key(JsonParser p, String field) {
        JsonStreamContext parent = p.getParsingContext().getParent();
        String outer = parent == null ? null : parent.getCurrentName();
        return outer != null ? outer + "." + field : field;
    }

    private static AnswersException syntax(JsonProcessingException e, String source) {
        // the parser's own message runs over several lines (its context and a caret): keep its first, and say
        // where, so the error stays one line naming the place and the fix
        String problem = e.getOriginalMessage().split("\\R", 2)[0].trim();
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return new AnswersException(source + ": not valid YAML or JSON" + where + ": " + problem
                + ": fix the syntax there (one 'key: value' per line, nested only under failure; quote a value"
                + " that holds ': ', '[' or '{')");
    }

    /** Builds answers from keys and raw values, as the file and the interactive guide both give them. */
    public static Answers fromValues(Map<String, String> values, String source) {
        for (String key : values.keySet()) {
            if (!Schema.KEYS.containsKey(key)) {
                throw new AnswersException(source + ": unknown key '" + key + "': the keys are "
                        + String.join(", ", Schema.KEYS.keySet()));
            }
        }
        // typed answers (the interactive guide) are held to the file's rule: no hidden characters
        values.forEach((key, value) -> refuseHiddenCharacters(value, source + ": '" + key + "'"));
        Values v = new Values(values, source);
        Answers.Sync sync = v.choice("sync", Answers.Sync.class, false);
        // a synchronous caller gets a direct call: the questions about queues do not apply, so they may be left out
        boolean skip = sync == Answers.Sync.SYNC;
        return new Answers(
                sync,
                v.choice("shape", Answers.Shape.class, skip),
                v.bool("replay", skip),
                v.choice("ordering", Answers.Ordering.class, skip),
                v.choice("semantic", Answers.Semantic.class, skip),
                new Answers.Failure(
                        v.integer("failure.max-processing-seconds"),
                        v.integer("failure.max-attempts"),
                        v.bool("failure.poison-expected", false),
                        v.number("failure.retry-horizon-hours"),
                        v.number("failure.backoff-base-seconds")),
                v.choice("producer", Answers.Producer.class, false),
                new Answers.Context(
                        v.number("throughput-per-second"),
                        v.number("payload-kb"),
                        v.number("p99-processing-seconds"),
                        v.choice("consumer-runtime", Answers.Runtime.class, false),
                        v.choice("platform", Answers.Platform.class, false),
                        v.integer("subscribers"),
                        v.integer("retention-days"),
                        v.choice("side-effects", Answers.SideEffects.class, false),
                        v.choice("ops-appetite", Answers.OpsAppetite.class, false),
                        v.bool("tenant-fairness", skip),
                        v.text("feature"),
                        v.choice("producer-kind", Answers.ProducerKind.class, false),
                        v.number("latency-budget-seconds"),
                        v.integer("bulk-load-messages"),
                        v.integer("min-consumer-instances")));
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out, String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (e.getValue().isObject()) {
                if (!key.equals("failure")) {
                    throw new AnswersException(source + ": '" + key + "' holds a map, but only 'failure' does");
                }
                flatten(e.getValue(), key + ".", out, source);
            } else if (key.equals("failure")) {
                // a bare number here is the commonest slip: the failure answers are a map of three
                throw new AnswersException(source + ": 'failure' is "
                        + (e.getValue().isNull() ? "empty" : "'" + e.getValue().asText() + "'")
                        + ": give it as a map, for example failure: "
                        + "{max-processing-seconds: 30, max-attempts: 3, poison-expected: no}");
            } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                if (out.containsKey(key)) {
                    // 'failure: {max-attempts: 3}' and 'failure.max-attempts: 7' both name one answer
                    throw new AnswersException(source + ": '" + key + "' is given twice (in the failure map and as"
                            + " the dotted key '" + key + "'): keep one of them");
                }
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
        String word(String key, boolean skipped) {
            Schema.Key k = Schema.KEYS.get(key);
            String fallback = skipped && k.ifSync() != null ? k.ifSync() : (String) k.fallback();
            String value = raw.containsKey(key) ? raw.get(key).trim().toLowerCase() : fallback;
            if (value == null) {
                throw new AnswersException(source + ": '" + key + "' is missing: answer one of " + k.allowed());
            }
            if (k.isBoolean()) {
                value = value.equals("yes") ? "true" : value.equals("no") ? "false" : value;
            }
            if (!k.choices().contains(value)) {
                throw new AnswersException(source + ": '" + key + "' is '" + value + "': use one of " + k.allowed());
            }
            return value;
        }

        <E extends Enum<E> & Choice> E choice(String key, Class<E> type, boolean skipped) {
            return Choice.of(type, word(key, skipped));
        }

        boolean bool(String key, boolean skipped) {
            return Boolean.parseBoolean(word(key, skipped));
        }

        double number(String key) {
            Schema.Key k = Schema.KEYS.get(key);
            String text = raw.get(key);
            double value;
            try {
                value = text == null ? ((Number) k.fallback()).doubleValue() : Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new AnswersException(
                        source + ": '" + key + "' is '" + text + "': use a number from " + k.allowed());
            }
            if (Double.isNaN(value) || value < k.min() || value > k.max()) {
                throw new AnswersException(
                        source + ": '" + key + "' is " + text + ": use a number from " + k.allowed());
            }
            if (k.whole() && value != Math.rint(value)) {
                throw new AnswersException(
                        source + ": '" + key + "' is " + text + ": use a whole number from " + k.allowed());
            }
            return value;
        }

        String text(String key) {
            String value = raw.getOrDefault(key, "").trim();
            if (value.length() > 80) {
                throw new AnswersException(source + ": '" + key + "' is " + value.length()
                        + " characters long: give a short name of up to 80, such as 'webhook delivery'");
            }
            return value;
        }

        int integer(String key) {
            return (int) number(key);
        }
    }
}
