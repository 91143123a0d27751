package dev.queuelab.learn;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A learner's call that did not return within the limit, told as a story: which method, where in it the
 * thread was when it was stopped, and the calls on that queue (or log) that led there.
 */
record Hang(Exercise exercise, Duration limit, StackTraceElement[] stack, List<String> calls) {

    String story() {
        List<StackTraceElement> mine = Arrays.stream(stack)
                .filter(f -> f.getClassName().startsWith(exercise.qualifiedClassName()))
                .toList();
        Optional<StackTraceElement> called = mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
        Optional<StackTraceElement> spinning = mine.stream().findFirst();
        StringBuilder text = new StringBuilder();
        text.append(called.map(f -> exercise.className() + "." + f.getMethodName())
                        .orElse("a method of " + exercise.className()))
                .append(" did not return within ")
                .append(limit.toSeconds())
                .append(" s");
        spinning.ifPresent(f -> text.append(": it was at ")
                .append(f.getFileName())
                .append(':')
                .append(f.getLineNumber())
                .append(" (in ")
                .append(f.getMethodName())
                .append(") when it was stopped"));
        text.append(".\n");
        if (!calls.isEmpty()) {
            text.append("The calls the check made on that ")
                    .append(exercise.topology().noun())
                    .append(", the last one still running:\n");
            for (int i = 0; i < calls.size(); i++) {
                text.append("    ")
                        .append(calls.get(i))
                        .append(i == calls.size() - 1 ? "   <- did not return" : "")
                        .append('\n');
            }
        }
        return text.append(
                        "Look for a loop that never ends there (a while whose condition never changes); if your code is")
                .append(" only slow, give it longer with --limit SECONDS.")
                .toString();
    }
}
