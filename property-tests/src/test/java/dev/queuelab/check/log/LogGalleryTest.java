package dev.queuelab.check.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.gallery.log.LogGallery;
import dev.queuelab.reference.log.KafkaLog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the log's checks: every variant of the log's bug gallery is caught, with its expected anomaly,
 * within the default trials and seed, in a story short enough to read at a glance.
 */
class LogGalleryTest {

    static final int MAX_STORY_STEPS = 8;

    static Stream<LogGallery.Variant> variants() {
        return LogGallery.VARIANTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldCatchEachVariantWithItsAnomalyWhenRunWithDefaultTrials(LogGallery.Variant variant) {
        Settings settings = Settings.fromSystemProperties().withImpl("log.gallery." + variant.name());
        List<CheckResult> failures = new ArrayList<>();
        for (LogProperty property : LogProperty.values()) {
            CheckResult result = new LogCheck(
                            property,
                            settings.impl(),
                            KafkaLog.CAPABILITIES,
                            variant.factory(),
                            LogCheck.ReplayCommand.MAVEN)
                    .run(settings);
            if (result.failed()) {
                failures.add(result);
            }
        }
        assertThat(failures)
                .as(
                        "no property caught log.gallery.%s (%s): the engine misses this mistake",
                        variant.name(), variant.expected())
                .isNotEmpty();
        CheckResult caught = failures.stream()
                .filter(f -> f.anomaly()
                        .map(a -> a.name().equals(variant.expected()))
                        .orElse(false))
                .findFirst()
                .orElse(failures.get(0));
        assertThat(caught.anomaly().map(a -> a.name()).orElse("coverage"))
                .as(caught.report())
                .isEqualTo(variant.expected());
        assertThat(caught.storySteps())
                .as("story too long to read at a glance:\n" + caught.report())
                .isLessThanOrEqualTo(MAX_STORY_STEPS);
    }
}
