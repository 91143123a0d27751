package dev.queuelab.guide;

import dev.queuelab.guide.Answers.Ordering;
import dev.queuelab.guide.Answers.Semantic;
import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Recommendation.Failure;
import dev.queuelab.guide.Recommendation.Idempotency;
import dev.queuelab.guide.Recommendation.Setting;
import dev.queuelab.guide.Recommendation.Sizing;
import dev.queuelab.guide.Recommendation.Warning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns answers into a recommendation. The rules decide: the one deciding rule of {@link Rules} that holds on the
 * answers names the topology, {@link Tools} the product, {@link Rules#LOG_PRODUCT_BUILDS_A_LOG} reshapes it for
 * that product, and every rule that fires on the result is listed. The numbers are written by a {@link Design}
 * over the product's {@link ProductRules}. Where the design fails a check, the alternatives are tried before giving
 * up. Pure: the same answers always give the same recommendation.
 */
public final class RuleEngine {

    /** The questions in the order a deciding rule reads them, each as the decision path prints it. */
    private static final List<Function<Answers, String>> QUESTIONS = List.of(
            a -> "sync: " + a.sync().word(),
            a -> "shape: " + a.shape().word(),
            a -> "replay: " + a.replay(),
            a -> "ordering: " + a.ordering().word(),
            a -> "semantic: " + a.semantic().word());

    private RuleEngine() {}

    /**
     * The record for these answers: the design the questions choose, or where it cannot work, the first of the
     * products weighed against it (and, for a retention no queue keeps, the platform's logs) that passes every
     * check, with the failing designs' arithmetic kept beside it. Where none passes, the first design stays, with
     * every alternative tried listed.
     */
    public static Recommendation recommend(Answers a) {
        Recommendation r = asAnswered(a);
        if (r.feasibility().feasible() || r.topology() == Topology.NONE) {
            return r;
        }
        Recommendation.WayOut way = Requirements.wayOut(a, r);
        return way == null ? r : r.withWayOut(way);
    }

    /** The record for these answers as they stand, alternatives tried, no requirement changed. */
    static Recommendation asAnswered(Answers a) {
        Recommendation first = design(a, null, null);
        if (first.feasibility().feasible() || first.topology() == Topology.NONE) {
            return first;
        }
        List<Recommendation.Rejected> tried = new ArrayList<>();
        tried.add(Recommendation.Rejected.of(first));
        for (Product p : candidates(a, first)) {
            Recommendation r = design(a, p, first);
            if (r.feasibility().feasible()) {
                return r.withRejected(tried);
            }
            tried.add(Recommendation.Rejected.of(r));
        }
        return first.withRejected(tried.subList(1, tried.size()));
    }

    /** The design the answers choose, without trying alternatives when it fails: what its checks say of it. */
    static Recommendation asked(Answers a) {
        return design(a, null, null);
    }

    /** The products to try when the first design fails: those weighed against it, then the platform's logs. */
    private static List<Product> candidates(Answers a, Recommendation first) {
        Set<Product> out = new LinkedHashSet<>(first.alternatives());
        boolean retention = first.feasibility().checks().stream()
                .anyMatch(c -> c.status() == Feasibility.Status.FAIL && c.id().equals("retention-limit"));
        if (retention || first.topology() == Topology.PARTITIONED_LOG) {
            Tools.Choice logs = Tools.choose(Topology.PARTITIONED_LOG, a);
            out.add(logs.primary());
            out.addAll(logs.alternatives());
        }
        out.remove(first.product());
        out.remove(Product.DIRECT_CALL);
        // the nearest design stays where the team runs: the same cloud, or brokers of its own
        out.removeIf(p -> home(p) != home(first.product()));
        return List.copyOf(out);
    }

    /** Where a product runs: one of the three clouds, or on brokers the team runs itself. */
    private static String home(Product p) {
        return ProductRules.of(p).home(p);
    }

    /**
     * One design: the topology the questions choose, with the product the tools choose, or {@code forced}, tried
     * because {@code failed} (the first design) cannot work.
     */
    private static Recommendation design(Answers a, Product forced, Recommendation failed) {
        List<String> path = new ArrayList<>();
        Topology asked = topology(a, path);
        Tools.Choice chosen = Tools.choose(asked, a);
        Tools.Choice tool = forced == null
                ? chosen
                : new Tools.Choice(
                        forced,
                        java.util.stream.Stream.concat(
                                        java.util.stream.Stream.of(chosen.primary()), chosen.alternatives().stream())
                                .toList());
        Topology topology = shaped(asked, a, tool.primary());
        if (failed != null) {
            path.add("product: " + forced.brand() + ", since "
                    + failed.product().brand() + " fails "
                    + String.join(
                            ", ",
                            failed.feasibility().checks().stream()
                                    .filter(c -> c.status() == Feasibility.Status.FAIL)
                                    .map(Check::id)
                                    .toList()));
        } else if (topology != asked) {
            path.add("product: " + tool.primary().brand() + ", a log");
        }
        Situation s = new Situation(a, topology, tool.primary());
        List<Rules.Rule> fired = Rules.firing(s);
        Set<String> facts = new LinkedHashSet<>(s.product().profile().facts());
        // a fired rule's reasoning rests on the facts its source names: the record cites them too
        fired.forEach(r -> java.util.Arrays.stream(r.source().split("[ ,()]+"))
                .filter(Facts.registry().all()::containsKey)
                .filter(id -> cites(s, id))
                .forEach(facts::add));
        facts.addAll(CostModel.facts(s.product()));
        Design d = new Design(s, facts);
        Failure failure = d.failure();
        Idempotency idempotency = new Idempotence(d).idempotency(failure);
        Sizing sizing = d.sizing();
        Feasibility feasibility = Feasibility.of(d.checks(failure, idempotency, sizing));
        List<Warning> warnings = new ArrayList<>(Contradictions.find(s));
        if (!s.queued() && a.semantic() == Semantic.EXACTLY_ONCE) {
            warnings.add(new Warning(
                    "semantic-changed",
                    "exactly-once was asked; a direct call that is retried delivers at least once, so this record builds"
                            + " at-least-once with an idempotency key the callee stores with its result, which makes"
                            + " the effect happen once"));
        }
        RetryModel retry = d.retry(failure);
        List<Setting> settings = new ArrayList<>(d.settings(failure, idempotency));
        if (retry != null) {
            warnings.addAll(retry.warnings());
            settings.addAll(new DesignSettings(d).retrySettings(failure, retry));
        }
        Setting fairness = new DesignSettings(d).fairness();
        if (fairness != null) {
            settings.add(fairness);
        }
        warnings.forEach(w ->
                Contradictions.facts(w.id()).stream().filter(id -> cites(s, id)).forEach(facts::add));
        return new Recommendation(
                topology,
                s.product(),
                tool.alternatives(),
                s.semantic(),
                ordering(s),
                failure,
                List.copyOf(settings),
                idempotency,
                new Idempotence(d).exactlyOnce(),
                new Idempotence(d).producerSide(),
                sizing,
                feasibility,
                PubSubWords.of(
                        s.product(),
                        s.product()
                                .vocabulary()
                                .words(
                                        topology == Topology.EPHEMERAL_PUB_SUB
                                                ? Explanations.redisBackpressure(facts)
                                                : s.a().ordering() == Ordering.GLOBAL && s.queued()
                                                        ? "buffer behind the single {lane}: one message is in flight at a time, so more"
                                                                + " consumers do not drain it faster; alarm on the oldest"
                                                                + " message's age"
                                                        : Explanations.backpressure(topology))),
                List.copyOf(warnings),
                Explanations.wouldChangeIf(a, topology),
                Explanations.evidence(s, failure),
                fired,
                List.copyOf(facts),
                List.copyOf(path),
                List.of(),
                null);
    }

    /** A rule's source fact belongs in this record: the guide's own policy, or a fact about the chosen product. */
    private static boolean cites(Situation s, String factId) {
        String family = factId.substring(0, factId.indexOf('.'));
        if (factId.contains("lambda")) {
            return s.lambda();
        }
        return family.equals("guide") || s.product().families().contains(family);
    }

    /** The topology the deciding rule makes of these answers, with the questions it read added to the path. */
    static Topology topology(Answers a, List<String> path) {
        Rules.Rule rule = Rules.deciding(a);
        QUESTIONS.subList(0, rule.reads()).forEach(q -> path.add(q.apply(a)));
        return rule.decides().apply(a);
    }

    /** The topology as the product builds it: a log where {@link Rules#LOG_PRODUCT_BUILDS_A_LOG} holds. */
    static Topology shaped(Topology asked, Answers a, Product product) {
        Rules.Rule log = Rules.LOG_PRODUCT_BUILDS_A_LOG;
        return log.when().test(new Situation(a, asked, product)) ? log.decides().apply(a) : asked;
    }

    /** The topology the record ends with for these answers: the rules', shaped by the product they choose. */
    static Topology effective(Answers a) {
        Topology asked = topology(a, new ArrayList<>());
        return shaped(asked, a, Tools.choose(asked, a).primary());
    }

    private static String ordering(Situation s) {
        Answers a = s.a();
        if (!a.ordered() || !s.queued()) {
            return a.ordering().word();
        }
        String lane = s.product().vocabulary().lane();
        if (a.ordering() == Ordering.GLOBAL) {
            return "global: a single " + lane;
        }
        return s.product().hashesKeys()
                ? "per-key: each key hashed to one " + lane + ", one message of a key in flight at a time"
                : "per-key: one " + lane + " per key";
    }
}
