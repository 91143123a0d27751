package dev.queuelab.check.backpressure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.TopologyChecks;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response to overload that is not a gallery variant keeps each promise the harness holds it to (the
 * reference, the blocking buffer, is run by PropertyChecksTest); a promise it does not make is skipped, never passed.
 */
class BufferChecksTest {

    private static final TopologyChecks<?, ?, ?, ?, ?> TOPOLOGY =
            new TopologyChecks<>(BufferChecks.BINDING, BufferChecks.BUFFERS);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "backpressure.memory",
                "backpressure.disk",
                "backpressure.refuse-newest",
                "backpressure.drop-oldest"
            })
    void shouldKeepEveryPromiseItIsHeldTo(String impl) {
        // the buffer on disk opens a log per trial: one seed of it costs as much as all three of the others
        long seeds = impl.endsWith(".disk") ? 1 : 3;
        for (long seed = 1; seed <= seeds; seed++) {
            int passed = 0;
            for (BufferProperty p : BufferProperty.values()) {
                Settings settings = new Settings(Settings.DEFAULT_TRIALS, OptionalLong.of(seed), impl);
                CheckResult result = TOPOLOGY.check(p, impl, ReplayCommand.MAVEN, settings);
                assertThat(result.failed()).as(result.report()).isFalse();
                passed += result.passed() ? 1 : 0;
            }
            assertThat(passed).as("%s passes at least one property", impl).isPositive();
        }
    }
}
