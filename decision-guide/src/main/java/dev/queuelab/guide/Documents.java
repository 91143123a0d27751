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
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private Documents() {}

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

    /** The ADR's number and the one it replaces, both optional. */
    public record Numbering(Integer number, Integer supersedes) {
        static final Numbering NONE = new Numbering(null, null);
    }

    public static String markdown(Answers a, Recommendation r, LocalDate date) {
        return markdown(a, r, date, Numbering.NONE);
    }

    public static String markdown(Answers a, Recommendation r, LocalDate date, Numbering numbering) {
        return Templates.render("adr.md", view(a, r, date, numbering));
    }

    static Map<String, Object> view(Answers a, Recommendation r, LocalDate date, Numbering numbering) {
        Answers.Context c = a.context();
        Map<String, Object> v = new HashMap<>();
        v.put("status", "proposed");
        v.put("date", date.toString());
        boolean call = r.topology() == Topology.NONE;
        v.put(
                "decisionMakers",
                call ? "the team that owns the callers" : "the team that owns the producers and consumers");
        v.put("consulted", call ? "the team that runs the called service" : "operations (who run the chosen product)");
        v.put("informed", call ? "the teams that call the service" : "the teams that subscribe to these messages");
        v.put(
                "supersedes",
                numbering.supersedes() == null
                        ? List.of()
                        : List.of(String.format("ADR-%04d", numbering.supersedes())));
        v.put("numberPrefix", numbering.number() == null ? "" : String.format("ADR-%04d: ", numbering.number()));
        v.put(
                "title",
                call
                        ? "Call the service directly, without a queue, "
                                + (c.feature().isEmpty() ? "" : "for " + c.feature() + " ")
                                + "at " + Numbers.plain(c.throughputPerSecond())
                                + " requests/s"
                        : "Use " + PubSubWords.phrase(r.product(), r.topology()) + " ("
                                + r.product().brand() + ") for "
                                + (!c.feature().isEmpty()
                                        ? c.feature()
                                        : a.broadcast() ? "broadcasting events" : "distributing work")
                                + " at "
                                + Numbers.peak(c.throughputPerSecond()));
        String effects =
                c.sideEffects() == Answers.SideEffects.EXTERNAL ? " (emails, payments, third-party calls)" : "";
        v.put(
                "problem",
                call
                        // a caller that waits has no producers, consumers or messages: the question is the call
                        ? "Callers need the service's result before they go on, at a peak of "
                                + Numbers.plain(c.throughputPerSecond()) + " requests/s, with a p99 of "
                                + Numbers.plain(c.p99ProcessingSeconds()) + " s and a worst case of "
                                + a.failure().maxProcessingSeconds() + " s; the call's effects are "
                                + c.sideEffects().word() + effects + ", and a failed call is tried up to "
                                + a.failure().maxAttempts()
                                + " times. Should the call go through a queue, and how are its timeouts, retries and"
                                + " repeated effects handled?"
                        : (c.feature().isEmpty() ? "We" : "For " + c.feature() + ", we")
                                + " need to move messages from producers to "
                                + (a.broadcast()
                                        ? c.subscribers()
                                                + " independent subscriber(s), each of which needs every message"
                                        : "competing consumers, each message to one of them")
                                + ", at a peak of " + Numbers.plain(c.throughputPerSecond())
                                + " msg/s of about " + Numbers.plain(c.payloadKb())
                                + " KiB, with a p99 processing time of "
                                + Numbers.plain(c.p99ProcessingSeconds()) + " s and a worst case of "
                                + a.failure().maxProcessingSeconds()
                                + " s. Which topology and product should carry them, with which delivery semantic, and"
                                + " how do we handle failure?");
        v.put(
                "drivers",
                call
                        ? List.of(
                                "the caller needs the result now (sync)",
                                "side effects are " + c.sideEffects().word() + effects,
                                "a failed call is tried up to " + a.failure().maxAttempts() + " times",
                                "platform: " + c.platform().word() + "; appetite for operations: "
                                        + c.opsAppetite().word())
                        : List.of(
                                "the caller does not wait for the result (async)",
                                "replay of past messages " + (a.replay() ? "is needed" : "is not needed"),
                                "ordering: " + a.ordering().word(),
                                "delivery semantic asked for: " + a.semantic().word(),
                                "the producer "
                                        + (a.producer() == Answers.Producer.DB_THEN_PUBLISH
                                                ? "writes its database, then publishes"
                                                : "only publishes"),
                                "side effects are " + c.sideEffects().word() + effects,
                                "consumers run as a "
                                        + (c.consumerRuntime() == Answers.Runtime.FUNCTION
                                                ? "serverless function"
                                                : "long-running service"),
                                "platform: " + c.platform().word() + "; appetite for operations: "
                                        + c.opsAppetite().word(),
                                "retention: "
                                        + (c.retentionDays() == 0 ? "until consumed" : c.retentionDays() + " days"),
                                "poison messages "
                                        + (a.failure().poisonExpected() ? "are expected" : "are not expected")
                                        + "; up to " + a.failure().maxAttempts() + " attempts"));
        List<Map<String, Object>> options = new ArrayList<>();
        for (Options.Option generic : Options.consideredFor(r.topology())) {
            Options.Option o =
                    generic.in(generic.topology() == r.topology() ? r.product().vocabulary() : Options.GENERIC);
            Map<String, Object> m = new HashMap<>();
            // only the chosen option is in the product's words; the others stay generic
            Product words = o.topology() == r.topology() ? r.product() : Product.DIRECT_CALL;
            m.put("name", PubSubWords.of(words, o.name()));
            m.put("chosen", o.topology() == r.topology());
            m.put("summary", PubSubWords.of(words, o.summary()));
            m.put(
                    "pros",
                    PubSubWords.of(
                            words,
                            o.topology() == r.topology() && a.ordering() == Answers.Ordering.GLOBAL
                                    ? Options.globalOrder(o.pros(), r.product().vocabulary())
                                    : o.pros()));
            m.put("cons", PubSubWords.of(words, o.cons()));
            options.add(m);
        }
        v.put("options", options);
        v.put("chosen", options.get(0));
        List<Map<String, Object>> products = new ArrayList<>();
        for (Product p : java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(r.product()), r.alternatives().stream())
                .toList()) {
            Map<String, Object> m = new HashMap<>();
            m.put("label", p == r.product() ? r.tool() : p.label());
            m.put("chosen", p == r.product());
            m.put("summary", ProductSummary.of(p));
            products.add(m);
        }
        v.put("products", products);
        v.put("tool", r.tool());
        v.put("productName", r.product().brand());
        v.put(
                "because",
                r.rules().stream().map(x -> x.reasoningFor(r.product())).toList());
        v.put("verdict", r.feasibility().verdict().word());
        v.put(
                "verdictLine",
                r.feasibility().feasible()
                        ? "Every check below passes (or names the setting that handles it)."
                        : "As answered, this cannot work: "
                                + r.feasibility().checks().stream()
                                        .filter(x -> x.status() == Feasibility.Status.FAIL)
                                        .map(Feasibility.Check::detail)
                                        .reduce((x, y) -> x + "; " + y)
                                        .orElse("")
                                + ".");
        v.put("nearest", r.feasibility().nearest());
        v.put(
                "rejectedIntro",
                r.rejected().isEmpty()
                        ? List.of()
                        : List.of(
                                r.feasibility().feasible()
                                        ? "This record is written for the nearest design that passes. The design the answers"
                                                + " chose first, and any tried after it, cannot work, by this arithmetic:"
                                        : "Every alternative was tried as well, and none passes:"));
        v.put(
                "rejected",
                r.rejected().stream()
                        .map(x -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put("product", x.product().label());
                            m.put("topology", x.topology().phrase());
                            m.put(
                                    "failed",
                                    x.failed().stream()
                                            .map(k -> {
                                                Map<String, Object> f = new HashMap<>();
                                                f.put("id", k.id());
                                                f.put("detail", k.detail());
                                                f.put("fix", k.fix() == null ? "" : k.fix());
                                                return f;
                                            })
                                            .toList());
                            return m;
                        })
                        .toList());
        v.put("topologyDiagram", Diagrams.topology(r.topology(), r.product(), r.tool()));
        v.put("pathDiagram", Diagrams.path(r.path(), r.topology()));
        v.putAll(design(a, r));
        v.put("wayOut", wayOut(r));
        v.put("costModel", CostModel.of(r) + CostModel.monthly(r, a));
        v.put("multiRegion", CostModel.multiRegion(r));
        v.put("security", CostModel.security(r));
        v.put("backpressure", r.backpressure());
        v.put("warnings", r.warnings());
        v.put("evidence", r.evidence());
        v.put("wouldChangeIf", r.wouldChangeIf());
        v.put(
                "rules",
                r.rules().stream()
                        .map(x -> Map.of(
                                "id",
                                x.id(),
                                "reasoning",
                                x.reasoningFor(r.product()),
                                "source",
                                x.sourceFor(r.product())))
                        .toList());
        v.put("facts", r.facts().stream().map(Facts.registry()::get).toList());
        return v;
    }

    /**
     * A queue's consumers as instances of concurrent handlers: Little's law gives the messages in flight, which a
     * few instances of many handlers each carry, never fewer instances than failover needs.
     */
    private static String queueConsumers(Answers a, Recommendation r) {
        int inFlight = r.sizing().consumersNeeded();
        if (a.context().consumerRuntime() == Answers.Runtime.FUNCTION) {
            return Numbers.plain(inFlight) + " concurrent function executions (messages in flight)";
        }
        double perInstance = Facts.registry().get("guide.consumer-concurrency").number("max-in-flight");
        int asked = a.context().minConsumerInstances();
        double floor =
                asked > 0 ? asked : Facts.registry().get("guide.failover").number("min-instances");
        double instances = Math.max(floor, Math.ceil(inFlight / perInstance));
        return Numbers.plain(instances) + " instances, " + Numbers.plain(Math.ceil(inFlight / instances))
                + " handlers each (" + Numbers.plain(inFlight) + " messages in flight; at least "
                + Numbers.plain(floor)
                + (asked > 0 ? " instances for failover, as asked)" : " instances for failover, guide.failover)");
    }

    /**
     * A design's settings, sizing and checks, as the record's tables show them: the chosen design's, and the way
     * out's where a requirement must change.
     */
    static Map<String, Object> design(Answers a, Recommendation r) {
        Answers.Context c = a.context();
        Map<String, Object> v = new HashMap<>();
        v.put("semantic", r.semantic().word());
        v.put("ordering", r.ordering());
        v.put(
                "settings",
                r.settings().stream()
                        .map(x -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put("name", x.name());
                            m.put("value", x.value());
                            m.put(
                                    "range",
                                    x.range() == null
                                            ? List.of()
                                            : List.of(x.range() + (x.unit().isEmpty() ? "" : " " + x.unit())));
                            return m;
                        })
                        .toList());
        v.put("alarms", String.join("; ", r.failure().alarms()));
        v.put("alarmList", r.failure().alarms());
        v.put(
                "idempotencyKey",
                r.idempotency().key() == null ? "not needed" : r.idempotency().key());
        v.put(
                "idempotencyStore",
                r.idempotency().store() == null ? "not needed" : r.idempotency().store());
        v.put(
                "consumers",
                r.topology() == Topology.NONE
                        ? "none: the callee serves about "
                                + Numbers.plain(r.sizing().consumersNeeded()) + " requests at once"
                        : r.sizing().partitions() == null
                                ? queueConsumers(a, r)
                                : Numbers.plain(r.sizing().consumers())
                                        + (r.sizing().partitions() != null
                                                        && r.sizing().partitions() > 1
                                                        && r.sizing().consumers()
                                                                < r.sizing().consumersNeeded()
                                                ? (r.sizing().consumers() == 1 ? " instance, " : " instances, ")
                                                        + Numbers.plain(Math.ceil((double) r.sizing()
                                                                        .consumersNeeded()
                                                                / r.sizing().consumers()))
                                                        + " messages in flight each (Little's law asks "
                                                        + Numbers.plain(
                                                                r.sizing().consumersNeeded()) + " in flight)"
                                                : ""));
        if (a.broadcast() && r.topology() != Topology.EPHEMERAL_PUB_SUB && r.topology() != Topology.NONE) {
            // every subscriber reads every message, so each needs consumers of its own
            v.put("consumers", "per subscriber, for each of the " + c.subscribers() + ": " + v.get("consumers"));
        }
        v.put(
                "partitions",
                r.sizing().partitions() == null
                        ? "does not apply"
                        : Numbers.plain(r.sizing().partitions()));
        v.put("sizingFormula", r.sizing().formula());
        v.put("exactlyOnce", r.exactlyOnce() == null ? List.of() : List.of(r.exactlyOnce()));
        v.put("producerSide", r.producerSide() == null ? List.of() : List.of(r.producerSide()));
        v.put(
                "checks",
                r.feasibility().checks().stream()
                        .map(x -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put("id", x.id());
                            m.put("status", x.status().name().toLowerCase());
                            m.put("detail", x.detail());
                            m.put("fix", x.fix() == null ? "" : x.fix());
                            return m;
                        })
                        .toList());
        v.put("productName", r.product().brand());
        v.put("backpressure", r.backpressure());
        return v;
    }

    /** The nearest design that passes once a requirement changes, with its own tables; none where there is none. */
    private static List<Map<String, Object>> wayOut(Recommendation r) {
        Recommendation.WayOut w = r.wayOut();
        if (w == null) {
            return List.of();
        }
        Map<String, Object> m = design(w.answers(), w.design());
        m.put("requirement", w.requirement());
        m.put("asked", w.asked());
        m.put("changed", w.changed());
        m.put(
                "title",
                w.design().topology().phrase() + " (" + w.design().product().label() + ")");
        return List.of(m);
    }
}
