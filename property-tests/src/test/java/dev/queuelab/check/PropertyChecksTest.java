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
 * use it). A failure prints its story once and names it in one line; a property that does not apply is
 * reported as skipped (aborted), never as passed.
 */
class PropertyChecksTest {

    @TestFactory
    Stream<DynamicNode> everyPropertyOfEveryTopology() {
        Settings settings = Settings.fromSystemProperties();
        Implementations.requireKnown(settings.impl());
        String only = System.getProperty("queuelab.property", "").trim();
        List<DynamicNode> topologies = new ArrayList<>();
        for (TopologyChecks<?, ?, ?, ?, ?> topology : Implementations.TOPOLOGIES) {
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
        return topologies.stream();
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
