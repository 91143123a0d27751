package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.pubsub.broadcast.BroadcastCapabilities;
import dev.queuelab.api.pubsub.broadcast.BroadcastConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.pubsub.broadcast.BroadcastEvent;
import dev.queuelab.check.pubsub.broadcast.BroadcastStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastTimeScaleTest {

    private final BroadcastTimeScale scale = new BroadcastTimeScale();
    private final Instant t0 = Instant.parse("2026-12-05T09:00:00Z");
    private final long unit = BroadcastTimeScale.BYTES;

    private Scenario<BroadcastConfig, BroadcastStep> slow() {
        // soft 10 B (two units of 5), hard 30 B (six units), 2 soft seconds
        return scale.scale(new Scenario<>(
                new BroadcastConfig(30, 10, 2),
                List.of(
                        new BroadcastStep.Publish("feed", 5),
                        new BroadcastStep.Publish("feed", 11),
                        new BroadcastStep.Publish("feed", 14),
                        new BroadcastStep.Tick(2),
                        new BroadcastStep.Tick(3),
                        new BroadcastStep.Read("slow", 1))));
    }

    @Test
    void shouldSetEveryLimitHalfAUnitOffThePayloadsWhenScaling() {
        Scenario<BroadcastConfig, BroadcastStep> scaled = slow();
        assertThat(scaled.config().softLimitBytes())
                .as("soft: two units less half")
                .isEqualTo(unit * 3 / 2);
        assertThat(scaled.config().hardLimitBytes())
                .as("hard: six units less half")
                .isEqualTo(unit * 11 / 2);
        assertThat(scaled.config().softSeconds()).isEqualTo(BroadcastTimeScale.SOFT_SECONDS);
        List<Integer> sizes = scaled.steps().stream()
                .filter(s -> s instanceof BroadcastStep.Publish)
                .map(s -> ((BroadcastStep.Publish) s).bytes())
                .toList();
        for (int size : sizes) {
            long units = Math.round((double) size / unit);
            assertThat(units * unit - size)
                    .as("a payload whole units less its framing: " + size)
                    .isBetween(1L, 128L);
        }
        assertThat(sizes.stream().map(b -> Math.round((double) b / unit)).toList())
                .as("5, 11 and 14 bytes of a 5-byte unit")
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldMakeATickWithinTheSoftSecondsShortAndOnePastThemLong() {
        List<BroadcastStep> ticks = slow().steps().stream()
                .filter(s -> s instanceof BroadcastStep.Tick)
                .toList();
        assertThat(ticks)
                .as("2 s of 2 soft seconds: within (3 s, under 4 whole seconds); 3 s: past (6 s, at least 5)")
                .containsExactly(
                        new BroadcastStep.Tick(BroadcastTimeScale.WITHIN),
                        new BroadcastStep.Tick(BroadcastTimeScale.PAST));
    }

    @Test
    void shouldLeaveAScenarioWithoutLimitsAsItIs() {
        Scenario<BroadcastConfig, BroadcastStep> s = new Scenario<>(
                new BroadcastConfig(0, 0, 0),
                List.of(new BroadcastStep.Publish("news", 6), new BroadcastStep.Read("c1", 2)));
        assertThat(scale.scale(s)).isEqualTo(s);
    }

    @Test
    void shouldTaintAStepLateOnTheTicksScheduleOnlyWhenASoftLimitWaits() {
        BroadcastConfig soft = new BroadcastConfig(unit * 11 / 2, unit * 3 / 2, 4);
        List<BroadcastEvent> events = List.of(
                new BroadcastEvent.Published(1, t0.plusMillis(100), "feed", "m1", 2),
                new BroadcastEvent.Ticked(2, t0.plusSeconds(3), 3),
                new BroadcastEvent.Published(3, t0.plusMillis(3_300), "feed", "m2", 2),
                new BroadcastEvent.Published(4, t0.plusMillis(3_700), "feed", "m3", 2));
        assertThat(scale.tainted(History.simulated(soft, BroadcastCapabilities.ALL, t0, events, 4)))
                .as("step 4 is 700 ms after its tick: more than a second less the tolerance")
                .containsExactly(4);
        assertThat(scale.tainted(
                        History.simulated(new BroadcastConfig(unit, 0, 0), BroadcastCapabilities.ALL, t0, events, 4)))
                .as("no soft limit: no seconds to cross")
                .isEmpty();
    }
}
