package dev.queuelab.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.workqueue.WorkQueueChecks;
import dev.queuelab.check.workqueue.WorkQueueFactory;
import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The jobs table judged by the work-queue checks, each property as it judges the reference, on a real
 * Postgres: a fresh queue (a fresh queue name in the one table) for every scenario. FIFO does not apply
 * ({@link JobsTable#CAPABILITIES}) and is reported as skipped with its reason, never as passed.
 */
class JobsTableChecksTest {

    static final String IMPL = "work-queue.postgres-jobs";

    /** The one command that replays a failing trial of this test. */
    static final ReplayCommand REPLAY = (p, impl, seed) -> "./mvnw -q verify -pl postgres -am"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=JobsTableChecksTest -Dqueuelab.property="
            + p.qualifiedName() + " -Dqueuelab.seed=" + seed + " -Dqueuelab.trials=1";

    private static Connection connection;

    @BeforeAll
    static void connect() {
        connection = PostgresServer.shared().connect();
    }

    @AfterAll
    static void disconnect() throws Exception {
        connection.close();
    }

    private static final AtomicInteger QUEUES = new AtomicInteger();

    /** A fresh queue name for every scenario of the run: no scenario sees another's rows. */
    static WorkQueueFactory jobsTables(Connection c) {
        return (config, clock) -> new JobsTable(c, "checks-" + QUEUES.incrementAndGet(), config, clock);
    }

    @TestFactory
    Stream<DynamicTest> everyWorkQueuePropertyOnTheJobsTable() {
        Settings settings = Settings.fromSystemProperties().withImpl(IMPL);
        String only = System.getProperty("queuelab.property", "").trim();
        return Stream.of(WorkQueueProperty.values())
                .filter(p -> only.isEmpty() || p.qualifiedName().equals(only))
                .map(p -> DynamicTest.dynamicTest(
                        p.id() + " on " + IMPL,
                        () -> judge(WorkQueueChecks.BINDING.check(
                                p, IMPL, JobsTable.CAPABILITIES, jobsTables(connection), REPLAY, settings))));
    }

    /** Passed passes; a property that does not apply aborts (shown as skipped, with why); a failure prints its story. */
    static void judge(CheckResult result) {
        if (result.skipped()) {
            throw new TestAbortedException(result.report());
        }
        if (result.failed()) {
            System.out.println(result.report());
            fail(
                    "%s: %s",
                    result.property(), result.anomaly().map(a -> a.name()).orElse("coverage not reached"));
        }
        assertThat(result.passed()).as(result.report()).isTrue();
    }
}
