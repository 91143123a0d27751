package dev.queuelab.check.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Registry;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.implementations.Implementations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same log properties on the reference's disk storage ({@code log.disk}: segments in files, forced on
 * every append): what holds in memory holds on disk, and a restart keeps exactly what was forced.
 */
class LogOnDiskChecksTest {

    private static final Registry.Entry<LogFactory, LogCapabilities> DISK = Implementations.LOGS.get("log.disk");

    @ParameterizedTest(name = "{0}")
    @EnumSource(LogProperty.class)
    void shouldKeepEveryLogPropertyWhenThePartitionsAreOnDisk(LogProperty property) {
        CheckResult result = LogChecks.BINDING.check(
                property,
                DISK.name(),
                DISK.capabilities(),
                DISK.factory(),
                ReplayCommand.MAVEN,
                Settings.fromSystemProperties().withImpl(DISK.name()));
        if (result.failed()) {
            System.out.println(result.report());
        }
        assertThat(result.passed())
                .as(
                        "%s on disk: %s (the story is printed above)",
                        result.property(), result.anomaly().map(a -> a.name()).orElse("coverage not reached"))
                .isTrue();
    }
}
