package dev.queuelab.check.pubsub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model's x-death order and cycle rule, on the retry loop RabbitMQ 3.10.8 (Debian 12's package) was seen to
 * answer differently from the documentation: q1 (one message, drop-head) dead-letters into a retry queue whose
 * TTL sends messages back to q1. A message A rejected comes back, is dropped by drop-head, and would go to the
 * retry queue again: a cycle since its last death there, with no rejection in it.
 */
class XDeathOrderTest {

    private static final Instant START = Instant.parse("2026-12-05T09:00:00Z");

    private static final ExchangeSetup SETUP = new ExchangeSetup(
            List.of(ExchangeSpec.of("x", ExchangeType.DIRECT), ExchangeSpec.of("retry", ExchangeType.FANOUT)),
            List.of(
                    QueueSpec.classic("q1")
                            .withMaxLength(1, Overflow.DROP_HEAD)
                            .withDeadLetters("retry", Optional.empty()),
                    QueueSpec.classic("wait")
                            .withMessageTtl(Duration.ofSeconds(3))
                            .withDeadLetters("x", Optional.of("again"))),
            List.of(
                    BindingSpec.queue("x", "q1", "k"),
                    BindingSpec.queue("x", "q1", "again"),
                    BindingSpec.queue("retry", "wait", "")),
            List.of(new ExchangeSetup.Consumer("A", "ch1", "q1", 2)));

    private static final ExchangeSetup.Consumer A = SETUP.consumers().get(0);

    @Test
    void shouldDropTheDocumentedCycleThatARejectionBeforeItDoesNotBreak() {
        BrokerModel broker = rejectedComesBackAndIsDropped(XDeathOrder.DOCUMENTED);
        // x-death [q1/maxlen, wait/expired, q1/rejected]: wait comes before the rejection, so m2 is not kept
        assertThat(broker.queues.get("wait").ready).isEmpty();
        broker.housekeep(START.plusSeconds(10));
        assertThat(broker.receive(A, "ctag-1", START.plusSeconds(10)))
                .extracting(Delivery::body)
                .containsExactly("m3");
    }

    @Test
    void shouldRecordTheOrderOfRabbitMqBefore313AndReadItsCycleThere() {
        BrokerModel broker = rejectedComesBackAndIsDropped(XDeathOrder.BEFORE_3_13);
        // 3.12 and earlier reversed [wait/expired, q1/rejected] before putting q1/maxlen in front: the rejection
        // now comes before wait, so m2 goes round again
        assertThat(broker.queues.get("wait").ready)
                .singleElement()
                .satisfies(m -> assertThat(m.deaths())
                        .extracting(d -> d.queue() + "/" + d.reason() + " x" + d.count())
                        .containsExactly("q1/maxlen x1", "q1/rejected x1", "wait/expired x1"));
        List<Delivery> back = broker.receive(A, "ctag-1", START.plusSeconds(10)); // expired, back in q1 (m3 dropped)
        assertThat(back).extracting(Delivery::body).containsExactly("m2");
        assertThat(back.get(0).deaths())
                .extracting(d -> d.queue() + "/" + d.reason() + " x" + d.count())
                .containsExactly("wait/expired x2", "q1/rejected x1", "q1/maxlen x1");
    }

    @Test
    void shouldReadTheRabbitMqVersionTheServerAnnounces() {
        assertThat(XDeathOrder.ofRabbitMq("3.10.8")).isEqualTo(XDeathOrder.BEFORE_3_13);
        assertThat(XDeathOrder.ofRabbitMq("3.12.14")).isEqualTo(XDeathOrder.BEFORE_3_13);
        assertThat(XDeathOrder.ofRabbitMq("3.13.7")).isEqualTo(XDeathOrder.DOCUMENTED);
        assertThat(XDeathOrder.ofRabbitMq("4.1.0")).isEqualTo(XDeathOrder.DOCUMENTED);
        assertThat(XDeathOrder.ofRabbitMq("4.2.0-rc.1")).isEqualTo(XDeathOrder.DOCUMENTED);
        assertThat(XDeathOrder.ofRabbitMq("unknown")).isEqualTo(XDeathOrder.DOCUMENTED);
        assertThat(XDeathOrder.ofRabbitMq(null)).isEqualTo(XDeathOrder.DOCUMENTED);
    }

    @Test
    void shouldNameTheSameEntriesInAnotherOrder() {
        XDeath rejected = new XDeath("q1", "rejected", 1, "x", List.of("k"), START);
        XDeath maxlen = new XDeath("q1", "maxlen", 1, "x", List.of("again"), START.plusSeconds(3));
        assertThat(XDeaths.difference(List.of(maxlen, rejected), List.of(rejected, maxlen)))
                .contains("the same entries in another order");
        assertThat(XDeaths.difference(List.of(maxlen, rejected), List.of(maxlen, maxlen)))
                .contains("entry 2 differs");
        XDeath stampedLate = new XDeath("q1", "rejected", 1, "x", List.of("k"), START.plusSeconds(9));
        assertThat(XDeaths.difference(List.of(maxlen, rejected), List.of(maxlen, stampedLate)))
                .contains("entry 2 differs in its time only: " + START.plusSeconds(9));
    }

    /**
     * m1 and m2 published (drop-head sends m1 to wait), A receives m2 and rejects it; both expire from wait: m1,
     * which never met a consumer, closes a cycle back to q1 and is dropped; m2 comes back. m3 then drops m2.
     */
    private static BrokerModel rejectedComesBackAndIsDropped(XDeathOrder order) {
        BrokerModel broker = new BrokerModel(SETUP, START, order);
        broker.consume(A, "ctag-1");
        broker.publish("x", "k", Map.of(), "m1", 0, false, START);
        broker.publish("x", "k", Map.of(), "m2", 0, false, START);
        List<Delivery> got = broker.receive(A, "ctag-1", START);
        assertThat(got).extracting(Delivery::body).containsExactly("m2");
        broker.settle("ch1", got.get(0).deliveryTag(), false, false, false, START); // rejected: to wait
        broker.housekeep(START.plusSeconds(4));
        assertThat(broker.queues.get("q1").ready)
                .extracting(BrokerModel.Msg::body)
                .containsExactly("m2");
        broker.publish("x", "k", Map.of(), "m3", 0, false, START.plusSeconds(4)); // drop-head: m2 dies again
        return broker;
    }
}
