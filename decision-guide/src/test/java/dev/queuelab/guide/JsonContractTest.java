package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The JSON contract as a program reads it: numbers are JSON numbers, words are strings, never the reverse. */
class JsonContractTest {

    /** A string that is only a number, perhaps with a unit: "180 s", "0..43,200", "5". */
    private static final Pattern NUMBER_AS_TEXT =
            Pattern.compile("[0-9][0-9,.]*( ?(\\.\\.|-) ?[0-9][0-9,.]*)?( [A-Za-z/]+)?");

    private static JsonNode json(Answers a) throws Exception {
        return new ObjectMapper().readTree(Documents.json(RuleEngine.recommend(a)));
    }

    /** Every string value that reads as a number, with its path; "text" keys hold words by contract. */
    private static List<String> numbersAsText(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().equals("text")) {
                    out.addAll(numbersAsText(e.getValue(), path + "." + e.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(numbersAsText(node.get(i), path + "[" + i + "]"));
            }
        } else if (node.isTextual() && NUMBER_AS_TEXT.matcher(node.asText()).matches()) {
            out.add(path + " = \"" + node.asText() + "\"");
        }
        return out;
    }

    @Test
    void shouldEmitNumbersAsNumbersWhenASettingIsNumeric() throws Exception {
        // the reviewer's JSON files: "value" : "180 s", "range" : "0..43,200", "value" : "5"
        for (Answers a : List.of(
                TestAnswers.with("platform", "aws", "consumer-runtime", "function"),
                TestAnswers.with("platform", "aws", "ordering", "per-key"),
                TestAnswers.with("platform", "gcp"),
                TestAnswers.with("platform", "azure", "payload-kb", "300"),
                TestAnswers.with(
                        "replay",
                        "true",
                        "platform",
                        "self-hosted",
                        "ops-appetite",
                        "high",
                        "throughput-per-second",
                        "5000"),
                TestAnswers.with("replay", "true", "platform", "self-hosted", "throughput-per-second", "100"),
                TestAnswers.with("shape", "broadcast", "subscribers", "5", "platform", "aws", "payload-kb", "512"))) {
            JsonNode j = json(a);
            assertThat(numbersAsText(j, ""))
                    .as("numbers written as text in " + a)
                    .isEmpty();
        }
        JsonNode sqs = json(TestAnswers.with("platform", "aws", "failure.max-processing-seconds", "40"));
        JsonNode visibility = sqs.get("settings").get(0);
        assertThat(visibility.get("name").asText()).isEqualTo("visibility timeout");
        assertThat(visibility.get("value").isIntegralNumber()).isTrue();
        assertThat(visibility.get("value").asLong()).isEqualTo(60);
        assertThat(visibility.get("text").asText()).isEqualTo("60 s");
        assertThat(visibility.get("range").get("min").asLong()).isZero();
        assertThat(visibility.get("range").get("max").asLong()).isEqualTo(43_200);
        JsonNode words = sqs.get("settings").get(2);
        assertThat(words.get("value").isTextual())
                .as("a setting in words keeps its words: %s", words)
                .isTrue();
    }
}
