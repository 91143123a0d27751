package dev.queuelab.cli.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The arrows of DESIGN.md section 1, and where time may come from, as ArchUnit rules. */
final class ArchitectureRules {

    private ArchitectureRules() {}

    static final ArchRule API_DEPENDS_ON_NOTHING_OF_OURS = classes()
            .that()
            .resideInAPackage("dev.queuelab.api..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.queuelab.api..", "java..")
            .because("the api is what exercises compile against alone");

    static final ArchRule EACH_TOPOLOGY_API_STANDS_ALONE = slices().matching("dev.queuelab.api.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "dev.queuelab.api.pubsub.fanout.."),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "dev.queuelab.api.workqueue.."))
            .because("a learner of one topology compiles against its own contract and the shared clock, nothing of"
                    + " another topology's (but the fanout's, whose every subscription is a work queue)");

    static final ArchRule SHARED_API_SEES_NO_TOPOLOGY = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.api")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.queuelab.api.workqueue..", "dev.queuelab.api.log..")
            .because("what every topology shares cannot lean on one of them");

    static final ArchRule REFERENCE_NEVER_SEES_THE_ENGINE = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.reference..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.queuelab.check..", "dev.queuelab.exercises..", "dev.queuelab.guide..")
            .because("the reference is checked by the engine, never the other way round");

    static final ArchRule EXERCISES_NEVER_SEE_THE_REFERENCE = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.exercises..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.queuelab.reference..")
            .because("a learner's stub that leans on the reference solves nothing");

    static final ArchRule GUIDE_NEVER_SEES_IMPLEMENTATIONS = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.guide..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.queuelab.reference..", "dev.queuelab.exercises..")
            .because("the decision guide reasons about designs, not about our implementations");

    static final ArchRule ENGINE_CORE_SEES_NO_TOPOLOGY = noClasses()
            .that()
            .resideInAPackage("dev.queuelab.check")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.queuelab.check.workqueue..",
                    "dev.queuelab.check.log..",
                    "dev.queuelab.check.gallery..",
                    "dev.queuelab.check.implementations..",
                    "dev.queuelab.learn..",
                    "dev.queuelab.reference..",
                    "dev.queuelab.api.workqueue..",
                    "dev.queuelab.api.log..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameStartingWith("WorkQueue")
            .because("the engine's core serves every topology: a topology plugs into it, never the other way round");

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("dev.queuelab.(**)").should().beFreeOfCycles();

    static final ArchRule WALL_CLOCK_ONLY_IN_CLOCKS = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.queuelab.api..",
                    "dev.queuelab.reference..",
                    "dev.queuelab.check..",
                    "dev.queuelab.learn..",
                    "dev.queuelab.exercises..")
            .and()
            .doNotImplement(InstantSource.class)
            .and()
            .haveNameNotMatching("dev\\.queuelab\\.check\\.workqueue\\.StressRun.*") // real threads pause by design
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(InstantSource.class, "system")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .orShould()
            .callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould()
            .callMethod(Thread.class, "sleep", Duration.class)
            .orShould()
            .callMethod(TimeUnit.class, "sleep", long.class)
            .orShould()
            .callMethod(LockSupport.class, "parkNanos", long.class)
            .orShould()
            .callMethod(LockSupport.class, "parkNanos", Object.class, long.class)
            .orShould()
            .callMethod(Object.class, "wait", long.class)
            .because("time is injected: reference code, the engine and the learner's runtime read it only from an"
                    + " InstantSource, and never wait on the wall clock");
}
