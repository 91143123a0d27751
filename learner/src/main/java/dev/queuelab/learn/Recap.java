package dev.queuelab.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Two lines after a pass (and under a solution): what the learner just proved, and where the reference keeps
 * the same rules (the exercise's {@link Exercise#referenceFile}), by line, found in the reference's source each time so the lines cannot drift.
 */
record Recap(Workspace workspace, Exercise exercise) {

    /** The work queue's production-shaped reference, which every exercise of its chapter points to. */
    static final String REFERENCE = "reference/src/main/java/dev/queuelab/reference/workqueue/SqsWorkQueue.java";

    List<String> lines() {
        List<String> ranges = exercise.reference().stream()
                .map(this::lines)
                .flatMap(Optional::stream)
                .toList();
        String file =
                exercise.referenceFile().substring(exercise.referenceFile().lastIndexOf('/') + 1);
        return List.of(
                "You proved: " + exercise.proved() + ".",
                "Read " + exercise.doc()
                        + (ranges.isEmpty()
                                ? "; the reference: " + file
                                : "; the reference: " + file + ":" + String.join(" and :", ranges))
                        + ".");
    }

    /** {@code 98-128}: from the method's declaration to its closing brace, or empty if it is not found. */
    Optional<String> lines(String method) {
        List<String> source;
        try {
            source = Files.readAllLines(workspace.root().resolve(exercise.referenceFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).matches("    (public|protected|private)\\s[^=]*\\b" + method + "\\(.*")) {
                for (int j = i; j < source.size(); j++) {
                    if (source.get(j).equals("    }") || j == i && source.get(j).endsWith("}")) {
                        return Optional.of((i + 1) + "-" + (j + 1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
