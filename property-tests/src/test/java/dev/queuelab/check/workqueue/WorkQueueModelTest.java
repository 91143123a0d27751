package dev.queuelab.check.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueueCapabilities;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.History;
import dev.queuelab.check.Op;
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
    private static List<Anomaly> judge(WorkQueueConfig config, List<WorkQueueEvent> events) {
        WorkQueueModel model = new WorkQueueModel(config, T0, true);
        events.forEach(e -> model.apply(e, Op.sequential(e.process(), e.step(), e.outcome())));
        return model.anomalies();
    }

    /** Events with the operations real threads gave them (invoked and completed positions), then the drain. */
    private static List<Anomaly> judgeOverlapping(List<WorkQueueEvent> events, List<Op> ops) {
        WorkQueueConfig standard = WorkQueueConfig.standardQueue();
        History<WorkQueueConfig, WorkQueueCapabilities, WorkQueueEvent> history =
                new History<>(standard, new WorkQueueCapabilities(false, true, true), T0, events, ops, events.size());
        return WorkQueueChecks.fold(history).anomalies();
    }

    private static Op op(String who, long invoked, long completed) {
        return new Op(who, invoked, completed, Op.Outcome.OK);
    }

    private static WorkQueueEvent.Observed drained(int step, int visible) {
        return new WorkQueueEvent.Observed(step, T0, List.of(), new QueueStats(visible, 0, 0, Duration.ZERO));
    }

    private List<WorkQueueEvent> sends() {
        return List.of(
                new WorkQueueEvent.Sent(1, T0, m1, SendOutcome.accepted("m1")),
                new WorkQueueEvent.Sent(2, T0, m2, SendOutcome.accepted("m2")));
    }

    private static WorkQueueEvent.Received receive(int step, int max, Delivery... got) {
        return new WorkQueueEvent.Received(step, T0, "A", max, Duration.ZERO, List.of(got));
    }

    @Test
    void shouldHoldAnAcceptedSendToEveryRuleWhenAnEarlierSendOfItsDedupIdNeverAnswered() {
        Message lost = Message.of("m1", "x").inGroup("g1").withDedupId("d1");
        Message next = Message.of("m2", "y").inGroup("g1").withDedupId("d1");
        List<WorkQueueEvent> events = List.of(
                new WorkQueueEvent.Sent(1, T0, lost, null),
                new WorkQueueEvent.Sent(2, T0.plusSeconds(1), next, SendOutcome.accepted("m2")),
                new WorkQueueEvent.Received(
                        3,
                        T0.plusSeconds(1),
                        "A",
                        10,
                        Duration.ZERO,
                        List.of(new Delivery(next, new Receipt("m2", 1), 1))));
        assertThat(judge(WorkQueueConfig.fifoQueue().withDedupWindow(Duration.ofSeconds(1)), events))
                .as("m2 was accepted: whatever the unanswered send of d1 did, m2 is a message like any other")
                .isEmpty();
    }

    @Test
    void shouldNotDemandTheGroupsNextMessageWhenTheBatchHandedOutItsLastTryWithVisibilityZero() {
        List<WorkQueueEvent> events = new ArrayList<>(sends());
        events.add(receive(3, 3, new Delivery(m1, new Receipt("m1", 1), 1)));
        assertThat(judge(FIFO_ONE_TRY, events))
                .as("I6: a batch that holds m1 need not hold m2 as well (SQS may return"
                        + " one per group); m1 is in flight until the receive returns, even with visibility 0")
                .isEmpty();
    }

    @Test
    void shouldFindTheGroupReorderedWhenABatchHandsOutTheSecondBeforeTheFirst() {
        List<WorkQueueEvent> events = new ArrayList<>(sends());
        events.add(receive(3, 3, new Delivery(m2, new Receipt("m2", 1), 1), new Delivery(m1, new Receipt("m1", 2), 1)));
        assertThat(judge(FIFO_ONE_TRY, events))
                .extracting(Anomaly::name)
                .as("I6: order inside one batch too")
                .contains("group-reordered");
    }

    @Test
    void shouldFindAReusedReceiptWhenASecondDeliveryGetsTheFirstOnesReceipt() {
        List<WorkQueueEvent> events = new ArrayList<>(sends());
        events.add(receive(3, 1, new Delivery(m1, new Receipt("m1", 1), 1)));
        events.add(receive(4, 1, new Delivery(m1, new Receipt("m1", 1), 2)));
        assertThat(judge(WorkQueueConfig.fifoQueue(), events))
                .extracting(Anomaly::name)
                .as("I4: receive #2 of m1 came with receive #1's receipt")
                .containsExactly("receipt-reused");
    }

    @Test
    void shouldOweNothingToAReceiveWhenTheSendCompletedOnlyAfterItBegan() {
        Message m = Message.of("m1", "x");
        Delivery toB = new Delivery(m, new Receipt("m1", 1), 1);
        List<WorkQueueEvent> events = List.of(
                new WorkQueueEvent.Sent(1, T0, m, SendOutcome.accepted("m1")),
                receive(2, 10),
                receive(3, 10, toB),
                new WorkQueueEvent.Acked(4, T0, "B", toB, ReceiptOutcome.ACCEPTED));
        assertThat(judgeOverlapping(events, List.of(op("P", 0, 3), op("A", 2, 4), op("B", 5, 6), op("B", 7, 8))))
                .as("the send was still running when A began: A may have been ordered before it")
                .isEmpty();
        assertThat(judgeOverlapping(events, List.of(op("P", 0, 1), op("A", 2, 4), op("B", 5, 6), op("B", 7, 8))))
                .extracting(Anomaly::name)
                .as("the send had answered before A began, and nobody else took m1 meanwhile")
                .containsExactly("withheld");
    }

    @Test
    void shouldWithdrawTheSuspicionWhenAReceiveRunningBesideItTookTheMessage() {
        Message m = Message.of("m1", "x");
        Delivery toB = new Delivery(m, new Receipt("m1", 1), 1);
        List<WorkQueueEvent> events = List.of(
                new WorkQueueEvent.Sent(1, T0, m, SendOutcome.accepted("m1")),
                receive(2, 10),
                receive(3, 10, toB),
                new WorkQueueEvent.Acked(4, T0, "B", toB, ReceiptOutcome.ACCEPTED));
        assertThat(judgeOverlapping(events, List.of(op("P", 0, 1), op("A", 2, 5), op("B", 3, 6), op("B", 7, 8))))
                .as("B was invoked before A completed: it may have taken m1 first, so A's empty hand is right")
                .isEmpty();
    }

    @Test
    void shouldNotCallASendLostWhenItsAnswerNeverCame() {
        Message m = Message.of("m1", "x");
        Op unanswered = new Op("P", 0, Op.NEVER, Op.Outcome.UNKNOWN);
        assertThat(judgeOverlapping(
                        List.of(new WorkQueueEvent.Sent(1, T0, m, null), drained(2, 0)),
                        List.of(unanswered, op("checker", 2, 3))))
                .as("a timed-out send may never have reached the queue")
                .isEmpty();
        assertThat(judgeOverlapping(
                        List.of(new WorkQueueEvent.Sent(1, T0, m, null), drained(2, 1)),
                        List.of(unanswered, op("checker", 2, 3))))
                .as("or it may have: one more visible message is right too")
                .isEmpty();
        assertThat(judgeOverlapping(
                        List.of(new WorkQueueEvent.Sent(1, T0, m, SendOutcome.accepted("m1")), drained(2, 0)),
                        List.of(op("P", 0, 1), op("checker", 2, 3))))
                .extracting(Anomaly::name)
                .as("an answered send that the queue no longer holds is lost")
                .contains("lost");
    }

    @Test
    void shouldHoldAnUnansweredSendToEveryRuleOnceItIsDelivered() {
        Message m = Message.of("m1", "x");
        List<WorkQueueEvent> events = List.of(
                new WorkQueueEvent.Sent(1, T0, m, null),
                new WorkQueueEvent.Received(
                        2, T0, "A", 1, Duration.ofSeconds(30), List.of(new Delivery(m, new Receipt("m1", 1), 1))),
                new WorkQueueEvent.Received(
                        3, T0, "B", 1, Duration.ofSeconds(30), List.of(new Delivery(m, new Receipt("m1", 2), 2))));
        assertThat(judgeOverlapping(
                        events, List.of(new Op("P", 0, Op.NEVER, Op.Outcome.UNKNOWN), op("A", 1, 2), op("B", 3, 4))))
                .extracting(Anomaly::name)
                .as("it exists once delivered: a second delivery inside the visibility timeout is concurrent")
                .contains("concurrent-delivery");
    }
}
