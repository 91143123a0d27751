package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.DuplicateMessageIdException;
import dev.queuelab.api.workqueue.Message;
import dev.queuelab.api.workqueue.QueueStats;
import dev.queuelab.api.workqueue.Receipt;
import dev.queuelab.api.workqueue.ReceiptOutcome;
import dev.queuelab.api.workqueue.SendOutcome;
import dev.queuelab.api.workqueue.WorkQueue;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference's rules one example at a time. The property checks in {@code property-tests} cover the
 * combinations; these pin the edge of each rule where it is easiest to read.
 */
class SqsWorkQueueTest {

    private final SimClock clock = new SimClock();

    private SqsWorkQueue queue(WorkQueueConfig config) {
        return new SqsWorkQueue(config, clock);
    }

    private List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::messageId).toList();
    }

    @Test
    void shouldHideAMessageUntilItsDeadlineAndShowItAtTheDeadlineWhenNotAcked() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("m1", "x"));
        assertThat(ids(q.receive("A", 1))).containsExactly("m1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(q.receive("B", 1)).as("I2: m1 is hidden until t=30s").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<Delivery> again = q.receive("B", 1);
        assertThat(ids(again)).as("I2: visible again at the deadline itself").containsExactly("m1");
        assertThat(again.get(0).receiveCount()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnOldReceiptWhenTheMessageWasDeliveredAgain() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("m1", "x"));
        Delivery first = q.receive("A", 1).get(0);
        clock.advance(Duration.ofSeconds(30));
        Delivery second = q.receive("B", 1).get(0);
        assertThat(q.ack(first.receipt()))
                .as("I4: A's receipt went stale when B got m1")
                .isEqualTo(ReceiptOutcome.STALE);
        assertThat(q.stats().inFlight()).as("I4: the stale ack deleted nothing").isEqualTo(1);
        assertThat(q.ack(second.receipt())).isEqualTo(ReceiptOutcome.ACCEPTED);
        assertThat(q.ack(second.receipt()))
                .as("I4: a second ack finds nothing to delete")
                .isEqualTo(ReceiptOutcome.STALE);
    }

    @Test
    void shouldAcceptAnAckAfterTheDeadlineWhenNoOneReceivedTheMessageSince() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("m1", "x"));
        Delivery late = q.receive("A", 1).get(0);
        clock.advance(Duration.ofMinutes(5));
        assertThat(q.ack(late.receipt())).isEqualTo(ReceiptOutcome.ACCEPTED);
        assertThat(q.receive("B", 10)).as("I1: acked means gone").isEmpty();
    }

    @Test
    void shouldCountAnExtensionFromNowAndReleaseAtOnceWhenSetToZero() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("m1", "x"));
        q.send(Message.of("m2", "y"));
        List<Delivery> got = q.receive("A", 2);
        clock.advance(Duration.ofSeconds(20));
        assertThat(q.changeVisibility(got.get(0).receipt(), Duration.ofSeconds(60)))
                .isEqualTo(ReceiptOutcome.ACCEPTED);
        assertThat(q.changeVisibility(got.get(1).receipt(), Duration.ZERO)).isEqualTo(ReceiptOutcome.ACCEPTED);
        List<Delivery> back = q.receive("B", 10);
        assertThat(ids(back)).as("I3: m2 was given back; m1 is extended").containsExactly("m2");
        q.ack(back.get(0).receipt());
        clock.advance(Duration.ofSeconds(59));
        assertThat(q.receive("B", 10))
                .as("I3: m1 is hidden until t=80s, 60s after the extension")
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(q.receive("B", 10))).containsExactly("m1");
    }

    @Test
    void shouldDeadLetterOnTheReceiveThatWouldExceedMaxReceivesAndRedriveWithAFreshCount() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue().withMaxReceives(2));
        q.send(Message.of("m1", "poison"));
        for (int receive = 1; receive <= 2; receive++) {
            assertThat(q.receive("A", 1).get(0).receiveCount()).isEqualTo(receive);
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(q.receive("A", 1))
                .as("I5: the third receive moves m1 instead of delivering it")
                .isEmpty();
        assertThat(q.deadLetters()).extracting(Message::id).containsExactly("m1");
        assertThat(q.stats()).isEqualTo(new QueueStats(0, 0, 1, Duration.ZERO));
        assertThat(q.redrive()).isEqualTo(1);
        assertThat(q.receive("A", 1).get(0).receiveCount())
                .as("I5: redrive starts the count again")
                .isEqualTo(1);
    }

    @Test
    void shouldHandOutAGroupInSendOrderAndNoMoreOfItWhileAnyIsInFlight() {
        SqsWorkQueue q = queue(WorkQueueConfig.fifoQueue());
        q.send(Message.of("a1", "x").inGroup("a"));
        q.send(Message.of("a2", "x").inGroup("a"));
        q.send(Message.of("b1", "x").inGroup("b"));
        assertThat(ids(q.receive("A", 2)))
                .as("I6: as many of one group as the batch holds, in order (as SQS)")
                .containsExactly("a1", "a2");
        q.send(Message.of("a3", "x").inGroup("a"));
        assertThat(ids(q.receive("B", 10)))
                .as("I6 and I8: group a is busy, b flows past")
                .containsExactly("b1");
        clock.advance(Duration.ofSeconds(30));
        assertThat(ids(q.receive("C", 10)))
                .as("I6: expired a1 and a2 come back before a3, in order")
                .containsExactly("a1", "a2", "a3", "b1");
    }

    @Test
    void shouldHoldTheGroupForTheRestOfTheBatchWhenAReceiveWithVisibilityZeroTakesALastTry() {
        SqsWorkQueue q = queue(WorkQueueConfig.fifoQueue().withMaxReceives(1));
        q.send(Message.of("a1", "x").inGroup("a"));
        q.send(Message.of("a2", "x").inGroup("a"));
        List<Delivery> got = q.receive("A", 1, Duration.ZERO);
        assertThat(ids(got)).containsExactly("a1");
        assertThat(ids(q.receive("B", 10, Duration.ZERO)))
                .as("I5, I6: a1 is dead-lettered and a2 goes next")
                .containsExactly("a2");
        assertThat(q.deadLetters()).extracting(Message::id).containsExactly("a1");
    }

    @Test
    void shouldRefuseAReceiptFromBeforeARedriveWhenTheMessageIsDeliveredAgainWithTheSameCount() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue().withMaxReceives(1));
        q.send(Message.of("m1", "x"));
        Delivery before = q.receive("A", 1).get(0);
        clock.advance(Duration.ofSeconds(30));
        assertThat(q.receive("B", 1))
                .as("I5: the second receive dead-letters m1")
                .isEmpty();
        q.redrive();
        Delivery after = q.receive("C", 1).get(0);
        assertThat(after.receiveCount()).isEqualTo(before.receiveCount());
        assertThat(after.receipt()).as("I4: no two deliveries share a receipt").isNotEqualTo(before.receipt());
        assertThat(q.ack(before.receipt()))
                .as("I4: A's receipt died with the dead-lettering")
                .isEqualTo(ReceiptOutcome.STALE);
        assertThat(q.ack(after.receipt())).isEqualTo(ReceiptOutcome.ACCEPTED);
    }

    @Test
    void shouldRefuseAnOldReceiptWhenAnAckedMessagesIdIsReused() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("order-7", "first"));
        Delivery slow = q.receive("A", 1).get(0);
        clock.advance(Duration.ofSeconds(30));
        q.ack(q.receive("B", 1).get(0).receipt());
        q.send(Message.of("order-7", "second"));
        Delivery fresh = q.receive("C", 1).get(0);
        assertThat(q.ack(slow.receipt()))
                .as("I4: a receipt of the first order-7 cannot delete the second")
                .isEqualTo(ReceiptOutcome.STALE);
        assertThat(q.ack(fresh.receipt())).isEqualTo(ReceiptOutcome.ACCEPTED);
    }

    @Test
    void shouldRefuseADuplicateInsideTheDedupWindowAndAcceptItAfter() {
        SqsWorkQueue q = queue(WorkQueueConfig.fifoQueue().withDedupWindow(Duration.ofMinutes(5)));
        assertThat(q.send(Message.of("m1", "x").inGroup("g").withDedupId("order-7"))
                        .accepted())
                .isTrue();
        q.ack(q.receive("A", 1).get(0).receipt());
        clock.advance(Duration.ofSeconds(299));
        assertThat(q.send(Message.of("m2", "x").inGroup("g").withDedupId("order-7")))
                .as("I7: remembered after the ack, inside the window")
                .isEqualTo(SendOutcome.duplicateOf("m1"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(q.send(Message.of("m3", "x").inGroup("g").withDedupId("order-7"))
                        .accepted())
                .as("I7: the window is half-open")
                .isTrue();
    }

    @Test
    void shouldAnswerARetryDuplicateWhereverTheFirstIsWhenInsideTheDedupWindow() {
        SqsWorkQueue q = queue(WorkQueueConfig.fifoQueue()
                .withMaxReceives(1)
                .withVisibilityTimeout(Duration.ofSeconds(10))
                .withDedupWindow(Duration.ofMinutes(5)));
        Message retry = Message.of("m1", "x").inGroup("g").withDedupId("order-7");
        assertThat(q.send(retry).accepted()).isTrue();
        List<String> states = new ArrayList<>();
        states.add("waiting: " + q.send(retry));
        q.receive("A", 1);
        states.add("in flight: " + q.send(retry));
        clock.advance(Duration.ofSeconds(10));
        q.receive("B", 1); // the second receive moves it to the dead-letter queue (maxReceives 1)
        assertThat(q.deadLetters()).extracting(Message::id).containsExactly("m1");
        states.add("dead-lettered: " + q.send(retry));
        q.redrive();
        q.ack(q.receive("C", 1).get(0).receipt());
        states.add("acked: " + q.send(retry));
        String duplicate = SendOutcome.duplicateOf("m1").toString();
        assertThat(states)
                .as("I7: a retry (same id, same dedup id) inside the window is DUPLICATE in every state, as in SQS")
                .containsExactly(
                        "waiting: " + duplicate,
                        "in flight: " + duplicate,
                        "dead-lettered: " + duplicate,
                        "acked: " + duplicate);
        assertThat(q.send(Message.of("m1", "y").inGroup("g").withDedupId("order-8"))
                        .accepted())
                .as("m1 was acked: its id is free for a new message")
                .isTrue();
        assertThatThrownBy(() -> q.send(Message.of("m1", "z").inGroup("g").withDedupId("order-9")))
                .as("a new dedup id cannot take the id of a message still stored")
                .isInstanceOf(DuplicateMessageIdException.class);
    }

    @Test
    void shouldRefuseTheIdOfADeadLetterWhenItHasNoDedupIdInItsWindow() {
        SqsWorkQueue q =
                queue(WorkQueueConfig.standardQueue().withMaxReceives(1).withVisibilityTimeout(Duration.ofSeconds(10)));
        q.send(Message.of("m1", "x").withDedupId("d1"));
        q.receive("A", 1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(q.receive("A", 1)).isEmpty();
        assertThatThrownBy(() -> q.send(Message.of("m1", "x").withDedupId("d1")))
                .as("a standard queue has no dedup window: the id of a dead letter is still taken")
                .isInstanceOf(DuplicateMessageIdException.class);
    }

    @Test
    void shouldTakeEveryDecisionFromTheRulesItIsGivenWhenNotTheReference() {
        WorkQueueRules neverDeadLetters = new WorkQueueRules() {
            @Override
            protected boolean shouldDeadLetter(int receivesSoFar, int maxReceives) {
                return false;
            }
        };
        SqsWorkQueue q = new SqsWorkQueue(
                WorkQueueConfig.standardQueue().withMaxReceives(1).withVisibilityTimeout(Duration.ofSeconds(1)),
                clock,
                neverDeadLetters);
        q.send(Message.of("m1", "x"));
        q.receive("A", 1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(q.receive("A", 1)))
                .as("the rules given decide, not the reference's")
                .containsExactly("m1");
    }

    @Test
    void shouldHoldItsGuardInEveryOperationWhenCalled() {
        List<Operation> held = new ArrayList<>();
        WorkQueueRules watched = new WorkQueueRules() {
            @Override
            protected Guard newGuard() {
                return new Guard() {
                    @Override
                    protected boolean guards(Operation operation) {
                        held.add(operation);
                        return true;
                    }
                };
            }
        };
        SqsWorkQueue q = new SqsWorkQueue(WorkQueueConfig.standardQueue(), clock, watched);
        q.send(Message.of("m1", "x"));
        Delivery d = q.receive("A", 1).get(0);
        q.changeVisibility(d.receipt(), Duration.ofSeconds(5));
        q.ack(d.receipt());
        q.ackBatch(List.of(d.receipt()));
        q.deadLetters();
        q.redrive();
        q.stats();
        assertThat(held).as("every public operation takes the lock").containsExactlyInAnyOrder(Operation.values());
    }

    @Test
    void shouldReportTheAgeOfTheOldestMessageWhenSomeAreInFlight() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("m1", "x"));
        clock.advance(Duration.ofSeconds(10));
        q.send(Message.of("m2", "x"));
        q.receive("A", 1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(q.stats()).isEqualTo(new QueueStats(1, 1, 0, Duration.ofSeconds(15)));
    }

    @Test
    void shouldNameTheParameterAndItsRangeWhenAValueIsOutOfRange() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        assertThatThrownBy(() -> q.receive("A", 11))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("max 11 is out of range: use 1 to 10 messages per receive (SQS's batch limit)");
        assertThatThrownBy(() -> q.receive("A", 1, Duration.ofHours(13)))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("visibility PT13H")
                .hasMessageContaining("0s to 12h");
        assertThatThrownBy(() -> WorkQueueConfig.standardQueue().withMaxReceives(0))
                .hasMessageContaining("maxReceives 0")
                .hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> queue(WorkQueueConfig.fifoQueue()).send(Message.of("m1", "x")))
                .hasMessageContaining("m1 has no groupId");
        q.send(Message.of("m1", "x"));
        assertThatThrownBy(() -> q.send(Message.of("m1", "again"))).isInstanceOf(DuplicateMessageIdException.class);
    }

    @Test
    void shouldKeepLiveDeadlinesWhenSweepingTheLeasesOfAckedMessages() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("slow", "x"));
        q.send(Message.of("extended", "x"));
        q.receive("A", 1, Duration.ofSeconds(10));
        Delivery extended = q.receive("B", 1, Duration.ofSeconds(5)).get(0);
        for (int i = 0; i < 5_000; i++) { // thousands of acked leases: the heap is swept several times
            q.send(Message.of("m" + i, "x"));
            assertThat(q.ack(q.receive("C", 1, Duration.ofHours(1)).get(0).receipt()))
                    .isEqualTo(ReceiptOutcome.ACCEPTED);
            if (i == 2_500) {
                q.changeVisibility(extended.receipt(), Duration.ofSeconds(20));
            }
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(ids(q.receive("D", 10)))
                .as("I2: slow's deadline outlived the sweeps of stale leases")
                .containsExactly("slow");
        clock.advance(Duration.ofSeconds(10));
        assertThat(ids(q.receive("D", 10)))
                .as("I3: the extended deadline outlived them too")
                .containsExactly("extended");
        assertThat(q.stats().inFlight()).isEqualTo(2);
    }

    @Test
    void shouldGiveEachReceiptItsOwnOutcomeWhenAckedInABatch() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        for (int i = 1; i <= 3; i++) {
            q.send(Message.of("m" + i, "x"));
        }
        List<Delivery> got = q.receive("A", 3);
        assertThat(q.ack(got.get(1).receipt())).isEqualTo(ReceiptOutcome.ACCEPTED);
        List<Receipt> receipts = List.of(
                got.get(0).receipt(),
                got.get(1).receipt(),
                got.get(2).receipt(),
                got.get(0).receipt());
        assertThat(q.ackBatch(receipts))
                .as("I4: m2 was acked before the batch, and m1's receipt is given twice")
                .containsExactly(
                        ReceiptOutcome.ACCEPTED, ReceiptOutcome.STALE, ReceiptOutcome.ACCEPTED, ReceiptOutcome.STALE);
        assertThat(q.stats().inFlight()).as("I1: acked means gone").isZero();
        assertThat(q.receive("B", 10)).isEmpty();
    }

    @Test
    void shouldGiveTheSameOutcomesAsOneAckAfterAnotherWhenTheApiDefaultAcksTheBatch() {
        SqsWorkQueue reference = queue(WorkQueueConfig.standardQueue());
        SqsWorkQueue inner = queue(WorkQueueConfig.standardQueue());
        List<ReceiptOutcome> singly = new ArrayList<>();
        WorkQueue byDefault = new ForwardingQueue(inner) { // ackBatch is the api's default: one ack after another
                    @Override
                    public ReceiptOutcome ack(Receipt r) {
                        ReceiptOutcome o = super.ack(r);
                        singly.add(o);
                        return o;
                    }
                };
        for (WorkQueue q : List.of(reference, byDefault)) {
            q.send(Message.of("m1", "x"));
            q.send(Message.of("m2", "x"));
            List<Delivery> got = q.receive("A", 2);
            Receipt stale = new Receipt("m1", 99);
            assertThat(q.ackBatch(
                            List.of(stale, got.get(0).receipt(), got.get(1).receipt())))
                    .as("I4: a stale receipt does not stop the others")
                    .containsExactly(ReceiptOutcome.STALE, ReceiptOutcome.ACCEPTED, ReceiptOutcome.ACCEPTED);
        }
        assertThat(singly).as("the default acks each receipt in turn").hasSize(3);
    }

    @Test
    void shouldNameTheLimitWhenABatchOfReceiptsIsEmptyOrOverTen() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        List<Receipt> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new Receipt("m" + i, i));
        }
        assertThat(q.ackBatch(eleven.subList(0, 10)))
                .as("ten is SQS's limit, and allowed")
                .hasSize(10)
                .containsOnly(ReceiptOutcome.STALE);
        assertThatThrownBy(() -> q.ackBatch(eleven))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("receipts 11 is out of range: use 1 to 10 receipts per ackBatch (SQS's batch limit)");
        assertThatThrownBy(() -> q.ackBatch(List.of()))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("receipts 0 is out of range");
    }

    @Test
    void shouldReleaseEachMessageAtItsOwnDeadlineWhenAnExtensionMovesOnePastAnother() {
        SqsWorkQueue q = queue(WorkQueueConfig.standardQueue());
        q.send(Message.of("early", "x"));
        q.send(Message.of("late", "x"));
        Delivery early = q.receive("A", 1, Duration.ofSeconds(10)).get(0);
        clock.advance(Duration.ofSeconds(5));
        q.receive("B", 1, Duration.ofSeconds(10)); // late: due at 15s
        clock.advance(Duration.ofSeconds(1));
        q.changeVisibility(early.receipt(), Duration.ofSeconds(10)); // early: now due at 16s, after late
        clock.advance(Duration.ofSeconds(9));
        assertThat(ids(q.receive("C", 10))).as("I2: at 15s only late is due").containsExactly("late");
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids(q.receive("C", 10)))
                .as("I3: early's extension ends at 16s")
                .containsExactly("early");
    }

    /** Every call but ackBatch passed on, so that ackBatch is the contract's default. */
    private static class ForwardingQueue implements WorkQueue {
        private final WorkQueue inner;

        ForwardingQueue(WorkQueue inner) {
            this.inner = inner;
        }

        @Override
        public SendOutcome send(Message m) {
            return inner.send(m);
        }

        @Override
        public List<Delivery> receive(String consumer, int max, Duration visibility) {
            return inner.receive(consumer, max, visibility);
        }

        @Override
        public ReceiptOutcome ack(Receipt r) {
            return inner.ack(r);
        }

        @Override
        public ReceiptOutcome changeVisibility(Receipt r, Duration visibility) {
            return inner.changeVisibility(r, visibility);
        }

        @Override
        public List<Message> deadLetters() {
            return inner.deadLetters();
        }

        @Override
        public int redrive() {
            return inner.redrive();
        }

        @Override
        public QueueStats stats() {
            return inner.stats();
        }

        @Override
        public WorkQueueConfig config() {
            return inner.config();
        }
    }
}
