package dev.queuelab.check.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Registry;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import org.junit.jupiter.api.Test;

/**
 * The log's checks against the implementation named by {@code -Dqueuelab.impl} when it names a log
 * ({@code log.reference}, {@code log.gallery.<variant>}); against {@code log.reference} otherwise. Each
 * method runs one property; a failure prints its story once and names it in one line.
 */
class LogChecksTest {

    private static final Settings SETTINGS = Settings.fromSystemProperties();
    private static final Registry.Entry<LogFactory, LogCapabilities> IMPL =
            Implementations.LOGS.get(Implementations.isLog(SETTINGS.impl()) ? SETTINGS.impl() : "log.reference");

    @Test
    void partitioning() {
        check(LogProperty.PARTITIONING);
    }

    @Test
    void groups() {
        check(LogProperty.GROUPS);
    }

    @Test
    void stale() {
        check(LogProperty.STALE);
    }

    @Test
    void commits() {
        check(LogProperty.COMMITS);
    }

    @Test
    void restart() {
        check(LogProperty.RESTART);
    }

    @Test
    void idempotence() {
        check(LogProperty.IDEMPOTENCE);
    }

    @Test
    void transactions() {
        check(LogProperty.TRANSACTIONS);
    }

    @Test
    void retention() {
        check(LogProperty.RETENTION);
    }

    private static void check(LogProperty property) {
        Implementations.requireKnown(SETTINGS.impl());
        CheckResult result = new LogCheck(
                        property, IMPL.name(), IMPL.capabilities(), IMPL.factory(), LogCheck.ReplayCommand.MAVEN)
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
