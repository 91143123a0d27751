package dev.queuelab.brokers;

import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.History;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.workqueue.WorkQueueEvent;
import dev.queuelab.check.workqueue.WorkQueueStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The work queue's scale: visibility timeouts (the queue's, a receive's, a change's) become whole units less
 * half a unit, ticks whole units, and the deduplication window SQS's own five minutes (SQS does not let it be
 * set; every real run is shorter, so no window ends inside one). A send that reuses the id of a message still
 * in the queue (a retry, or a held id) becomes a fresh one: SQS names messages itself, and the reference's
 * promise to refuse a producer's id in use is not one SQS makes (the harness fits the scenario; the adapter does
 * not pretend).
 */
final class WorkQueueTimeScale implements TimeScale<WorkQueueConfig, WorkQueueStep, WorkQueueEvent> {

    /** SQS's fixed deduplication interval. */
    static final Duration SQS_DEDUP_WINDOW = Duration.ofMinutes(5);

    @Override
    public Scenario<WorkQueueConfig, WorkQueueStep> scale(Scenario<WorkQueueConfig, WorkQueueStep> s) {
        WorkQueueConfig c = s.config()
                .withVisibilityTimeout(TimeScale.deadline(s.config().visibilityTimeout()))
                .withDedupWindow(SQS_DEDUP_WINDOW);
        List<WorkQueueStep> steps = new ArrayList<>();
        for (WorkQueueStep step : s.steps()) {
            if (step instanceof WorkQueueStep.Send send
                    && (send.id() == WorkQueueStep.Id.HELD || send.id() == WorkQueueStep.Id.RETRY)) {
                // SQS names messages itself: a producer's id on a message still queued is not SQS's to refuse
                steps.add(new WorkQueueStep.Send(
                        send.group(), send.dedup(), WorkQueueStep.Id.FRESH, send.noGroup(), send.answerLost()));
            } else if (step instanceof WorkQueueStep.Tick t) {
                steps.add(new WorkQueueStep.Tick(
                        (int) TimeScale.tick(Duration.ofSeconds(t.seconds())).toSeconds()));
            } else if (step instanceof WorkQueueStep.Receive r && r.visibilityMillis() >= 0) {
                steps.add(new WorkQueueStep.Receive(
                        r.consumer(), r.max(), (int) TimeScale.deadline(Duration.ofMillis(r.visibilityMillis()))
                                .toMillis()));
            } else if (step instanceof WorkQueueStep.ChangeVisibility v) {
                steps.add(new WorkQueueStep.ChangeVisibility(v.consumer(), v.nth(), (int)
                        TimeScale.deadline(Duration.ofSeconds(v.seconds())).toSeconds()));
            } else {
                steps.add(step);
            }
        }
        return new Scenario<>(c, steps);
    }

    @Override
    public Duration longest(Scenario<WorkQueueConfig, WorkQueueStep> scaled) {
        Duration longest = scaled.config().visibilityTimeout();
        for (WorkQueueStep step : scaled.steps()) {
            Duration d = step instanceof WorkQueueStep.Receive r
                    ? Duration.ofMillis(r.visibilityMillis())
                    : step instanceof WorkQueueStep.ChangeVisibility v
                            ? Duration.ofSeconds(v.seconds())
                            : Duration.ZERO;
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest.plus(TimeScale.UNIT);
    }

    @Override
    public Set<Integer> tainted(History<WorkQueueConfig, ?, WorkQueueEvent> history) {
        List<Instant> deadlines = new ArrayList<>();
        Set<Integer> tainted = new TreeSet<>();
        for (WorkQueueEvent e : history.events()) {
            if (!(e instanceof WorkQueueEvent.Ticked)) {
                for (Instant d : deadlines) {
                    if (TimeScale.near(e.at(), d)) {
                        tainted.add(e.step());
                    }
                }
            }
            if (e instanceof WorkQueueEvent.Received r && !r.visibility().isZero()) {
                for (Delivery ignored : r.deliveries()) {
                    deadlines.add(r.at().plus(r.visibility()));
                }
            } else if (e instanceof WorkQueueEvent.Changed c && !c.visibility().isZero()) {
                deadlines.add(c.at().plus(c.visibility()));
            }
        }
        return tainted;
    }
}
