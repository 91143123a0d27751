package dev.queuelab.check.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recipe of docs/engine.md ("Adding a topology") proven by a topology written from it alone: the tally's
 * reference passes, its gallery is caught with the anomalies it names in short stories, a property that does
 * not apply is skipped (never passed), and a demand generation never reaches fails on coverage, on every seed.
 */
class RecipeTest {

    private static Settings seed(long seed) {
        return new Settings(Settings.DEFAULT_TRIALS, OptionalLong.of(seed), "tally.reference");
    }

    private static CheckResult check(TallyProperty property, String impl, long seed) {
        return TallyChecks.TOPOLOGY.check(property, impl, ReplayCommand.MAVEN, seed(seed));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldPassTheReferenceWithItsCoverageMetWhenGenerationReachesIt(long seed) {
        CheckResult result = check(TallyProperty.COUNTS, "tally.reference", seed);
        assertThat(result.passed()).as(result.report()).isTrue();
        assertThat(result.report()).contains("situations reached as often as it demands");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldFailOnCoverageWhenADemandIsNeverReached(long seed) {
        CheckResult result = check(TallyProperty.UNREACHABLE, "tally.reference", seed);
        assertThat(result.failed()).as(result.report()).isTrue();
        assertThat(result.anomaly()).isEmpty();
        assertThat(result.report()).contains("'read after three increments' in 0 of ");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldSkipAndNotPassWhenAPropertyDoesNotApply(long seed) {
        CheckResult result = check(TallyProperty.COUNTS, "tally.counts-only", seed);
        assertThat(result.skipped()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.failed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldCatchEveryGalleryVariantWithItsAnomalyInAShortStory(long seed) {
        TallyChecks.TALLIES.entries().stream()
                .filter(e -> e.expected().isPresent())
                .forEach(e -> {
                    CheckResult result = check(TallyProperty.COUNTS, e.name(), seed);
                    assertThat(result.anomaly().map(a -> a.name()))
                            .as(result.report())
                            .contains(e.expected().orElseThrow());
                    assertThat(result.storySteps()).as(result.report()).isLessThanOrEqualTo(8);
                    assertThat(result.report()).contains("-Dqueuelab.property=tally/counts");
                });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldReplayTheSameStoryFromTheSeedItPrints(long seed) {
        CheckResult first = check(TallyProperty.COUNTS, "tally.gallery.read-lags-one", seed);
        Settings replay = new Settings(1, OptionalLong.of(first.seed()), "tally.gallery.read-lags-one");
        CheckResult again = TallyChecks.TOPOLOGY.check(
                TallyProperty.COUNTS, "tally.gallery.read-lags-one", ReplayCommand.MAVEN, replay);
        assertThat(again.anomaly()).isEqualTo(first.anomaly());
        assertThat(again.storySteps()).isEqualTo(first.storySteps());
    }
}
