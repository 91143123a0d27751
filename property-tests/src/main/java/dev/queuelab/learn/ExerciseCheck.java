package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueCheck;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an exercise's properties, its own concept first, against one implementation, and stops at the
 * first failure: the learner gets one story at a time. The same code serves {@code queuelab check}, the
 * IDE's {@code -Pexercises} tests and the proofs that pristine stubs fail and solutions pass.
 */
public final class ExerciseCheck {

    private final Exercise exercise;
    private final String implName;
    private final Optional<WorkQueueProperty> only;

    public ExerciseCheck(Exercise exercise, String implName, Optional<WorkQueueProperty> only) {
        this.exercise = exercise;
        this.implName = implName;
        this.only = only;
        only.filter(p -> !exercise.properties().contains(p)).ifPresent(p -> {
            throw new LearnerException(exercise.label() + " is not judged by the property '" + p.id() + "': use one of "
                    + exercise.properties().stream().map(WorkQueueProperty::id).toList());
        });
    }

    /** The results in order, ending at the first failure. */
    public List<CheckResult> run(WorkQueueFactory factory, Settings settings) {
        List<CheckResult> results = new ArrayList<>();
        for (WorkQueueProperty property : exercise.properties()) {
            if (only.isPresent() && only.get() != property) {
                continue;
            }
            CheckResult result = new WorkQueueCheck(property, implName, factory, this::replay).run(settings);
            results.add(result);
            if (!result.passed()) {
                break;
            }
        }
        return results;
    }

    private String replay(WorkQueueProperty property, String impl, long seed) {
        return "./queuelab check " + exercise.number() + " --property " + property.id() + " --seed " + seed + " --trials 1";
    }
}
