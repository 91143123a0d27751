package dev.queuelab.guide;

import java.util.HashMap;
import java.util.Map;

/** Answers for tests: a plain async work-queue case, changed key by key. */
final class TestAnswers {

    private TestAnswers() {}

    static Answers with(String... keyValues) {
        Map<String, String> v = new HashMap<>(Map.of(
                "sync",
                "async",
                "shape",
                "distribute",
                "replay",
                "false",
                "ordering",
                "none",
                "semantic",
                "at-least-once"));
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put(keyValues[i], keyValues[i + 1]);
        }
        return AnswersReader.fromValues(v, "test");
    }
}
