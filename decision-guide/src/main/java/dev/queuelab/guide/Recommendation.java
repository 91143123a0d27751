package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Semantic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guide recommends, and why: the model behind both the JSON contract and the ADR.
 *
 * @param topology      the shape of the design
 * @param product       the primary product, whose profile bounds every setting
 * @param alternatives  other products weighed against it
 * @param semantic      the delivery semantic to build for
 * @param ordering      the ordering answered, as the design provides it
 * @param failure       failure handling, in numbers
 * @param settings      every setting in the product's own words, numeric ones with the range they must keep
 * @param idempotency   the consumer's (or callee's) dedupe, where retries can repeat an effect
 * @param exactlyOnce   what the product offers for exactly-once and what it does not cover; null if not asked
 * @param producerSide  how the producer publishes safely; null when it only publishes
 * @param sizing        consumers, partitions, bandwidth and storage
 * @param feasibility   the verdict and the checks behind it
 * @param backpressure  what happens when consumers fall behind
 * @param warnings      contradictions between answers, and risks
 * @param wouldChangeIf the answers that would change the topology, and to what
 * @param evidence      claims with the queuelab check and reference class that demonstrate them
 * @param rules         the rules that fired, in their table's order
 * @param facts         the ids of the facts cited
 * @param path          the answers that led to the topology, for the diagram
 * @param rejected      designs tried first that cannot work, with their failing checks (empty when the first
 *                      design passes)
 */
