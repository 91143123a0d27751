package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.workqueue.WorkQueueEvent;
import dev.queuelab.check.workqueue.WorkQueueStep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkQueueTimeScaleTest {

    private final WorkQueueTimeScale scale = new WorkQueueTimeScale();

    @Test
    void shouldSetEveryDeadlineHalfAUnitOffTheTicksWhenScaling() {
        Scenario<WorkQueueConfig, WorkQueueStep> scaled = scale.scale(new Scenario<>(
                WorkQueueConfig.standardQueue().withVisibilityTimeout(Duration.ofSeconds(5)),
                List.of(
                        new WorkQueueStep.Receive("A", 1, 30_000),
                        new WorkQueueStep.Tick(5),
                        new WorkQueueStep.ChangeVisibility("A", 0, 10),
                        new WorkQueueStep.Tick(300))));
        long unit = TimeScale.UNIT.toMillis();
        assertThat(scaled.config().visibilityTimeout().toMillis() % unit)
                .as("the queue's visibility lies half a unit off the ticks")
                .isEqualTo(unit / 2);
        WorkQueueStep.Receive r = (WorkQueueStep.Receive) scaled.steps().get(0);
        WorkQueueStep.ChangeVisibility c =
                (WorkQueueStep.ChangeVisibility) scaled.steps().get(2);
        assertThat(r.visibilityMillis() % unit).as("a receive's visibility").isEqualTo(unit / 2);
        assertThat(c.seconds() * 1000L % unit).as("a change's visibility").isEqualTo(unit / 2);
        for (WorkQueueStep s : scaled.steps()) {
            if (s instanceof WorkQueueStep.Tick t) {
                assertThat(t.seconds() * 1000L % unit)
                        .as("a tick is whole units: " + t)
                        .isZero();
                assertThat(t.seconds()).as("a tick stays within seconds: " + t).isLessThanOrEqualTo(4);
            }
        }
        assertThat(scaled.config().dedupWindow()).as("SQS's fixed window").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldSendAFreshIdWhenTheSimulationReusesOneStillQueued() {
        Scenario<WorkQueueConfig, WorkQueueStep> scaled = scale.scale(new Scenario<>(
                WorkQueueConfig.standardQueue(),
                List.of(
                        new WorkQueueStep.Send(0, 0, WorkQueueStep.Id.HELD, false, false),
                        new WorkQueueStep.Send(0, 0, WorkQueueStep.Id.RETRY, false, false),
                        new WorkQueueStep.Send(0, 0, WorkQueueStep.Id.ACKED, false, false))));
        assertThat(scaled.steps())
                .extracting(s -> ((WorkQueueStep.Send) s).id())
                .containsExactly(WorkQueueStep.Id.FRESH, WorkQueueStep.Id.FRESH, WorkQueueStep.Id.ACKED);
    }

    @Test
    void shouldTaintAStepThatLandsWithinTheToleranceOfADeadline() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Delivery d = new Delivery(Message.of("m1", "p"), new Receipt("m1", 1), 1);
        Duration vis = Duration.ofSeconds(3);
        List<WorkQueueEvent> events = List.of(
                new WorkQueueEvent.Received(1, t0, "A", 1, vis, List.of(d)),
                new WorkQueueEvent.Received(2, t0.plus(vis).minusMillis(100), "B", 1, vis, List.of()),
                new WorkQueueEvent.Received(3, t0.plus(vis).plusSeconds(1), "B", 1, vis, List.of()));
        History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history =
                History.simulated(WorkQueueConfig.standardQueue(), WorkQueueCapabilities.ALL, t0, events, 3);
        assertThat(scale.tainted(history))
                .as("step 2 lands 100 ms before m1's deadline; step 3 a second after it")
                .containsExactly(2);
    }
}
