package dev.queuelab.check.workqueue;

import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Stories;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failing history as a short story for a reader who has never seen the engine: the broken rule
 * first, then the numbered steps with what the queue answered, ending at the step where the rule broke.
 * Each step is numbered once and one step is marked; a failure in the queue's creation or in the checker's
 * final drain is said to be there, with the drain's steps numbered apart (D1, D2...).
 */
final class Story {

    private Story() {}

    static String tell(String header, History history, Anomaly anomaly, int originalSteps, WorkQueueModel model) {
        int steps = history.lastScenarioStep();
        boolean atCreation = anomaly.step() == 0 && history.events().stream().allMatch(e -> e instanceof Event.Threw);
        StringBuilder out =
                new StringBuilder(Stories.head(header, anomaly, Stories.where(anomaly, steps, atCreation, "queue")));
        out.append("  Queue: ").append(history.config()).append('\n');
        out.append("  Story, shrunk from ")
                .append(originalSteps)
                .append(" steps to ")
                .append(steps)
                .append(steps == 0 ? " (the failure needs no step of its own)" : "")
                .append(":\n");
        List<String> scenario = new ArrayList<>();
        List<String> drain = new ArrayList<>();
        int numbered = -1;
        for (Event e : history.events()) {
            if (e.step() > anomaly.step() && !atCreation) {
                break;
            }
            String number =
                    e.step() == numbered ? "" : e.step() > steps ? "D" + (e.step() - steps) : String.valueOf(e.step());
            numbered = e.step(); // a step of several calls (an ackBatch) is numbered once
            String line = Stories.line(
                    e.step() == anomaly.step() && !number.isEmpty(),
                    number,
                    history.start(),
                    e.at(),
                    e.action(),
                    e.outcome());
            (e.step() > steps ? drain : scenario).add(line);
        }
        scenario.forEach(line -> out.append(line).append('\n'));
        if (!drain.isEmpty()) {
            out.append(
                    "  Then the checker's final drain: every deadline passes, a drainer receives and acks until nothing\n"
                            + "  comes, and the checker reads the statistics and the dead-letter queue:\n");
            drain.forEach(line -> out.append(line).append('\n'));
        }
        int shown = atCreation ? 0 : anomaly.step();
        int redelivered = model.redeliveries(shown);
        int twice = model.duplicateEffects(shown);
        if (redelivered + twice > 0) {
            out.append("\n  At-least-once at work in this story: ")
                    .append(count(redelivered, "redelivery", "redeliveries"))
                    .append(
                            twice == 0
                                    ? ""
                                    : ", " + count(twice, "message", "messages") + " processed twice (its consumer"
                                            + " processed it, then crashed or acked too late, and it was delivered again)")
                    .append(". Allowed: that is what at-least-once means.\n");
        }
        return out.append(Stories.readMore("docs/work-queue.md", anomaly)).toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