public record Recommendation(
        Topology topology,
        Product product,
        List<Product> alternatives,
        Semantic semantic,
        String ordering,
        Failure failure,
        List<Setting> settings,
        Idempotency idempotency,
        String exactlyOnce,
        String producerSide,
        Sizing sizing,
        Feasibility feasibility,
        String backpressure,
        List<Warning> warnings,
        List<String> wouldChangeIf,
        List<Evidence> evidence,
        List<Rules.Rule> rules,
        List<String> facts,
        List<String> path,
        List<Rejected> rejected,
        WayOut wayOut) {

    /**
     * Where no product passes as answered, the nearest design that passes once one requirement changes: which one,
     * from what to what, and the design with its settings, sizing and checks. Null where none was found or needed.
     *
     * @param requirement the answer that changes, as the answers file names it ("ordering")
     * @param answers     the answers with that change, which {@code design} was built from
     */
    public record WayOut(String requirement, String asked, String changed, Answers answers, Recommendation design) {}

    /**
     * A design tried and found not to work, with the arithmetic that says so: the record is written for the
     * nearest design that passes, and keeps these beside it.
     *
     * @param product  the product the design was built on
     * @param topology its topology
     * @param failed   its failing checks
     */
    public record Rejected(Product product, Topology topology, List<Feasibility.Check> failed) {
        static Rejected of(Recommendation r) {
            return new Rejected(
                    r.product(),
                    r.topology(),
                    r.feasibility().checks().stream()
                            .filter(c -> c.status() == Feasibility.Status.FAIL)
                            .toList());
        }
    }

    /** The same record with the designs tried before it. */
    Recommendation withRejected(List<Rejected> tried) {
        return new Recommendation(
                topology,
                product,
                alternatives,
                semantic,
                ordering,
                failure,
                settings,
                idempotency,
                exactlyOnce,
                producerSide,
                sizing,
                feasibility,
                backpressure,
                warnings,
                wouldChangeIf,
                evidence,
                rules,
                facts,
                path,
                List.copyOf(tried),
                wayOut);
    }

    /** The same record with the way out that changes a requirement. */
    Recommendation withWayOut(WayOut way) {
        return new Recommendation(
                topology,
                product,
                alternatives,
                semantic,
                ordering,
                failure,
                settings,
                idempotency,
                exactlyOnce,
                producerSide,
                sizing,
                feasibility,
                backpressure,
                warnings,
                wouldChangeIf,
                evidence,
                rules,
                facts,
                path,
                rejected,
                way);
    }

    /** Null numbers mean "does not apply to this product". */
    public record Failure(Integer leaseSeconds, Integer maxDeliveries, String deadLetter, List<String> alarms) {}

    /**
     * A setting as the product names it. {@code number} and {@code range} are set for numeric settings, and
     * the number always lies in the range (the guide's invariant); {@code fact} is where the range comes from.
     */
    public record Setting(String name, String value, Double number, Profile.Range range, String unit, String fact) {}

    public record Idempotency(String key, String store, Integer ttlHours) {}

    /**
     * @param consumersNeeded by Little's law with headroom: rate x p99 x headroom
     * @param consumers       what the design runs: never more than its partitions
     * @param partitions      lanes of a log or ordered product; null for an unordered queue
     * @param inFlightPerPartition records one partition has in flight at once (a partition is read in order, so
     *                        more than one means a key-parallel consumer); null where there are no partitions
     * @param throughputUnits capacity bought ahead for the whole namespace (Event Hubs' throughput units, for
     *                        ingress and egress alike); null where the product sells no such unit
     * @param formula         how the numbers were reached, in words
     */
    public record Sizing(
            int consumersNeeded,
            int consumers,
            Integer partitions,
            Integer inFlightPerPartition,
            Integer throughputUnits,
            double bytesPerSecond,
            double egressBytesPerSecond,
            double storageBytes,
            String formula) {}

    public record Warning(String id, String message) {}

    /**
     * A claim with what shows it: the queuelab check and reference class, and the {@code queuelab simulate}
     * scenarios that draw it step by step (comma-separated names, or null where no scenario shows it).
     */
    public record Evidence(String claim, String check, String reference, String simulate) {

        Evidence(String claim, String check, String reference) {
            this(claim, check, reference, null);
        }

        /** The scenarios as the record's words: "; watch it step by step: `queuelab simulate x`", or "". */
        public String watch() {
            List<String> c = commands();
            return c.isEmpty()
                    ? ""
                    : "; watch it step by step: "
                            + String.join(
                                    ", ", c.stream().map(x -> "`" + x + "`").toList());
        }

        /** The scenarios as commands a reader can run. */
        public List<String> commands() {
            return simulate == null
                    ? List.of()
                    : java.util.Arrays.stream(simulate.split(",\\s*"))
                            .map(n -> "queuelab simulate " + n)
                            .toList();
        }
    }

    /** A whole number as a JSON integer (300000, not 300000.0), any other as it is. */
    private static Number number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }

    private static Map<String, Object> range(Profile.Range r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", r.min() == null ? null : number(r.min()));
        m.put("max", r.max() == null ? null : number(r.max()));
        return m;
    }

    /**
     * The product as this record builds it: a Pub/Sub subscription that pushes to a function (its trigger) is
     * labelled a push subscription, so no line of the record calls it pull while its settings say push.
     */
    public String tool() {
        boolean push = settings.stream()
                .anyMatch(x -> x.name().equals(PubSubRules.SUBSCRIPTION_TYPE)
                        && x.value().startsWith("push"));
        return push ? product.label().replace("(pull subscription)", "(push subscription)") : product.label();
    }

    /** The stable JSON contract: kebab-case keys, in this order. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("topology", topology.word());
        m.put("product", product.name().toLowerCase().replace('_', '-'));
        m.put("tool", tool());
        m.put("alternatives", alternatives.stream().map(Product::label).toList());
        m.put("verdict", feasibility.verdict().word());
        m.put("semantic", semantic.word());
        m.put("ordering", ordering);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("lease-seconds", failure.leaseSeconds());
        f.put("max-deliveries", failure.maxDeliveries());
        f.put("dead-letter", failure.deadLetter());
        f.put("alarms", failure.alarms());
        m.put("failure", f);
        m.put(
                "settings",
                settings.stream()
                        .map(x -> {
                            Map<String, Object> s = new LinkedHashMap<>();
                            s.put("name", x.name());
                            // a numeric setting's value is a JSON number, its words go in "text"
                            s.put("value", x.number() != null ? number(x.number()) : x.value());
                            s.put("text", x.value());
                            s.put("range", x.range() == null ? null : range(x.range()));
                            s.put("unit", x.unit());
                            s.put("fact", x.fact());
                            return s;
                        })
                        .toList());
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("key", idempotency.key());
        i.put("store", idempotency.store());
        i.put("ttl-hours", idempotency.ttlHours());
        m.put("idempotency", i);
        m.put("exactly-once", exactlyOnce);
        m.put("producer", producerSide);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("consumers-needed", sizing.consumersNeeded());
        s.put("consumers", sizing.consumers());
        s.put("partitions", sizing.partitions());
        s.put("in-flight-per-partition", sizing.inFlightPerPartition());
        s.put("throughput-units", sizing.throughputUnits());
        s.put("bytes-per-second", Math.round(sizing.bytesPerSecond()));
        s.put("egress-bytes-per-second", Math.round(sizing.egressBytesPerSecond()));
        s.put("storage-bytes", Math.round(sizing.storageBytes()));
        s.put("formula", sizing.formula());
        m.put("sizing", s);
        Map<String, Object> fe = new LinkedHashMap<>();
        fe.put("verdict", feasibility.verdict().word());
        fe.put(
                "checks",
                feasibility.checks().stream()
                        .map(c -> {
                            Map<String, Object> check = new LinkedHashMap<>();
                            check.put("id", c.id());
                            check.put("status", c.status().name().toLowerCase());
                            check.put("detail", c.detail());
                            check.put("fix", c.fix());
                            return check;
                        })
                        .toList());
        fe.put("nearest", feasibility.nearest());
        m.put("feasibility", fe);
        m.put(
                "rejected",
                rejected.stream()
                        .map(x -> {
                            Map<String, Object> t = new LinkedHashMap<>();
                            t.put("product", x.product().name().toLowerCase().replace('_', '-'));
                            t.put("topology", x.topology().word());
                            t.put(
                                    "failed",
                                    x.failed().stream()
                                            .map(c -> {
                                                Map<String, Object> check = new LinkedHashMap<>();
                                                check.put("id", c.id());
                                                check.put("detail", c.detail());
                                                check.put("fix", c.fix());
                                                return check;
                                            })
                                            .toList());
                            return t;
                        })
                        .toList());
        if (wayOut != null) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("requirement", wayOut.requirement());
            w.put("asked", wayOut.asked());
            w.put("changed", wayOut.changed());
            w.put("design", wayOut.design().toJson());
            m.put("way-out", w);
        }
        m.put("backpressure", backpressure);
        m.put(
                "warnings",
                warnings.stream()
                        .map(w -> {
                            Map<String, Object> warning =
                                    new LinkedHashMap<>(); // Map.of would change key order between runs
                            warning.put("id", w.id());
                            warning.put("message", w.message());
                            return warning;
                        })
                        .toList());
        m.put("would-change-if", wouldChangeIf);
        m.put(
                "evidence",
                evidence.stream()
                        .map(e -> {
                            Map<String, Object> ev = new LinkedHashMap<>();
                            ev.put("claim", e.claim());
                            ev.put("check", e.check());
                            ev.put("reference", e.reference());
                            ev.put("simulate", e.commands());
                            return ev;
                        })
                        .toList());
        m.put("rules", rules.stream().map(Rules.Rule::id).toList());
        m.put("facts", facts);
        return m;
    }
}
