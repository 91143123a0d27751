package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.TransactionOutcome;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.log.LogEvent;
import dev.queuelab.check.log.LogSetup;
import dev.queuelab.check.log.LogStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogTimeScaleTest {

    private final LogTimeScale scale = new LogTimeScale();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldSetTheTransactionTimeoutHalfAUnitOffTheTicksAndWaitOutTheLongestTick() {
        Scenario<LogSetup, LogStep> scaled = scale.scale(new Scenario<>(
                new LogSetup(LogConfig.of(1), IsolationLevel.READ_COMMITTED),
                List.of(new LogStep.Txn(1, LogStep.TxnAction.BEGIN, 1), new LogStep.Tick(61))));
        long unit = TimeScale.UNIT.toMillis();
        assertThat(scaled.config().log().transactionTimeout().toMillis() % unit)
                .as("Kafka's 60 s becomes a deadline half a unit off the ticks")
                .isEqualTo(unit / 2);
        assertThat(scale.longest(scaled))
                .as("a tick of two units is waited out, as the simulated clock does")
                .isEqualTo(TimeScale.UNIT.multipliedBy(2));
        Scenario<LogSetup, LogStep> plain = scale.scale(new Scenario<>(
                new LogSetup(LogConfig.of(1), IsolationLevel.READ_UNCOMMITTED), List.of(new LogStep.Tick(61))));
        assertThat(scale.longest(plain)).isEqualTo(TimeScale.UNIT);
    }

    @Test
    void shouldTaintAStepNearTheDeadlineOfATransactionStillOpenThere() {
        Duration timeout = Duration.ofSeconds(3);
        List<LogEvent> events = List.of(
                begun(1, t0),
                written(2, t0.plusMillis(10)),
                new LogEvent.SoughtEnd(3, t0.plusMillis(3_110), 0, IsolationLevel.READ_COMMITTED, 0),
                new LogEvent.SoughtEnd(4, t0.plusMillis(4_200), 0, IsolationLevel.READ_COMMITTED, 2));
        assertThat(scale.tainted(history(timeout, events)))
                .as("100 ms past the deadline is tainted, a second past it is not")
                .containsExactly(3);
    }

    @Test
    void shouldNotTaintAStepNearTheDeadlineOfATransactionEndedLongBefore() {
        Duration timeout = Duration.ofSeconds(3);
        List<LogEvent> events = List.of(
                begun(1, t0),
                written(2, t0.plusMillis(10)),
                new LogEvent.Transaction(
                        3, t0.plusMillis(500), "T1", LogStep.TxnAction.COMMIT, TransactionOutcome.COMMITTED, ""),
                new LogEvent.SoughtEnd(4, t0.plusMillis(3_010), 0, IsolationLevel.READ_COMMITTED, 2));
        assertThat(scale.tainted(history(timeout, events))).isEmpty();
    }

    @Test
    void shouldSetTheSessionTimeoutHalfAUnitOffTheTicksAndWaitOutTheLongestTickOfAGroup() {
        Scenario<LogSetup, LogStep> scaled = scale.scale(new Scenario<>(
                new LogSetup(
                        LogConfig.of(1).withSessionTimeout(Duration.ofSeconds(10)), IsolationLevel.READ_UNCOMMITTED),
                List.of(new LogStep.Join("C1", false), new LogStep.Tick(30))));
        long unit = TimeScale.UNIT.toMillis();
        assertThat(scaled.config().log().sessionTimeout().toMillis() % unit).isEqualTo(unit / 2);
        assertThat(scale.longest(scaled))
                .as("a tick must be able to outlast a session")
                .isEqualTo(TimeScale.UNIT.multipliedBy(2));
    }

    @Test
    void shouldTaintAStepNearTheEndOfASessionAndOnlyFromAnAcceptedHeartbeat() {
        Duration session = Duration.ofSeconds(3);
        List<LogEvent> events = List.of(
                new LogEvent.Heartbeat(1, t0, "C1", "C1-1", 1, HeartbeatOutcome.OK),
                new LogEvent.Heartbeat(2, t0.plusMillis(1_000), "C2", "C2-1", 1, HeartbeatOutcome.ILLEGAL_GENERATION),
                new LogEvent.SoughtEnd(3, t0.plusMillis(3_100), 0, IsolationLevel.READ_UNCOMMITTED, 0),
                new LogEvent.SoughtEnd(4, t0.plusMillis(4_100), 0, IsolationLevel.READ_UNCOMMITTED, 0));
        LogSetup setup = new LogSetup(LogConfig.of(1).withSessionTimeout(session), IsolationLevel.READ_UNCOMMITTED);
        assertThat(scale.tainted(History.simulated(setup, LogCapabilities.ALL, t0, events, events.size())))
                .as("100 ms past C1's session is tainted; a refused heartbeat keeps no session, so 4.1 s is not")
                .containsExactly(3);
    }

    private static LogEvent begun(int step, Instant at) {
        return new LogEvent.Transaction(step, at, "T1", LogStep.TxnAction.BEGIN, TransactionOutcome.BEGUN, "");
    }

    private static LogEvent written(int step, Instant at) {
        return new LogEvent.Appended(
                step,
                at,
                "T1",
                new ProducerRecord("k1", "v1", Map.of()),
                LogEvent.Kind.TRANSACTIONAL,
                true,
                AppendOutcome.appended(0, 0),
                false);
    }

    private History<LogSetup, LogCapabilities, LogEvent> history(Duration timeout, List<LogEvent> events) {
        LogSetup setup = new LogSetup(LogConfig.of(1).withTransactionTimeout(timeout), IsolationLevel.READ_COMMITTED);
        return History.simulated(setup, LogCapabilities.ALL, t0, events, events.size());
    }
}
