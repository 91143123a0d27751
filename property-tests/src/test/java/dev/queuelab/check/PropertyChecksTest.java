package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.queuelab.check.implementations.Implementations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit binding of every topology, written once: each property of each topology against the implementation
 * named by {@code -Dqueuelab.impl} when it is one of that topology's, and against the topology's reference
 * otherwise. {@code -Dqueuelab.property=work-queue/acks} narrows the run to one property (the replay commands
 * use it), {@code -Dqueuelab.topology=exchange} to one topology; {@code -Dqueuelab.seeds=1-20} runs every property once per seed of the range (CI runs the reference
 * so: a verdict must not depend on the seed). A failure prints its story once and names it in one line; a
 * property that does not apply is reported as skipped (aborted), never as passed.
 */
class PropertyChecksTest {

    @TestFactory
    Stream<DynamicNode> everyPropertyOfEveryTopology() {
        Settings settings = Settings.fromSystemProperties();
        Implementations.requireKnown(settings.impl());
        return perSeed(settings, PropertyChecksTest::topologies);
    }

    /**
     * The nodes for the settings' seed, or with {@code -Dqueuelab.seeds=1-20} ("1-20", "1,5,9") one container of
     * them per seed.
     */
    static Stream<DynamicNode> perSeed(
            Settings settings, java.util.function.Function<Settings, List<DynamicNode>> nodes) {
        String range = System.getProperty("queuelab.seeds", "").trim();
        if (range.isEmpty()) {
            return nodes.apply(settings).stream();
        }
        List<DynamicNode> seeds = new ArrayList<>();
        for (long seed : seeds(range)) {
            seeds.add(DynamicContainer.dynamicContainer("seed " + seed, nodes.apply(settings.withSeed(seed))));
        }
        return seeds.stream();
    }

    /** "1-20" or "1,5,9": the seeds named, at least one. */
    static List<Long> seeds(String range) {
        List<Long> seeds = new ArrayList<>();
        try {
            for (String part : range.split(",")) {
                String[] ends = part.trim().split("-");
                long from = Long.parseLong(ends[0].trim());
                long to = ends.length > 1 ? Long.parseLong(ends[1].trim()) : from;
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "queuelab.seeds is '" + range + "': give a range or a list, e.g. -Dqueuelab.seeds=1-20");
        }
        assertThat(seeds).as("queuelab.seeds '%s' names no seed", range).isNotEmpty();
        return seeds;
    }

    private static List<DynamicNode> topologies(Settings settings) {
        String only = System.getProperty("queuelab.property", "").trim();
        List<DynamicNode> topologies = new ArrayList<>();
        for (TopologyChecks<?, ?, ?, ?, ?> topology : selected()) {
            String impl = topology.implOrReference(settings.impl());
            List<DynamicTest> properties = topology.binding().properties().stream()
                    .filter(p -> only.isEmpty() || p.qualifiedName().equals(only))
                    .map(p -> DynamicTest.dynamicTest(
                            p.id() + " on " + impl,
                            () -> judge(topology.check(p, impl, ReplayCommand.MAVEN, settings))))
                    .toList();
            if (!properties.isEmpty()) {
                topologies.add(DynamicContainer.dynamicContainer(topology.topology(), properties));
            }
        }
        assertThat(topologies)
                .as("queuelab.property '%s' names no property of any topology", only)
                .isNotEmpty();
        return topologies;
    }

    /** The topologies to run: all, or the one {@code -Dqueuelab.topology} names. */
    static List<TopologyChecks<?, ?, ?, ?, ?>> selected() {
        String only = System.getProperty("queuelab.topology", "").trim();
        List<TopologyChecks<?, ?, ?, ?, ?>> out = Implementations.TOPOLOGIES.stream()
                .filter(t -> only.isEmpty() || t.topology().equals(only))
                .toList();
        assertThat(out)
                .as(
                        "queuelab.topology '%s' is not a topology: use one of %s",
                        only,
                        Implementations.TOPOLOGIES.stream()
                                .map(TopologyChecks::topology)
                                .toList())
                .isNotEmpty();
        return out;
    }

    /** Passed passes; skipped aborts (visible as skipped); failed prints its story once and fails in one line. */
    static void judge(CheckResult result) {
        if (result.skipped()) {
            throw new TestAbortedException(result.report());
        }
        if (result.failed()) {
            System.out.println(result.report());
            fail(
                    "%s: %s (the story is printed above)",
                    result.property(),
                    result.anomaly()
                            .map(a -> a.name() + " on '" + result.impl() + "'")
                            .orElse("coverage not reached on '" + result.impl() + "'"));
        }
        assertThat(result.passed()).as(result.report()).isTrue();
    }
}
