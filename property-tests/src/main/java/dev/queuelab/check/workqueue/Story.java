package dev.queuelab.check.workqueue;

import dev.queuelab.api.Durations;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        out.append("  Story, shrunk from ").append(originalSteps).append(" steps to ").append(history.lastScenarioStep())
                .append(" (steps past ").append(history.lastScenarioStep()).append(" are the checker's final drain):\n");
        int last = anomaly.step() > 0 ? anomaly.step() : Integer.MAX_VALUE;
        for (String line : lines(history, anomaly.step(), last)) {
            out.append(line).append('\n');
        }
        out.append("\n  At-least-once at work in this story: ").append(model.redeliveries()).append(" redelivery(ies), ")
                .append(model.duplicateEffects()).append(" message(s) processed twice (allowed after a crash before the ack).\n");
        String invariant = anomaly.rule().split(" ")[0];
        out.append("  Read more: docs/work-queue.md, invariant ").append(invariant).append('\n');
        return out.toString();
    }

    /** One line per step; several events of one step (a drain's receive and acks) share it. */
    private static List<String> lines(History history, int failedAt, int last) {
        Map<Integer, List<Event>> byStep = new LinkedHashMap<>();
        for (Event e : history.events()) {
            if (e.step() <= last) {
                byStep.computeIfAbsent(e.step(), k -> new ArrayList<>()).add(e);
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> deadBefore = List.of();
        for (Map.Entry<Integer, List<Event>> entry : byStep.entrySet()) {
            for (Event e : entry.getValue()) {
                if (e instanceof Event.Observed o) {
                    if (o.deadLetters().size() > deadBefore.size() && !lines.isEmpty()) {
                        List<String> before = deadBefore;
                        List<String> moved = o.deadLetters().stream().filter(id -> !before.contains(id)).toList();
                        int i = lines.size() - 1;
                        lines.set(i, lines.get(i) + "; dead-lettered: " + String.join(", ", moved));
                    }
                    deadBefore = o.deadLetters();
                    continue;
                }
                String mark = e.step() == failedAt ? "  ✗ " : "    ";
                String time = "t=" + Durations.brief(Duration.between(history.start(), e.at()));
                String outcome = e.outcome().isEmpty() ? "" : "  → " + e.outcome();
                lines.add(String.format("%s%3d. %-7s %s%s", mark, e.step(), time, e.action(), outcome));
            }
        }
        return lines;
    }
}
