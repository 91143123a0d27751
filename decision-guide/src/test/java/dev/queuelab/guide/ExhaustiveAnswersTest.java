package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.implementations.Implementations;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every combination of the six answers (with every platform and runtime), then randomized contexts from tiny
 * to huge: each record renders with no missing key, never contradicts an answer, keeps every numeric setting
 * inside the chosen product's range, and cites only checks and facts that exist. Each property is asserted
 * on each record, so one bad record fails the test with its answers in the message.
 */
class ExhaustiveAnswersTest {

    static final long SEED = Long.getLong("queuelab.seed", 20261127L);

    @Test
    void shouldNeverContradictAnAnswerWhenEveryCombinationIsRendered() {
        for (String sync : List.of("sync", "async")) {
            for (String shape : List.of("distribute", "broadcast")) {
                for (String replay : List.of("true", "false")) {
                    for (String ordering : List.of("none", "per-key", "global")) {
                        for (String semantic : List.of("at-most-once", "at-least-once", "exactly-once")) {
                            for (String platform : List.of("aws", "gcp", "azure", "self-hosted", "any")) {
                                for (String runtime : List.of("service", "function")) {
                                    check(
                                            TestAnswers.with(
                                                    "sync",
                                                    sync,
                                                    "shape",
                                                    shape,
                                                    "replay",
                                                    replay,
                                                    "ordering",
                                                    ordering,
                                                    "semantic",
                                                    semantic,
                                                    "platform",
                                                    platform,
                                                    "consumer-runtime",
                                                    runtime),
                                            "");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldKeepEverySettingInItsProductsRangeWhenContextsAreRandom() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 3000; trial++) {
            Answers a = TestAnswers.with(
                    "sync",
                    pick(random, "sync", "async", "async", "async"),
                    "shape",
                    pick(random, "distribute", "broadcast"),
                    "replay",
                    pick(random, "true", "false"),
                    "ordering",
                    pick(random, "none", "per-key", "global"),
                    "semantic",
                    pick(random, "at-most-once", "at-least-once", "exactly-once"),
                    "platform",
                    pick(random, "aws", "gcp", "azure", "self-hosted", "any"),
                    "consumer-runtime",
                    pick(random, "service", "function"),
                    "producer",
                    pick(random, "publish-only", "db-then-publish"),
                    "side-effects",
                    pick(random, "internal", "external"),
                    "ops-appetite",
                    pick(random, "low", "high"),
                    "throughput-per-second",
                    String.valueOf(logUniform(random, 100_000_000)),
                    "payload-kb",
                    String.valueOf(Math.max(0.001, logUniform(random, 1_048_576) / 7.0)),
                    "p99-processing-seconds",
                    String.valueOf(logUniform(random, 86_400) / 10.0),
                    "failure.max-processing-seconds",
                    String.valueOf(Math.max(1, logUniform(random, 86_400))),
                    "failure.max-attempts",
                    String.valueOf(Math.max(1, logUniform(random, 1000))),
                    "subscribers",
                    String.valueOf(Math.max(1, logUniform(random, 10_000))),
                    "retention-days",
                    String.valueOf(logUniform(random, 3650)));
            check(a, "seed " + SEED + " trial " + trial + " (rerun with -Dqueuelab.seed=" + SEED + "): ");
        }
    }

    private static String pick(SplittableRandom r, String... words) {
        return words[r.nextInt(words.length)];
    }

    /** Spreads values over every order of magnitude, so tiny and huge contexts are both common. */
    private static long logUniform(SplittableRandom r, long max) {
        return Math.min(
                max,
                (long) Math.floor(Math.pow(10, r.nextDouble() * Math.log10(max + 1.0))) - (r.nextBoolean() ? 1 : 0));
    }

    private static void check(Answers a, String prefix) {
        Recommendation r = RuleEngine.recommend(a);
        String what = prefix + a + " -> " + r.topology() + " on " + r.product();
        assertThat(Documents.markdown(a, r, LocalDate.of(2026, 1, 1)))
                .as(what)
                .doesNotContain("{{")
                .contains("## Decision Outcome")
                .contains("**Verdict: " + r.feasibility().verdict().word() + ".**");
        assertThat(Documents.json(r))
                .as(what)
                .contains("\"topology\" : \"" + r.topology().word() + "\"");
        for (Recommendation.Setting s : r.settings()) {
            if (s.number() != null && s.range() != null) {
                assertThat(s.range().contains(s.number()))
                        .as("%s: %s = %s leaves its range %s (%s)", what, s.name(), s.value(), s.range(), s.fact())
                        .isTrue();
            }
        }
        // no check line is "ok" without the limit it was held to: a utilisation, or the ceiling it is against
        r.feasibility().checks().stream()
                .filter(x -> x.status() == Feasibility.Status.OK)
                .forEach(x -> assertThat(x.detail())
                        .as("%s: ok check %s names its limit", what, x.id())
                        .containsAnyOf("% used", "against", " of ", "at most"));
        // the record's attempts are the answers', or a warning says why not
        if (r.failure().maxDeliveries() != null
                && r.failure().maxDeliveries() != a.failure().maxAttempts()) {
            assertThat(r.warnings())
                    .as(
                            "%s: %s deliveries set, %s attempts asked",
                            what, r.failure().maxDeliveries(), a.failure().maxAttempts())
                    .extracting(Recommendation.Warning::id)
                    .contains("attempts-changed");
        }
        Profile p = r.product().profile();
        if (r.failure().leaseSeconds() != null) {
            assertThat(p.leaseSeconds().contains(r.failure().leaseSeconds()))
                    .as("lease in range: " + what)
                    .isTrue();
        }
        if (r.failure().maxDeliveries() != null) {
            assertThat(p.attempts().contains(r.failure().maxDeliveries()))
                    .as("deliveries in range: " + what)
                    .isTrue();
        }
        if (r.sizing().partitions() != null) {
            assertThat(r.sizing().consumers())
                    .as("consumers never exceed partitions: " + what)
                    .isLessThanOrEqualTo(r.sizing().partitions());
        }
        if (r.sizing().partitions() != null
                && r.sizing().inFlightPerPartition() != null
                && r.feasibility().feasible()
                && a.context().p99ProcessingSeconds() > 0) {
            // a partition is consumed in order: it carries (records in flight on it) / p99, never more
            assertThat(r.sizing().partitions()
                            * (double) r.sizing().inFlightPerPartition()
                            / a.context().p99ProcessingSeconds())
                    .as("an ordered design is feasible only if partitions x in-flight / p99 covers the rate: " + what)
                    .isGreaterThanOrEqualTo(a.context().throughputPerSecond());
            if (r.sizing().inFlightPerPartition() > 1) {
                assertThat(r.settings())
                        .as("more than one record in flight per partition is a design the record states: " + what)
                        .anyMatch(x -> x.name().startsWith("records in flight per")
                                || x.name().startsWith("ParallelizationFactor"));
            }
        }
        assertThat(r.alternatives())
                .as("no product twice: " + what)
                .doesNotHaveDuplicates()
                .doesNotContain(r.product());
        if (r.product() != Product.SQS_STANDARD
                && r.product() != Product.SQS_FIFO
                && !r.product().sns()
                && r.product() != Product.EVENTBRIDGE) {
            assertThat(r.settings())
                    .extracting(Recommendation.Setting::name)
                    .as("SQS words on " + what)
                    .noneMatch(n -> n.contains("visibility timeout")
                            || n.contains("maxReceiveCount")
                            || n.contains("MessageGroupId"));
        }
        if (!r.feasibility().feasible()) {
            assertThat(r.feasibility().nearest())
                    .as("an infeasible record names the nearest design: " + what)
                    .isNotEmpty();
        }
        if (!a.async()) {
            assertThat(r.topology()).as(what).isEqualTo(Topology.NONE);
            return;
        }
        if (a.replay()) {
            assertThat(r.topology()).as("replay needs a log: " + what).isEqualTo(Topology.PARTITIONED_LOG);
        }
        if (a.broadcast()) {
            assertThat(r.topology())
                    .as(what)
                    .isIn(Topology.PUB_SUB_FANOUT, Topology.EPHEMERAL_PUB_SUB, Topology.PARTITIONED_LOG);
        } else {
            assertThat(r.topology()).as(what).isNotIn(Topology.PUB_SUB_FANOUT, Topology.EPHEMERAL_PUB_SUB);
        }
        if (a.ordered() && !a.broadcast()) {
            assertThat(r.topology())
                    .as("ordering needs groups or partitions: " + what)
                    .isIn(Topology.FIFO_WORK_QUEUE, Topology.PARTITIONED_LOG);
        }
        if (a.semantic() != Answers.Semantic.AT_MOST_ONCE) {
            assertThat(r.topology())
                    .as("ephemeral pub/sub loses messages: " + what)
                    .isNotEqualTo(Topology.EPHEMERAL_PUB_SUB);
        }
        if (r.semantic() == Answers.Semantic.AT_LEAST_ONCE) {
            assertThat(r.idempotency().key())
                    .as("at-least-once needs an idempotent consumer: " + what)
                    .isNotNull();
        }
        if (r.semantic() == Answers.Semantic.EXACTLY_ONCE) {
            assertThat(r.product().transactional())
                    .as("exactly-once only where transactions exist: " + what)
                    .isTrue();
        }
        if (a.semantic() == Answers.Semantic.EXACTLY_ONCE) {
            assertThat(r.exactlyOnce())
                    .as("exactly-once is never left unqualified: " + what)
                    .contains("does not cover");
        }
        if (a.producer() == Answers.Producer.DB_THEN_PUBLISH) {
            assertThat(r.producerSide())
                    .as("a dual write needs an outbox: " + what)
                    .contains("outbox");
        }
        if (a.ordering() == Answers.Ordering.GLOBAL
                && a.context().throughputPerSecond() * a.context().p99ProcessingSeconds() > 1) {
            assertThat(r.feasibility().verdict())
                    .as("one lane cannot carry more than 1 / p99: " + what)
                    .isEqualTo(Feasibility.Verdict.INFEASIBLE);
        }
        for (Recommendation.Evidence e : r.evidence()) {
            if (e.check() != null) {
                String topology = e.check().substring(0, Math.max(0, e.check().indexOf('/')));
                assertThat(Implementations.TOPOLOGIES.stream()
                                .anyMatch(t -> t.topology().equals(topology)
                                        && t.binding().property(e.check()).isPresent()))
                        .as("the check %s is a property of its topology", e.check())
                        .isTrue();
                assertThat(classExists(e.reference()))
                        .as("reference class %s", e.reference())
                        .isTrue();
            }
        }
        r.facts()
                .forEach(id -> assertThat(Facts.registry().get(id).source())
                        .as(id)
                        .matches(src -> src.startsWith("https://") || src.startsWith("docs/")));
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
