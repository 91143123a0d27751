package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.streams.StreamCapabilities;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.streams.Bound;
import dev.queuelab.check.streams.StreamEvent;
import dev.queuelab.check.streams.StreamSetup;
import dev.queuelab.check.streams.StreamStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamTimeScaleTest {

    private final StreamTimeScale scale = new StreamTimeScale();
    private final Instant t0 = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void shouldSetEveryMinIdleHalfAUnitOffTheTicksWhenScaling() {
        Scenario<StreamSetup, StreamStep> scaled = scale.scale(new Scenario<>(
                new StreamSetup(2),
                List.of(
                        new StreamStep.Tick(1),
                        new StreamStep.Claim("g1", "c2", 1000, 0),
                        new StreamStep.AutoClaim("g1", "c2", 5000, Bound.MIN, 10),
                        new StreamStep.PendingRange("g1", 10000, Bound.MIN, Bound.MAX, 10, null),
                        new StreamStep.Claim("g1", "c2", 0, 0),
                        new StreamStep.Tick(10000))));
        long unit = TimeScale.UNIT.toMillis();
        for (StreamStep s : scaled.steps()) {
            int idle = s instanceof StreamStep.Claim c
                    ? c.minIdleMillis()
                    : s instanceof StreamStep.AutoClaim a
                            ? a.minIdleMillis()
                            : s instanceof StreamStep.PendingRange p ? p.minIdleMillis() : -1;
            if (idle > 0) {
                assertThat(idle % unit)
                        .as("a min-idle half a unit off the ticks: " + s)
                        .isEqualTo(unit / 2);
            }
            if (s instanceof StreamStep.Tick t) {
                assertThat(t.millis() % unit).as("a tick is whole units: " + t).isZero();
                assertThat(t.millis()).as("a tick stays within seconds: " + t).isBetween(1, 4000);
            }
        }
        assertThat(((StreamStep.Claim) scaled.steps().get(4)).minIdleMillis())
                .as("0 stays 0: at once")
                .isZero();
    }

    @Test
    void shouldTaintAClaimWhoseMinIdleLandsNearAnEntrysIdleTime() {
        StreamId id = new StreamId(t0.toEpochMilli(), 0);
        StreamEntry entry = new StreamEntry(id, Map.of("m", "m1"));
        List<StreamEvent> events = List.of(
                new StreamEvent.Read(1, t0, "g1", "c1", null, 10, List.of(entry), null),
                new StreamEvent.Claimed(2, t0.plusMillis(1_600), "g1", "c2", 1_500, List.of(id), List.of(), null),
                new StreamEvent.Claimed(3, t0.plusMillis(2_500), "g1", "c2", 1_500, List.of(id), List.of(), null));
        History<StreamSetup, StreamCapabilities, StreamEvent> history =
                History.simulated(new StreamSetup(2), StreamCapabilities.ALL, t0, events, 3);
        assertThat(scale.tainted(history))
                .as("100 ms past its min-idle is tainted; a second past is not")
                .containsExactly(2);
    }

    @Test
    void shouldReadTwoHistoriesAlikeWhenTheirIdsStandInTheSameRelations() {
        long ref = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long real = t0.toEpochMilli() + 3;
        List<String> reference = scale.said(List.of(
                added(1, new StreamId(ref, 0)),
                added(2, new StreamId(ref + 2000, 0)),
                pendingIdle(3, new StreamId(ref, 0), 2000)));
        List<String> broker = scale.said(List.of(
                added(1, new StreamId(real, 0)),
                added(2, new StreamId(real + 2004, 0)),
                pendingIdle(3, new StreamId(real, 0), 2007)));
        assertThat(broker).as("ids named e0, e1; idle in whole seconds").isEqualTo(reference);
        assertThat(reference.get(2)).contains("e0 c1 idle ~2 s");

        List<String> oneMillisecond = scale.said(List.of(
                added(1, new StreamId(ref, 0)), added(2, new StreamId(ref, 1)), below(3, new StreamId(ref, 0))));
        List<String> twoMilliseconds = scale.said(List.of(
                added(1, new StreamId(real, 0)),
                added(2, new StreamId(real + 1, 0)),
                below(3, new StreamId(real, Long.MAX_VALUE))));
        assertThat(oneMillisecond.get(2)).contains("with id e0 ");
        assertThat(twoMilliseconds.get(2))
                .as("an id below e1 is e0 only when the clock put both in one millisecond")
                .contains("with id (just before e1) ");
    }

    private StreamEvent added(int step, StreamId id) {
        return new StreamEvent.Added(step, t0, "*", Trim.NONE, Map.of("m", "m" + step), id, null);
    }

    private StreamEvent below(int step, StreamId requested) {
        return new StreamEvent.Added(
                step,
                t0,
                requested.toString(),
                Trim.NONE,
                Map.of("m", "m" + step),
                null,
                "ERR The ID specified in XADD is equal or smaller than the target stream top item");
    }

    private StreamEvent pendingIdle(int step, StreamId id, long idle) {
        return new StreamEvent.PendingRead(
                step,
                t0,
                "g1",
                0,
                StreamId.MIN,
                StreamId.MAX,
                10,
                null,
                List.of(new dev.queuelab.api.streams.PendingEntry(id, "c1", idle, 1)),
                null);
    }
}
