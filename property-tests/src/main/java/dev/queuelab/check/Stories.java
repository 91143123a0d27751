package dev.queuelab.check;

import dev.queuelab.api.Durations;
import java.time.Duration;
import java.time.Instant;

/**
 * The parts every topology's story shares, so that a learner reads one format everywhere: where the
 * anomaly showed (a step, the checker's final drain, or the creation of the implementation), the rule with
 * its invariant id, the evidence, numbered lines with one mark, and where to read more.
 */
public final class Stories {

    private Stories() {}

    /** "lost at step 5", "lost in the checker's final drain, at step D2", "operation-failed when ... was created". */
    public static String where(Anomaly anomaly, int lastScenarioStep, boolean atCreation, String what) {
        if (atCreation) {
            return anomaly.name() + " when the " + what + " was created";
        }
        return anomaly.name()
                + (anomaly.step() > lastScenarioStep
                        ? " in the checker's final drain, at step D" + (anomaly.step() - lastScenarioStep)
                        : " at step " + anomaly.step());
    }

    /** The head of a story: the anomaly, its rule and its evidence. */
    public static String head(String header, Anomaly anomaly, String where) {
        return header + "\n\n  " + where + "\n  Rule:     " + anomaly.rule() + "\n  Evidence: " + anomaly.evidence()
                + "\n\n";
    }

    /** One numbered line; {@code number} is blank for a step's second and later calls. */
    public static String line(boolean failed, String number, Instant start, Instant at, String action, String outcome) {
        String time = "t=" + Durations.brief(Duration.between(start, at));
        return String.format(
                "%s%4s%s %-7s %s%s",
                failed ? "  ✗ " : "    ",
                number,
                number.isBlank() ? " " : ".",
                time,
                action,
                outcome.isEmpty() ? "" : "  → " + outcome);
    }

    /** "Read more: docs/partitioned-log.md, invariant L10". */
    public static String readMore(String doc, Anomaly anomaly) {
        String id = anomaly.rule().split(" ")[0];
        return "  Read more: " + doc + ", " + (id.matches("[A-Z]\\d+") ? "invariant " + id : "the contract") + "\n";
    }
}
