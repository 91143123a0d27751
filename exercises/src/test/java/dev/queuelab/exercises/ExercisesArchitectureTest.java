package dev.queuelab.exercises;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The learner's code stands on the contract alone, as the reference does: it never sees an implementation. */
class ExercisesArchitectureTest {

    @Test
    void shouldUseTheApiOnlyWhenCompletingAnExercise() {
        noClasses().that().resideInAPackage("dev.queuelab.exercises..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.queuelab.reference..", "dev.queuelab.check..",
                        "dev.queuelab.learn..")
                .because("an exercise is judged on the api's contract; the reference is the solution, not a helper")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.queuelab.exercises"));
    }
}
