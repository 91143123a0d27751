package dev.queuelab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.learn.Exercise;
import dev.queuelab.learn.ExerciseCheck;
import dev.queuelab.learn.Exercises;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Your exercises as JUnit tests, for IDEs: {@code ./mvnw test -Pexercises}, or run this class. The same
 * checks as {@code queuelab check N}; a failure's message is the story of the smallest failing scenario.
 * Left out of the default build, which stays green while exercises are pending.
 */
@Tag("exercises")
@DisplayName("queuelab check, as JUnit tests")
class ExercisesTest {

    private static final Settings SETTINGS = Settings.fromSystemProperties().withImpl("exercises");

    @TestFactory
    Stream<DynamicTest> everyExercise() {
        assertThat(Exercises.ALL).as("a test factory needs something to test").isNotEmpty();
        return Exercises.ALL.stream().map(e -> DynamicTest.dynamicTest(e.label(), () -> check(e)));
    }

    private static void check(Exercise exercise) {
        List<CheckResult> results = new ExerciseCheck(exercise, "exercise " + exercise.number(), Optional.empty())
                .run(exercise.factory(ExercisesTest.class.getClassLoader()), SETTINGS);
        CheckResult last = results.get(results.size() - 1);
        assertThat(last.passed()).as("%s: %s", exercise.label(), last.report()).isTrue();
    }
}
