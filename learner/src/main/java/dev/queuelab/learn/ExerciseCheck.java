package dev.queuelab.learn;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.check.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an exercise's properties, its own concept first, against one implementation, and stops at the
 * first failure: the learner gets one story at a time. The same code serves {@code queuelab check}, the
 * IDE's {@code -Pexercises} tests and the proofs that pristine stubs fail and solutions pass, for every
 * topology: the exercise's {@link Topology} runs each property on its own check.
 */
public final class ExerciseCheck {

    private final Exercise exercise;
    private final String implName;
    private final Optional<Property<?, ?, ?>> only;

    public ExerciseCheck(Exercise exercise, String implName, Optional<Property<?, ?, ?>> only) {
        this.exercise = exercise;
        this.implName = implName;
        this.only = only;
        only.filter(p -> !exercise.properties().contains(p)).ifPresent(p -> {
            throw new LearnerException(exercise.label() + " is not judged by the property '" + p.id() + "': use one of "
                    + exercise.properties().stream().map(Property::id).toList());
        });
    }

    /** The results in order, ending at the first failure. */
    public List<CheckResult> run(Topology.Maker implementation, Settings settings) {
        List<CheckResult> results = new ArrayList<>();
        for (Property<?, ?, ?> property : exercise.properties()) {
            if (only.isPresent() && only.get() != property) {
                continue;
            }
            CheckResult result = exercise.topology()
                    .check(property, implName, implementation, seed -> replay(property, seed), settings);
            results.add(result);
            if (!result.passed()) {
                break;
            }
        }
        return results;
    }

    private String replay(Property<?, ?, ?> property, long seed) {
        return "./queuelab check " + exercise.number() + " --property " + property.id() + " --seed " + seed
                + " --trials 1";
    }
}
