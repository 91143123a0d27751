package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import org.junit.jupiter.api.Test;

/**
 * The work-queue checks against the implementation named by {@code -Dqueuelab.impl} (the reference unless
 * a work queue is named). Each method runs one property; a failure's message is the shrunk story.
 */
class WorkQueueChecksTest {

    private static final Settings SETTINGS = Settings.fromSystemProperties();
    /** The implementation named, if it is a work queue; the reference otherwise (a log's name is the log checks'). */
    private static final String IMPL = Implementations.isWorkQueue(SETTINGS.impl()) ? SETTINGS.impl() : "reference";

    @Test
    void acks() {
        check(WorkQueueProperty.ACKS);
    }

    @Test
    void visibility() {
        check(WorkQueueProperty.VISIBILITY);
    }

    @Test
    void deadLetters() {
        check(WorkQueueProperty.DEAD_LETTERS);
    }

    @Test
    void fifo() {
        check(WorkQueueProperty.FIFO);
    }

    private static void check(WorkQueueProperty property) {
        Implementations.requireKnown(SETTINGS.impl());
        CheckResult result = new WorkQueueCheck(
                        property,
                        IMPL,
                        Implementations.WORK_QUEUES.get(IMPL).capabilities(),
                        Implementations.workQueue(IMPL),
                        WorkQueueCheck.ReplayCommand.MAVEN)
                .run(SETTINGS);
        if (!result.passed()) {
            System.out.println(result.report()); // the story, once; the assertion names it in one line
        }
        assertThat(result.passed())
                .as(
                        "%s: %s (the story is printed above)",
                        result.property(),
                        result.anomaly()
                                .map(a -> a.name() + " on '" + result.impl() + "'")
                                .orElse("coverage not reached"))
                .isTrue();
    }
}
