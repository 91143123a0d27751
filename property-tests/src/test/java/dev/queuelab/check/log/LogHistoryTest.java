package dev.queuelab.check.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.LogCapabilities;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.check.History;
import dev.queuelab.check.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A log history records each call as its client saw it: an answer lost on the way back is unknown. */
class LogHistoryTest {

    private static LogEvent.Appended append(int step, boolean ackLost, AppendOutcome result) {
        return new LogEvent.Appended(
                step,
                SimClock.EPOCH,
                "P1",
                ProducerRecord.of("k1", "v" + step),
                LogEvent.Kind.IDEMPOTENT,
                true,
                result,
                ackLost);
    }

    @Test
    void shouldRecordAnAppendWhoseAnswerWasLostAsUnknownAndARefusedOneAsFailed() {
        List<LogEvent> events = List.of(
                append(1, false, AppendOutcome.appended(0, 0)),
                append(2, true, AppendOutcome.appended(0, 1)),
                append(3, false, AppendOutcome.refused(AppendOutcome.Status.OUT_OF_ORDER_SEQUENCE, 0)));
        History<LogSetup, LogCapabilities, LogEvent> history = History.simulated(null, null, SimClock.EPOCH, events, 3);
        assertThat(history.ops())
                .extracting(Op::outcome)
                .containsExactly(Op.Outcome.OK, Op.Outcome.UNKNOWN, Op.Outcome.FAIL);
        assertThat(history.ops()).extracting(Op::process).containsOnly("P1");
        assertThat(history.ops().get(0).precedes(history.ops().get(1)))
                .as("a simulation's steps never overlap")
                .isTrue();
    }

    @Test
    void shouldRefuseAHistoryWhoseOperationsDoNotMatchItsEvents() {
        assertThatThrownBy(() -> new History<LogSetup, LogCapabilities, LogEvent>(
                        null,
                        null,
                        SimClock.EPOCH,
                        List.of(append(1, false, AppendOutcome.appended(0, 0))),
                        List.of(),
                        1))
                .hasMessageContaining("one operation per event");
    }
}
