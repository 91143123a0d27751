package dev.queuelab.check;

import java.util.List;
import java.util.Optional;

/**
 * How one property fared against one implementation.
 *
 * @param property    which property ("work-queue/visibility")
 * @param impl        the implementation's name
 * @param verdict     passed, failed (an anomaly, or coverage not reached) or skipped (does not apply)
 * @param anomaly     the anomaly of a failure, shrunk; empty for a coverage failure
 * @param storySteps  how many scenario steps the shrunk story has
 * @param seed        the seed that replays the failing trial
 * @param report      the text to show a person
 * @param timeline    a failure's story as events, to draw; empty for a pass, a coverage failure, or a story not
 *                    told in events
 */
public record CheckResult(
        String property,
        String impl,
        Verdict verdict,
        Optional<Anomaly> anomaly,
        int storySteps,
        long seed,
        String report,
        List<StoryEvent> timeline) {

    public CheckResult {
        timeline = List.copyOf(timeline);
    }

    /** A result whose story has no timeline to draw. */
    public CheckResult(
            String property,
            String impl,
            Verdict verdict,
            Optional<Anomaly> anomaly,
            int storySteps,
            long seed,
            String report) {
        this(property, impl, verdict, anomaly, storySteps, seed, report, List.of());
    }

    public enum Verdict {
        PASSED,
        FAILED,
        SKIPPED
    }

    /** Only a pass passes: a check that did not apply proved nothing, and says so. */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    public boolean skipped() {
        return verdict == Verdict.SKIPPED;
    }
}
