package dev.queuelab.guide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guide recommends, and why: the model behind both the JSON contract and the ADR.
 *
 * @param topology      one of {@link #TOPOLOGIES}
 * @param tool          the primary product
 * @param alternatives  other products that would serve
 * @param semantic      the delivery semantic to build for
 * @param ordering      the ordering answered, as the design provides it
 * @param failure       failure handling
 * @param idempotency   the consumer's dedupe, where the semantic needs one
 * @param sizing        consumers and partitions from Little's law and the facts
 * @param backpressure  what happens when consumers fall behind
 * @param warnings      contradictions between answers, and risks
 * @param wouldChangeIf the answers that would change the topology, and to what
 * @param evidence      claims with the queuelab check and reference class that demonstrate them
 * @param rules         the rules that fired, in order
 * @param facts         the ids of the facts cited
 * @param path          the answers that led to the topology, for the diagram
 */
public record Recommendation(String topology, String tool, List<String> alternatives, String semantic, String ordering,
                             Failure failure, Idempotency idempotency, Sizing sizing, String backpressure,
                             List<Warning> warnings, List<String> wouldChangeIf, List<Evidence> evidence,
                             List<Rules.Rule> rules, List<String> facts, List<String> path) {

    public static final List<String> TOPOLOGIES = List.of("none", "in-app-job-queue", "work-queue", "fifo-work-queue",
            "pub-sub-fanout", "ephemeral-pub-sub", "partitioned-log");

    /** Null numbers mean "does not apply to this topology". */
    public record Failure(Integer visibilityTimeoutSeconds, Integer maxReceiveCount, boolean deadLetterQueue,
                          List<String> alarms) {
    }

    public record Idempotency(String key, String store, Integer ttlHours) {
    }

    public record Sizing(int consumers, Integer partitions, long bytesPerSecond, String note) {
    }

    public record Warning(String id, String message) {
    }

    /** A claim of the rationale; {@code check} and {@code reference} are null where queuelab has none yet. */
    public record Evidence(String claim, String check, String reference) {
    }

    /** The stable JSON contract: kebab-case keys, in this order. */
    public Map<String, Object> toJson() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("visibility-timeout-seconds", failure.visibilityTimeoutSeconds());
        f.put("max-receive-count", failure.maxReceiveCount());
        f.put("dead-letter-queue", failure.deadLetterQueue());
        f.put("alarms", failure.alarms());
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("key", idempotency.key());
        i.put("store", idempotency.store());
        i.put("ttl-hours", idempotency.ttlHours());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("consumers", sizing.consumers());
        s.put("partitions", sizing.partitions());
        s.put("bytes-per-second", sizing.bytesPerSecond());
        s.put("note", sizing.note());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topology", topology);
        m.put("tool", tool);
        m.put("alternatives", alternatives);
        m.put("semantic", semantic);
        m.put("ordering", ordering);
        m.put("failure", f);
        m.put("idempotency", i);
        m.put("sizing", s);
        m.put("backpressure", backpressure);
        m.put("warnings", warnings.stream().map(w -> {
            Map<String, Object> warning = new LinkedHashMap<>();     // Map.of would change key order between runs
            warning.put("id", w.id());
            warning.put("message", w.message());
            return warning;
        }).toList());
        m.put("would-change-if", wouldChangeIf);
        m.put("evidence", evidence.stream().map(e -> {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("claim", e.claim());
            ev.put("check", e.check());
            ev.put("reference", e.reference());
            return ev;
        }).toList());
        m.put("rules", rules.stream().map(Rules.Rule::id).toList());
        m.put("facts", facts);
        return m;
    }
}
