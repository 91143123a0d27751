package dev.queuelab.check;

import dev.queuelab.api.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failing history as a short story for a reader who has never seen the engine, in one format for every
 * topology: the broken rule first with its invariant id and evidence, then the numbered steps with what the
 * implementation answered (a step that made several calls shows each, under one number), ending at the marked
 * step; a failure in the implementation's creation or in the checker's final drain is said to be there, with
 * the drain's steps numbered apart (D1, D2...); then where to read more.
 */
public final class Stories {

    private Stories() {}

    /**
     * How a topology's stories speak of it.
     *
     * @param noun  what one implementation is called: "queue", "log"
     * @param drain what the checker's final drain does, as the line before its steps
     * @param doc   the concept page that explains its rules
     */
    public record Telling(String noun, String drain, String doc) {}

    /**
     * The story of a failing history, shrunk from {@code originalSteps}; {@code epilogue} (possibly empty) is a
     * topology's own closing paragraph, before "Read more".
     */
    public static String tell(
            String header,
            History<?, ?, ? extends Event> history,
            Anomaly anomaly,
            int originalSteps,
            Telling telling,
            String epilogue) {
        int steps = history.lastScenarioStep();
        boolean atCreation = anomaly.step() == 0 && history.failedAtCreation();
        StringBuilder out = new StringBuilder(head(header, anomaly, where(anomaly, steps, atCreation, telling.noun())));
        out.append("  ")
                .append(Character.toUpperCase(telling.noun().charAt(0)))
                .append(telling.noun().substring(1))
                .append(": ")
                .append(history.config())
                .append('\n');
        out.append("  Story, shrunk from ")
                .append(originalSteps)
                .append(" steps to ")
                .append(steps)
                .append(steps == 0 ? " (the failure needs no step of its own)" : "")
                .append(":\n");
        List<String> drain = new ArrayList<>();
        int numbered = -1;
        for (Event e : history.events()) {
            if (e.step() > anomaly.step() && !atCreation) {
                break;
            }
            String number =
                    e.step() == numbered ? "" : e.step() > steps ? "D" + (e.step() - steps) : String.valueOf(e.step());
            numbered = e.step(); // a step of several calls is numbered once
            boolean failed = e.step() == anomaly.step() && !number.isEmpty();
            String line = line(failed, number, history.start(), e.at(), e.action(), e.answer());
            if (e.step() > steps) {
                drain.add(line);
            } else {
                out.append(line).append('\n');
            }
        }
        if (!drain.isEmpty()) {
            out.append("  Then the checker's final drain: ")
                    .append(telling.drain())
                    .append(":\n");
            drain.forEach(line -> out.append(line).append('\n'));
        }
        return out.append(epilogue).append(readMore(telling.doc(), anomaly)).toString();
    }

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
        return "  Read more: " + doc + ", " + (id.matches("[A-Z]+\\d+") ? "invariant " + id : "the contract") + "\n";
    }
}
