package dev.queuelab.guide;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's arrow for the guide, held on the guide's own classes (the engine's ArchitectureTest cannot see
 * them): the decision guide reasons about designs and never reaches into implementations or the engine.
 */
class GuideArchitectureTest {

    static final ArchRule GUIDE_NEVER_SEES_IMPLEMENTATIONS = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.guide..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.queuelab.reference..", "dev.queuelab.exercises..", "dev.queuelab.check..")
            .because("the guide cites checks and classes by name only, and a test proves each name exists");

    @Test
    void shouldNotDependOnImplementationsWhenCheckingTheGuidesClasses() {
        JavaClasses guide = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.queuelab.guide");
        assertThat(guide.size()).isGreaterThan(10);
        GUIDE_NEVER_SEES_IMPLEMENTATIONS.check(guide);
        JavaClasses violating = new ClassFileImporter().importClasses(ExhaustiveAnswersTest.class);
        assertThat(GUIDE_NEVER_SEES_IMPLEMENTATIONS.evaluate(violating).hasViolation())
                .as(
                        "the rule catches a guide class that uses the engine (this test's neighbour does, legitimately, as a test)")
                .isTrue();
    }
}
