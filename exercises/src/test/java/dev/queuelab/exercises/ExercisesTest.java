package dev.queuelab.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.WorkQueue;
import dev.queuelab.api.WorkQueueConfig;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.learn.Exercise;
import dev.queuelab.learn.ExerciseCheck;
import dev.queuelab.learn.Exercises;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Your exercises as JUnit tests, for IDEs: {@code ./mvnw test -Pexercises}, or run this class. The same
 * checks as {@code queuelab check N}; a failure's message is the story of the smallest failing scenario.
 * Left out of the default build, which stays green while exercises are pending.
 */
@Tag("exercises")
class ExercisesTest {

    private static final Settings SETTINGS = Settings.fromSystemProperties().withImpl("exercises");

    @TestFactory
    Stream<DynamicTest> everyExercise() {
        return Exercises.ALL.stream().map(e -> DynamicTest.dynamicTest(e.number() + ". " + e.title(), () -> check(e)));
    }

    private static void check(Exercise exercise) throws ReflectiveOperationException {
        List<CheckResult> results = new ExerciseCheck(exercise, "exercise " + exercise.number(), Optional.empty())
                .run(factory(exercise), SETTINGS);
        CheckResult last = results.get(results.size() - 1);
        assertThat(last.passed()).as(last.report()).isTrue();
    }

    private static WorkQueueFactory factory(Exercise exercise) throws ReflectiveOperationException {
        Constructor<?> constructor = Class.forName(exercise.qualifiedClassName())
                .getConstructor(WorkQueueConfig.class, InstantSource.class);
        return (config, clock) -> {
            try {
                return (WorkQueue) constructor.newInstance(config, clock);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
