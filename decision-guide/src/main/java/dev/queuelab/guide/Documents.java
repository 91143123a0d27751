package dev.queuelab.guide;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The guide's outputs: the ADR in Markdown (MADR 4), the JSON contract, and the answers file written back. */
public final class Documents {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Documents() {
    }

    public static String json(Recommendation r) {
        try {
            return JSON.writeValueAsString(r.toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recommendation cannot be written as JSON", e);
        }
    }

    public static String answersYaml(Answers a) {
        try {
            return YAML.writeValueAsString(a.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answers cannot be written as YAML", e);
        }
    }

    public static String markdown(Answers a, Recommendation r, LocalDate date) {
        return Templates.render("adr.md", view(a, r, date));
    }

    static Map<String, Object> view(Answers a, Recommendation r, LocalDate date) {
        Answers.Context c = a.context();
        Map<String, Object> v = new HashMap<>();
        v.put("date", date.toString());
        v.put("decisionMakers", "the team that owns the producers and consumers");
        v.put("consulted", "operations (who run the chosen product)");
        v.put("informed", "the teams that subscribe to these messages");
        Options.Option chosen = Options.ALL.get(r.topology());
        v.put("title", "Use " + chosen.name().toLowerCase() + " for " + (a.shape().equals("broadcast") ? "broadcasting events"
                : "distributing work") + " at " + c.throughputPerSecond() + " msg/s");
        v.put("problem", "We need to move messages from producers to " + (a.shape().equals("broadcast")
                ? c.subscribers() + " independent subscriber(s), each of which needs every message"
                : "competing consumers, each message to one of them") + ", at a peak of " + c.throughputPerSecond()
                + " msg/s of about " + c.payloadKb() + " KiB, with a p99 processing time of " + c.p99ProcessingSeconds()
                + " s and a worst case of " + a.failure().maxProcessingSeconds() + " s. Which topology and product should carry them, "
                + "with which delivery semantic, and how do we handle failure?");
        v.put("drivers", List.of(
                "the caller " + (a.sync().equals("sync") ? "needs the result now (sync)" : "does not wait for the result (async)"),
                "replay of past messages " + (a.replay() ? "is needed" : "is not needed"),
                "ordering: " + a.ordering(), "delivery semantic asked for: " + a.semantic(),
                "side effects are " + c.sideEffects() + (c.sideEffects().equals("external") ? " (emails, payments, third-party calls)" : ""),
                "consumers run as a " + (c.consumerRuntime().equals("function") ? "serverless function" : "long-running service"),
                "platform: " + c.platform() + "; appetite for operations: " + c.opsAppetite(),
                "retention: " + (c.retentionDays() == 0 ? "until consumed" : c.retentionDays() + " days"),
                "poison messages " + (a.failure().poisonExpected() ? "are expected" : "are not expected")
                        + "; up to " + a.failure().maxAttempts() + " attempts"));
        List<Map<String, Object>> options = new ArrayList<>();
        for (Options.Option o : Options.consideredFor(r.topology())) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", o.name());
            m.put("chosen", o.topology().equals(r.topology()));
            m.put("summary", o.summary());
            m.put("pros", o.pros());
            m.put("cons", o.cons());
            options.add(m);
        }
        v.put("options", options);
        v.put("chosen", options.get(0));
        v.put("tool", r.tool());
        v.put("because", r.rules().stream().map(Rules.Rule::reasoning).toList());
        v.put("topologyDiagram", Diagrams.topology(r.topology(), r.tool()));
        v.put("pathDiagram", Diagrams.path(r.path(), r.topology()));
        v.put("semantic", r.semantic());
        v.put("ordering", r.ordering());
        v.put("visibility", orDash(r.failure().visibilityTimeoutSeconds(), " s"));
        v.put("maxReceives", orDash(r.failure().maxReceiveCount(), ""));
        v.put("alarms", String.join("; ", r.failure().alarms()));
        v.put("alarmList", r.failure().alarms());
        v.put("idempotencyKey", r.idempotency().key() == null ? "not needed" : r.idempotency().key());
        v.put("idempotencyStore", r.idempotency().store() == null ? "not needed" : r.idempotency().store());
        v.put("idempotencyTtl", orDash(r.idempotency().ttlHours(), " h"));
        v.put("consumers", String.valueOf(r.sizing().consumers()));
        v.put("partitions", orDash(r.sizing().partitions(), ""));
        v.put("backpressure", r.backpressure());
        v.put("warnings", r.warnings());
        v.put("evidence", r.evidence());
        v.put("wouldChangeIf", r.wouldChangeIf());
        v.put("rules", r.rules());
        v.put("facts", r.facts().stream().map(Facts.registry()::get).toList());
        return v;
    }

    private static String orDash(Integer value, String unit) {
        return value == null ? "does not apply" : value + unit;
    }
}
