package dev.queuelab.check.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import dev.queuelab.check.workqueue.WorkQueueCheck;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the checks: every bug-gallery variant is caught, with its expected anomaly, within the default
 * trials and seed, and its shrunk story is short enough to read at a glance.
 */
class WorkQueueGalleryTest {

    static final int MAX_STORY_STEPS = 8;

    static Stream<WorkQueueGallery.Variant> variants() {
        return WorkQueueGallery.VARIANTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldCatchEachVariantWithItsAnomalyWhenRunWithDefaultTrials(WorkQueueGallery.Variant variant) {
        Settings settings = Settings.fromSystemProperties().withImpl("gallery." + variant.name());
        List<CheckResult> failures = new ArrayList<>();
        for (WorkQueueProperty property : WorkQueueProperty.values()) {
            CheckResult result = new WorkQueueCheck(
                            property,
                            settings.impl(),
                            Implementations.WORK_QUEUES.get(settings.impl()).capabilities(),
                            variant.factory(),
                            WorkQueueCheck.ReplayCommand.MAVEN)
                    .run(settings);
            if (result.failed()) {
                failures.add(result);
            }
        }
        assertThat(failures)
                .as(
                        "no property caught gallery.%s (%s): the engine misses this mistake",
                        variant.name(), variant.expected())
                .isNotEmpty();
        CheckResult caught = failures.stream()
                .filter(f -> f.anomaly()
                        .map(a -> a.name().equals(variant.expected()))
                        .orElse(false))
                .findFirst()
                .orElse(failures.get(0));
        assertThat(caught.anomaly()).as(caught.report()).isPresent();
        assertThat(caught.anomaly().get().name()).as(caught.report()).isEqualTo(variant.expected());
        assertThat(caught.storySteps())
                .as("story too long to read at a glance:\n" + caught.report())
                .isLessThanOrEqualTo(MAX_STORY_STEPS);
    }
}
