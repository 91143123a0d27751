package dev.queuelab.check.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.CheckResult;
import dev.queuelab.check.ReplayCommand;
import dev.queuelab.check.Settings;
import dev.queuelab.check.TopologyChecks;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pipeline that is not a gallery variant keeps each promise the harness holds it to (the reference
 * alone is run by PropertyChecksTest); a promise it does not make is skipped, never passed.
 */
class DeliveryChecksTest {

    private static final TopologyChecks<?, ?, ?, ?, ?> TOPOLOGY =
            new TopologyChecks<>(DeliveryChecks.BINDING, DeliveryChecks.PIPELINES);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "delivery.at-most-once",
                "delivery.at-least-once",
                "delivery.idempotent-log",
                "delivery.log-transaction"
            })
    void shouldKeepEveryPromiseItIsHeldTo(String impl) {
        for (long seed = 1; seed <= 3; seed++) {
            int passed = 0;
            for (DeliveryProperty p : DeliveryProperty.values()) {
                Settings settings = new Settings(Settings.DEFAULT_TRIALS, OptionalLong.of(seed), impl);
                CheckResult result = TOPOLOGY.check(p, impl, ReplayCommand.MAVEN, settings);
                assertThat(result.failed()).as(result.report()).isFalse();
                passed += result.passed() ? 1 : 0;
            }
            assertThat(passed).as("%s passes at least one property", impl).isPositive();
        }
    }
}
