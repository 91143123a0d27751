package dev.queuelab.check.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a failing history as a short story for a reader who has never seen the engine: the broken rule
 * first, then the numbered steps with what the queue answered, ending at the step where the rule broke.
 */
final class Story {

    private Story() {
    }

    static String tell(String header, History history, Anomaly anomaly, int originalSteps, WorkQueueModel model) {
        StringBuilder out = new StringBuilder();
        out.append(header).append("\n\n");
        out.append("  ").append(anomaly.name()).append(anomaly.step() > 0 ? " at step " + anomaly.step() : "").append('\n');
        out.append("  Rule:     ").append(anomaly.rule()).append('\n');
        out.append("  Evidence: ").append(anomaly.evidence()).append("\n\n");
        out.append("  Queue: ").append(history.config()).append('\n');
        int steps = history.lastScenarioStep();
        out.append("  Story, shrunk from ").append(originalSteps).append(" steps to ").append(steps)
                .append(anomaly.step() > steps || anomaly.step() == 0
                        ? " (steps past " + steps + " are the checker's final drain):\n" : ":\n");
        int last = anomaly.step() > 0 ? anomaly.step() : Integer.MAX_VALUE;
        for (String line : lines(history, anomaly.step(), last)) {
            out.append(line).append('\n');
        }
        out.append("\n  At-least-once at work in this story: ").append(count(model.redeliveries(), "redelivery", "redeliveries"))
                .append(", ").append(count(model.duplicateEffects(), "message", "messages"))
                .append(" processed twice (allowed: a consumer crashed before its ack).\n");
        String invariant = anomaly.rule().split(" ")[0];
        out.append("  Read more: docs/work-queue.md, ")
                .append(invariant.matches("I\\d+") ? "invariant " + invariant : "the contract").append('\n');
        return out.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** One line per event up to the failing step; the queue's observations after each step are not lines. */
    private static List<String> lines(History history, int failedAt, int last) {
        List<String> lines = new ArrayList<>();
        for (Event e : history.events()) {
            if (e.step() > last || e instanceof Event.Observed) {
                continue;
            }
            String mark = e.step() == failedAt ? "  ✗ " : "    ";
            String time = "t=" + Durations.brief(Duration.between(history.start(), e.at()));
            String outcome = e.outcome().isEmpty() ? "" : "  → " + e.outcome();
            lines.add(String.format("%s%3d. %-7s %s%s", mark, e.step(), time, e.action(), outcome));
        }
        return lines;
    }
}
