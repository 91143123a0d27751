package dev.queuelab.check.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import dev.queuelab.check.SimClockDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A real server reads its own clock a little after the runner read the step's time: the model on a real clock
 * takes an id made by {@code *}, and an idle time, within its precision, and no further; a simulation's model is
 * exact.
 */
class StreamModelPrecisionTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void shouldTakeAnAutoIdWithinThePrecisionOnARealClockOnly() {
        List<StreamEvent> late = List.of(added(1, T0, new StreamId(T0.toEpochMilli() + 3, 0)));
        assertThat(judge(late, 400))
                .as("3 ms after the step's time, within 400 ms")
                .isEmpty();
        assertThat(judge(late, 0))
                .as("a simulation is exact")
                .map(Anomaly::name)
                .contains("wrong-id");
        List<StreamEvent> far = List.of(added(1, T0, new StreamId(T0.toEpochMilli() + 1_000, 0)));
        assertThat(judge(far, 400)).map(Anomaly::name).contains("wrong-id");
        List<StreamEvent> early = List.of(added(1, T0, new StreamId(T0.toEpochMilli() - 1, 0)));
        assertThat(judge(early, 400))
                .as("never before the step's time")
                .map(Anomaly::name)
                .contains("wrong-id");
    }

    @Test
    void shouldTakeAnIdleTimeWithinThePrecisionAndNoFurther() {
        StreamId id = new StreamId(T0.toEpochMilli(), 0);
        for (long idle : new long[] {2_000, 2_350, 1_700, 2_500}) {
            List<StreamEvent> events = List.of(
                    added(1, T0, id),
                    new StreamEvent.Read(
                            2, T0, "g1", "c1", null, 10, List.of(new StreamEntry(id, Map.of("m", "m1"))), null),
                    new StreamEvent.PendingRead(
                            3,
                            T0.plusMillis(2_000),
                            "g1",
                            0,
                            StreamId.MIN,
                            StreamId.MAX,
                            10,
                            null,
                            List.of(new PendingEntry(id, "c1", idle, 1)),
                            null));
            boolean within = Math.abs(idle - 2_000) <= 400;
            assertThat(judge(events, 400).map(Anomaly::name))
                    .as("idle " + idle + " ms where the model says 2000")
                    .isEqualTo(within ? Optional.empty() : Optional.of("wrong-idle"));
        }
    }

    private static Optional<Anomaly> judge(List<StreamEvent> events, long precisionMillis) {
        History<StreamSetup, StreamCapabilities, StreamEvent> history =
                History.simulated(new StreamSetup(2), StreamCapabilities.ALL, T0, events, events.size());
        StreamChecks binding = StreamChecks.withClocks(SimClockDriver::new, Duration.ofMillis(precisionMillis));
        return Model.fold(history, binding.model(history)).primary();
    }

    private static StreamEvent added(int step, Instant at, StreamId id) {
        return new StreamEvent.Added(step, at, "*", Trim.NONE, Map.of("m", "m" + step), id, null);
    }
}
