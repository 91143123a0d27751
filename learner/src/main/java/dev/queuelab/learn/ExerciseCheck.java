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

    /**
     * The results in order, ending at the first failure. A class that declares fewer capabilities than the
     * exercise requires fails at once, in one line: it would otherwise be judged on less than the exercise asks.
     */
    public List<CheckResult> run(Topology.Maker implementation, Settings settings) {
        List<CheckResult> results = new ArrayList<>();
        Optional<CheckResult> declaresTooLittle = declaresTooLittle(implementation, settings);
        if (declaresTooLittle.isPresent()) {
            return List.of(declaresTooLittle.get());
        }
        for (Property<?, ?, ?> property : exercise.properties()) {
            if (only.isPresent() && only.get() != property) {
                continue;
            }
            CheckResult result = exercise.topology()
                    .check(
                            property,
                            implName,
                            exercise.capabilities(),
                            implementation,
                            seed -> replay(property, seed),
                            settings);
            results.add(result);
            if (!result.passed()) {
                break;
            }
        }
        return results;
    }

    private Optional<CheckResult> declaresTooLittle(Topology.Maker implementation, Settings settings) {
        Object required = exercise.capabilities();
        if (required == null) {
            return Optional.empty();
        }
        Object declared;
        try {
            declared = exercise.topology().declared(implementation);
        } catch (RuntimeException e) {
            return Optional.empty(); // the checks tell the story of a class that cannot be made
        }
        List<String> lacking =
                declared == null ? List.of("all of them") : exercise.topology().lacking(required, declared);
        if (lacking.isEmpty()) {
            return Optional.empty();
        }
        String name = exercise.topology().noun() + "/capabilities";
        return Optional.of(new CheckResult(
                name,
                implName,
                CheckResult.Verdict.FAILED,
                Optional.empty(),
                0,
                settings.trialSeed(0),
                exercise.className() + "." + exercise.topology().declaration() + " declares "
                        + (declared == null ? "nothing" : declared) + ", but " + exercise.label()
                        + " requires " + String.join(" and ", lacking) + ": "
                        + (exercise.topology().declaration().endsWith("()") ? "return " : "declare ") + required
                        + " (the exercise decides what is checked, not the class)"));
    }

    private String replay(Property<?, ?, ?> property, long seed) {
        return "./queuelab check " + exercise.number() + " --property " + property.id() + " --seed " + seed
                + " --trials 1";
    }
}
