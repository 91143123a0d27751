package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's rules on hand-made histories, where a generated one would hide the case: what SQS allows
 * must pass, and the mistake next to it must not.
 */
class WorkQueueModelTest {

    private static final Instant T0 = SimClock.EPOCH;
    private static final WorkQueueConfig FIFO_ONE_TRY =
            WorkQueueConfig.fifoQueue().withMaxReceives(1);

    private final Message m1 = Message.of("m1", "x").inGroup("g1");
    private final Message m2 = Message.of("m2", "y").inGroup("g1");

    /** The model folded over the events alone: no final drain, so only what the events themselves show. */
    private static List<Anomaly> judge(WorkQueueConfig config, List<Event> events) {
        WorkQueueModel model = new WorkQueueModel(config, T0, true, true);
        events.forEach(model::apply);
        return model.anomalies();
    }

    private List<Event> sends() {
        return List.of(
                new Event.Sent(1, T0, m1, SendOutcome.accepted("m1")),
                new Event.Sent(2, T0, m2, SendOutcome.accepted("m2")));
    }

    private static Event.Received receive(int step, int max, Delivery... got) {
        return new Event.Received(step, T0, "A", max, Duration.ZERO, List.of(got));
    }

    @Test
    void shouldNotDemandTheGroupsNextMessageWhenTheBatchHandedOutItsLastTryWithVisibilityZero() {
        List<Event> events = new ArrayList<>(sends());
        events.add(receive(3, 3, new Delivery(m1, new Receipt("m1", 1), 1)));
        assertThat(judge(FIFO_ONE_TRY, events))
                .as("I6: a batch that holds m1 need not hold m2 as well (SQS may return"
                        + " one per group); m1 is in flight until the receive returns, even with visibility 0")
                .isEmpty();
    }

    @Test
    void shouldFindTheGroupReorderedWhenABatchHandsOutTheSecondBeforeTheFirst() {
        List<Event> events = new ArrayList<>(sends());
        events.add(receive(3, 3, new Delivery(m2, new Receipt("m2", 1), 1), new Delivery(m1, new Receipt("m1", 2), 1)));
        assertThat(judge(FIFO_ONE_TRY, events))
                .extracting(Anomaly::name)
                .as("I6: order inside one batch too")
                .contains("group-reordered");
    }

    @Test
    void shouldFindAReusedReceiptWhenASecondDeliveryGetsTheFirstOnesReceipt() {
        List<Event> events = new ArrayList<>(sends());
        events.add(receive(3, 1, new Delivery(m1, new Receipt("m1", 1), 1)));
        events.add(receive(4, 1, new Delivery(m1, new Receipt("m1", 1), 2)));
        assertThat(judge(WorkQueueConfig.fifoQueue(), events))
                .extracting(Anomaly::name)
                .as("I4: receive #2 of m1 came with receive #1's receipt")
                .containsExactly("receipt-reused");
    }
}
