package dev.queuelab.check.log;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Stories;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failing log history as a short story: the broken rule first, then the numbered steps with what the
 * log answered (a step that made several calls shows each, under one number), ending at the marked step;
 * the checker's final drain apart, numbered D1, D2...
 */
final class LogStory {

    private LogStory() {}

    static String tell(String header, LogHistory history, Anomaly anomaly, int originalSteps) {
        int steps = history.lastScenarioStep();
        boolean atCreation =
                history.events().stream().allMatch(e -> e instanceof LogEvent.Threw) && anomaly.step() == 0;
        StringBuilder out =
                new StringBuilder(Stories.head(header, anomaly, Stories.where(anomaly, steps, atCreation, "log")));
        out.append("  Log: ").append(history.setup()).append('\n');
        out.append("  Story, shrunk from ")
                .append(originalSteps)
                .append(" steps to ")
                .append(steps)
                .append(steps == 0 ? " (the failure needs no step of its own)" : "")
                .append(":\n");
        List<String> drain = new ArrayList<>();
        int numbered = -1;
        for (LogEvent e : history.events()) {
            if (e.step() > anomaly.step() && !atCreation) {
                break;
            }
            String number =
                    e.step() == numbered ? "" : e.step() > steps ? "D" + (e.step() - steps) : String.valueOf(e.step());
            numbered = e.step();
            boolean failed = e.step() == anomaly.step() && !number.isEmpty();
            String line = Stories.line(failed, number, history.start(), e.at(), e.action(), e.outcome());
            if (e.step() > steps) {
                drain.add(line);
            } else {
                out.append(line).append('\n');
            }
        }
        if (!drain.isEmpty()) {
            out.append(
                    "  Then the checker's final drain: it reads every partition from its start to its end, and the offsets:\n");
            drain.forEach(line -> out.append(line).append('\n'));
        }
        return out.append(Stories.readMore("docs/partitioned-log.md", anomaly)).toString();
    }
}
