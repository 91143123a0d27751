package dev.queuelab.exercises;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.queuelab.exercises.archfixture.ExerciseThatCallsTheReference;
import org.junit.jupiter.api.Test;

/** The learner's code stands on the contract alone, as the reference does: it never sees an implementation. */
class ExercisesArchitectureTest {

    static final ArchRule API_ONLY = noClasses().that().resideInAPackage("dev.queuelab.exercises..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.queuelab.reference..", "dev.queuelab.check..",
                    "dev.queuelab.learn..")
            .because("an exercise is judged on the api's contract; the reference is the solution, not a helper");

    @Test
    void shouldUseTheApiOnlyWhenCompletingAnExercise() {
        API_ONLY.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.queuelab.exercises"));
    }

    @Test
    void shouldCatchAnExerciseWhenItCallsTheReference() {
        assertThatThrownBy(() -> API_ONLY.check(new ClassFileImporter().importClasses(ExerciseThatCallsTheReference.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SqsWorkQueue");
    }
}
