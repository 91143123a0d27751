package dev.queuelab.check.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failing history as a short story for a reader who has never seen the engine: the broken rule
 * first, then the numbered steps with what the queue answered, ending at the step where the rule broke.
 * Each step is numbered once and one step is marked; a failure in the queue's creation or in the checker's
 * final drain is said to be there, with the drain's steps numbered apart (D1, D2...).
 */
final class Story {

    private Story() {
    }

    static String tell(String header, History history, Anomaly anomaly, int originalSteps, WorkQueueModel model) {
        int steps = history.lastScenarioStep();
        boolean inDrain = anomaly.step() > steps;
        boolean atCreation = anomaly.step() == 0 && history.events().stream().allMatch(e -> e instanceof Event.Threw);
        StringBuilder out = new StringBuilder();
        out.append(header).append("\n\n");
        out.append("  ").append(anomaly.name()).append(atCreation ? " when the queue was created"
                : inDrain ? " in the checker's final drain, at step D" + (anomaly.step() - steps)
                : " at step " + anomaly.step()).append('\n');
        out.append("  Rule:     ").append(anomaly.rule()).append('\n');
        out.append("  Evidence: ").append(anomaly.evidence()).append("\n\n");
        out.append("  Queue: ").append(history.config()).append('\n');
        out.append("  Story, shrunk from ").append(originalSteps).append(" steps to ").append(steps)
                .append(steps == 0 ? " (the failure needs no step of its own)" : "").append(":\n");
        List<String> scenario = new ArrayList<>();
        List<String> drain = new ArrayList<>();
        for (Event e : history.events()) {
            if (e.step() > anomaly.step() && !atCreation) {
                break;
            }
            String mark = e.step() == anomaly.step() ? "  ✗ " : "    ";
            String number = e.step() > steps ? "D" + (e.step() - steps) : String.valueOf(e.step());
            String time = "t=" + Durations.brief(Duration.between(history.start(), e.at()));
            String outcome = e.outcome().isEmpty() ? "" : "  → " + e.outcome();
            String line = String.format("%s%4s. %-7s %s%s", mark, number, time, e.action(), outcome);
            (e.step() > steps ? drain : scenario).add(line);
        }
        scenario.forEach(line -> out.append(line).append('\n'));
        if (!drain.isEmpty()) {
            out.append("  Then the checker's final drain: every deadline passes, a drainer receives and acks until nothing\n"
                    + "  comes, and the checker reads the statistics and the dead-letter queue:\n");
            drain.forEach(line -> out.append(line).append('\n'));
        }
        int shown = atCreation ? 0 : anomaly.step();
        int redelivered = model.redeliveries(shown);
        int twice = model.duplicateEffects(shown);
        if (redelivered + twice > 0) {
            out.append("\n  At-least-once at work in this story: ").append(count(redelivered, "redelivery", "redeliveries"))
                    .append(twice == 0 ? "" : ", " + count(twice, "message", "messages") + " processed twice (its consumer"
                            + " processed it, then crashed or acked too late, and it was delivered again)")
                    .append(". Allowed: that is what at-least-once means.\n");
        }
        String invariant = anomaly.rule().split(" ")[0];
        out.append("  Read more: docs/work-queue.md, ")
                .append(invariant.matches("I\\d+") ? "invariant " + invariant : "the contract").append('\n');
        return out.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
