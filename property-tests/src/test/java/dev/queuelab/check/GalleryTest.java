package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves the checks of every topology, written once: each bug-gallery variant is caught with its expected
 * anomaly within the default trials, on the default seed or on each of {@code -Dqueuelab.seeds}, and its shrunk
 * story is short enough to read at a glance. {@code -Dqueuelab.topology=exchange} narrows it to one topology.
 */
class GalleryTest {

    static final int MAX_STORY_STEPS = 8;

    @TestFactory
    Stream<DynamicNode> everyVariantIsCaughtWithItsAnomaly() {
        return PropertyChecksTest.perSeed(Settings.fromSystemProperties(), GalleryTest::variants);
    }

    private static List<DynamicNode> variants(Settings settings) {
        List<DynamicNode> topologies = new ArrayList<>();
        for (TopologyChecks<?, ?, ?, ?, ?> topology : PropertyChecksTest.selected()) {
            List<DynamicTest> variants = topology.implementations().entries().stream()
                    .filter(e -> e.expected().isPresent())
                    .map(e -> DynamicTest.dynamicTest(
                            e.name(),
                            () -> caught(topology, e.name(), e.expected().orElseThrow(), settings)))
                    .toList();
            assertThat(variants).as("%s has a gallery", topology.topology()).isNotEmpty();
            topologies.add(DynamicContainer.dynamicContainer(topology.topology(), variants));
        }
        return topologies;
    }

    private static void caught(TopologyChecks<?, ?, ?, ?, ?> topology, String impl, String expected, Settings s) {
        Settings settings = s.withImpl(impl);
        List<CheckResult> failures = new ArrayList<>();
        for (Property<?, ?, ?> property : topology.binding().properties()) {
            CheckResult result = topology.check(property, impl, ReplayCommand.MAVEN, settings);
            if (result.failed()) {
                failures.add(result);
            }
        }
        assertThat(failures)
                .as("no property caught %s (%s): the engine misses this mistake", impl, expected)
                .isNotEmpty();
        // "a|b": a mistake whose harm a reader may meet first as either of two anomalies, each named by the variant
        List<String> accepted = List.of(expected.split("\\|"));
        CheckResult caught = failures.stream()
                .filter(f -> f.anomaly().map(a -> accepted.contains(a.name())).orElse(false))
                .findFirst()
                .orElse(failures.get(0));
        assertThat(caught.anomaly().map(Anomaly::name).orElse("coverage"))
                .as(caught.report())
                .isIn(accepted);
        assertThat(caught.storySteps())
                .as("story too long to read at a glance:\n" + caught.report())
                .isLessThanOrEqualTo(MAX_STORY_STEPS);
    }
}
