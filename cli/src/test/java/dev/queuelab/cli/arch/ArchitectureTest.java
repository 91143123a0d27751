package dev.queuelab.cli.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.queuelab.api.SharedApiThatSeesALog;
import dev.queuelab.api.archfixture.ApiThatSeesTheReference;
import dev.queuelab.api.log.archfixture.LogContractThatSeesTheWorkQueue;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.archfixture.cycle.a.Chicken;
import dev.queuelab.archfixture.cycle.b.Egg;
import dev.queuelab.check.CoreThatSeesAWorkQueue;
import dev.queuelab.exercises.archfixture.ExerciseThatSeesTheReference;
import dev.queuelab.guide.archfixture.GuideThatSeesTheReference;
import dev.queuelab.reference.archfixture.ReferenceThatReadsTheWallClock;
import dev.queuelab.reference.archfixture.ReferenceThatSeesTheEngine;
import dev.queuelab.reference.archfixture.WallClockWaits;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the architecture on every module's classes (this module depends on all of them), and proves each
 * rule can fail: each is run on a test fixture that breaks it (fixtures live under test sources, outside
 * what the first test imports). A rule whose subject is missing from the class path fails: no rule passes
 * by having nothing to look at.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.queuelab");

    @Test
    void shouldKeepEveryArrowWhenCheckingTheProductionClasses() {
        for (String pkg : List.of(
                "dev.queuelab.api.workqueue",
                "dev.queuelab.api.log",
                "dev.queuelab.reference",
                "dev.queuelab.check",
                "dev.queuelab.learn",
                "dev.queuelab.exercises",
                "dev.queuelab.guide",
                "dev.queuelab.bench",
                "dev.queuelab.cli")) {
            assertThat(PRODUCTION.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
                    .as("the rules see %s's classes", pkg)
                    .isTrue();
        }
        ArchitectureRules.API_DEPENDS_ON_NOTHING_OF_OURS.check(PRODUCTION);
        ArchitectureRules.EACH_TOPOLOGY_API_STANDS_ALONE.check(PRODUCTION);
        ArchitectureRules.SHARED_API_SEES_NO_TOPOLOGY.check(PRODUCTION);
        ArchitectureRules.REFERENCE_NEVER_SEES_THE_ENGINE.check(PRODUCTION);
        ArchitectureRules.EXERCISES_NEVER_SEE_THE_REFERENCE.check(PRODUCTION);
        ArchitectureRules.GUIDE_NEVER_SEES_IMPLEMENTATIONS.check(PRODUCTION);
        ArchitectureRules.ENGINE_CORE_SEES_NO_TOPOLOGY.check(PRODUCTION);
        ArchitectureRules.NO_PACKAGE_CYCLES.check(PRODUCTION);
        ArchitectureRules.WALL_CLOCK_ONLY_IN_CLOCKS.check(PRODUCTION);
    }

    @Test
    void shouldFailEachRuleWhenAFixtureBreaksIt() {
        assertViolated(ArchitectureRules.API_DEPENDS_ON_NOTHING_OF_OURS, ApiThatSeesTheReference.class);
        assertViolated(
                ArchitectureRules.EACH_TOPOLOGY_API_STANDS_ALONE,
                LogContractThatSeesTheWorkQueue.class,
                WorkQueue.class);
        assertViolated(ArchitectureRules.SHARED_API_SEES_NO_TOPOLOGY, SharedApiThatSeesALog.class);
        assertViolated(ArchitectureRules.REFERENCE_NEVER_SEES_THE_ENGINE, ReferenceThatSeesTheEngine.class);
        assertViolated(ArchitectureRules.EXERCISES_NEVER_SEE_THE_REFERENCE, ExerciseThatSeesTheReference.class);
        assertViolated(ArchitectureRules.GUIDE_NEVER_SEES_IMPLEMENTATIONS, GuideThatSeesTheReference.class);
        assertViolated(ArchitectureRules.ENGINE_CORE_SEES_NO_TOPOLOGY, CoreThatSeesAWorkQueue.class);
        assertViolated(ArchitectureRules.NO_PACKAGE_CYCLES, Chicken.class, Egg.class);
        assertViolated(ArchitectureRules.WALL_CLOCK_ONLY_IN_CLOCKS, ReferenceThatReadsTheWallClock.class);
        for (Class<?> waits : WallClockWaits.class.getDeclaredClasses()) {
            assertViolated(ArchitectureRules.WALL_CLOCK_ONLY_IN_CLOCKS, waits);
        }
        assertThat(WallClockWaits.class.getDeclaredClasses()).hasSize(7);
    }

    private static void assertViolated(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixtures);
        assertThat(rule.evaluate(classes).hasViolation())
                .as("%s must catch %s", rule.getDescription(), fixtures[0].getSimpleName())
                .isTrue();
    }
}
