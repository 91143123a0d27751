package dev.queuelab.reference.pubsub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RabbitBrokerTest {

    private final SimClock clock = new SimClock();
    private final RabbitBroker broker = new RabbitBroker(clock);

    private static Message m(String key, String body) {
        return new Message(key, Map.of(), body, Optional.empty());
    }

    private List<String> bodies(List<Delivery> ds) {
        return ds.stream().map(Delivery::body).toList();
    }

    @Test
    void shouldMatchHashOnZeroOrMoreWordsAndStarOnExactlyOneWhenRoutingATopic() {
        broker.declareExchange(ExchangeSpec.of("t", ExchangeType.TOPIC));
        broker.declareQueue(QueueSpec.classic("q"));
        broker.bind(BindingSpec.queue("t", "q", "a.#.z"));
        broker.declareQueue(QueueSpec.classic("s"));
        broker.bind(BindingSpec.queue("t", "s", "*.b"));
        String q = broker.consume("ch", "q", 0);
        String s = broker.consume("ch", "s", 0);
        for (String key : List.of("a.z", "a.b.z", "a.b.c.z", "az", "a.z.y", "x.b", "b", "a..b")) {
            broker.publish("t", m(key, key), false);
        }
        assertThat(bodies(broker.receive(q)))
                .as("EX1a: # matches zero or more words")
                .containsExactly("a.z", "a.b.z", "a.b.c.z");
        assertThat(bodies(broker.receive(s)))
                .as("EX1a: * matches exactly one word")
                .containsExactly("x.b");
    }

    @Test
    void shouldAnswerAReceiveThatStaysAsItWasWhenItsDeliveriesAreSettledOrRequeuedLater() {
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        broker.declareQueue(QueueSpec.classic("q"));
        broker.bind(BindingSpec.queue("f", "q", ""));
        String c = broker.consume("ch", "q", 0);
        for (int i = 0; i < 15; i++) {
            broker.publish("f", m("k", "m" + i), false);
            if (i == 9) { // ten delivered and acked: the channel's 16-slot unacked ring now starts at slot 10
                assertThat(broker.ack("ch", broker.receive(c).get(9).deliveryTag(), true))
                        .isEqualTo(10);
            }
        }
        assertThat(broker.receive(c)).hasSize(5);
        for (int i = 15; i < 25; i++) {
            broker.publish("f", m("k", "m" + i), false);
        }
        List<Delivery> run = broker.receive(c); // slots 15 to 24: the run wraps past the ring's end
        List<Delivery> before = List.copyOf(run);
        assertThat(run)
                .extracting(Delivery::deliveryTag)
                .containsExactly(16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L);
        assertThat(run)
                .extracting(Delivery::body)
                .containsExactly("m15", "m16", "m17", "m18", "m19", "m20", "m21", "m22", "m23", "m24");
        assertThat(broker.nack("ch", 25, true, true))
                .as("every unacked delivery back to its queue")
                .isEqualTo(15);
        assertThat(run)
                .as("a receive is what was handed over then: its run is not a view of the channel's unacked deliveries")
                .isEqualTo(before)
                .allMatch(d -> !d.redelivered()
                        && d.consumerTag().equals(c)
                        && d.queue().equals("q"));
        assertThat(run.get(0)).isEqualTo(run.get(0)).hasToString("m15#16");
        assertThat(broker.receive(c))
                .as("the requeued ones come back in their order, redelivered")
                .allMatch(Delivery::redelivered)
                .extracting(Delivery::body)
                .containsExactly(
                        "m10", "m11", "m12", "m13", "m14", "m15", "m16", "m17", "m18", "m19", "m20", "m21", "m22",
                        "m23", "m24");
        assertThatThrownBy(() -> run.get(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> run.add(run.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldKeepEveryQueueLimitOnARouteItHasCachedWhenNothingCanExpire() {
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        broker.declareQueue(QueueSpec.classic("all"));
        broker.declareQueue(QueueSpec.classic("latest").withMaxLength(1, Overflow.DROP_HEAD));
        broker.declareQueue(QueueSpec.classic("first").withMaxLength(1, Overflow.REJECT_PUBLISH));
        for (String q : List.of("all", "latest", "first")) {
            broker.bind(BindingSpec.queue("f", q, ""));
        }
        List<Boolean> acked = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) { // from the second publish on, the route's queues are cached
            acked.add(broker.publish("f", m("", "m" + i), false).acked());
        }
        assertThat(acked)
                .as("EX4: reject-publish nacks each publish the full queue refused")
                .containsExactly(true, false, false, false);
        assertThat(bodies(broker.receive(broker.consume("ch", "all", 0)))).containsExactly("m0", "m1", "m2", "m3");
        assertThat(bodies(broker.receive(broker.consume("ch", "latest", 0))))
                .as("EX9: drop-head keeps the newest")
                .containsExactly("m3");
        assertThat(bodies(broker.receive(broker.consume("ch", "first", 0))))
                .as("EX9: reject-publish keeps the oldest")
                .containsExactly("m0");
    }

    @Test
    void shouldPutARequeuedMessageBackAtItsPositionWhenNacked() {
        broker.declareExchange(ExchangeSpec.of("d", ExchangeType.DIRECT));
        broker.declareQueue(QueueSpec.classic("q"));
        broker.bind(BindingSpec.queue("d", "q", "k"));
        String c = broker.consume("ch", "q", 1);
        broker.publish("d", m("k", "m1"), false);
        broker.publish("d", m("k", "m2"), false);
        Delivery first = broker.receive(c).get(0);
        assertThat(broker.receive(c)).as("EX2: prefetch 1 holds one").isEmpty();
        broker.nack("ch", first.deliveryTag(), false, true);
        Delivery again = broker.receive(c).get(0);
        assertThat(again.body()).as("EX3: m1 back at the head").isEqualTo("m1");
        assertThat(again.redelivered()).isTrue();
        assertThat(again.deliveryTag()).as("EX10").isEqualTo(2);
    }

    /**
     * A work queue {@code w} (as given) dead-lettering into a retry queue r, whose 5 s TTL sends messages back to w
     * (key k): answers the tag of a consumer of w on channel "ch".
     */
    private String retryLoop(QueueSpec w) {
        broker.declareExchange(ExchangeSpec.of("work", ExchangeType.DIRECT));
        broker.declareExchange(ExchangeSpec.of("retry", ExchangeType.FANOUT));
        broker.declareQueue(w.withDeadLetters("retry", Optional.empty()));
        broker.declareQueue(
                QueueSpec.classic("r").withMessageTtl(Duration.ofSeconds(5)).withDeadLetters("work", Optional.empty()));
        broker.bind(BindingSpec.queue("work", "w", "k"));
        broker.bind(BindingSpec.queue("retry", "r", ""));
        return broker.consume("ch", "w", 0);
    }

    @Test
    void shouldRecordEachDeathAndCountRepeatsWhenAMessageCyclesThroughARetryQueue() {
        String c = retryLoop(QueueSpec.classic("w"));
        broker.publish("work", m("k", "m1"), false);
        java.time.Instant first = clock.instant();
        for (int round = 1; round <= 2; round++) {
            broker.reject("ch", broker.receive(c).get(0).deliveryTag(), false);
            clock.advance(Duration.ofSeconds(5));
        }
        Delivery d = broker.receive(c).get(0);
        assertThat(d.deaths())
                .as("EX7: most recent first, counted per queue and reason")
                .hasSize(2);
        assertThat(d.deaths().get(0).queue()).isEqualTo("r");
        assertThat(d.deaths().get(0).reason()).isEqualTo("expired");
        assertThat(d.deaths().get(0).count()).isEqualTo(2);
        assertThat(d.deaths().get(1).reason()).isEqualTo("rejected");
        assertThat(d.deaths().get(1).count()).isEqualTo(2);
        assertThat(d.deaths())
                .extracting(XDeath::time)
                .as("EX7: a repeat keeps its first death's time, as RabbitMQ does; only the count moves")
                .containsExactly(first.plusSeconds(5), first);
    }

    @Test
    void shouldDropACycleWithNoRejectionSinceTheMessageLastDiedInItsTargetEvenAfterAnOlderOne() {
        String c = retryLoop(QueueSpec.classic("w").withMaxLength(1, Overflow.DROP_HEAD));
        broker.publish("work", m("k", "m1"), false);
        broker.reject("ch", broker.receive(c).get(0).deliveryTag(), false); // rejected: to r
        clock.advance(Duration.ofSeconds(5)); // expired from r: back in w, a rejection in its history
        broker.publish("work", m("k", "m2"), false); // drop-head: m1 dies in w again, no rejection since r
        String r = broker.consume("ch2", "r", 0);
        assertThat(broker.receive(r))
                .as("EX11: [w/maxlen, r/expired, w/rejected] into r closes a cycle with no rejection in it")
                .isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(bodies(broker.receive(c))).as("EX11: only m2 is left").containsExactly("m2");
    }

    @Test
    void shouldNackAndReturnOnlyWhatTheContractSaysWhenQueuesRefuseOrNothingRoutes() {
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        broker.declareExchange(ExchangeSpec.of("none", ExchangeType.DIRECT));
        broker.declareQueue(QueueSpec.classic("a").withMaxLength(1, Overflow.REJECT_PUBLISH));
        broker.declareQueue(QueueSpec.classic("b"));
        broker.bind(BindingSpec.queue("f", "a", ""));
        broker.bind(BindingSpec.queue("f", "b", ""));
        assertThat(broker.publish("f", m("", "m1"), true)).isEqualTo(new Published(true, false));
        assertThat(broker.publish("f", m("", "m2"), true))
                .as("EX4: a refused it")
                .isEqualTo(new Published(false, false));
        assertThat(broker.publish("none", m("x", "m3"), true)).as("EX5").isEqualTo(new Published(true, true));
        String b = broker.consume("ch", "b", 0);
        assertThat(bodies(broker.receive(b))).as("b took both").containsExactly("m1", "m2");
    }

    @Test
    void shouldDeadLetterPastTheDeliveryLimitWhenAQuorumQueueMessageIsReturned() {
        broker.declareExchange(ExchangeSpec.of("d", ExchangeType.DIRECT));
        broker.declareExchange(ExchangeSpec.of("dlx", ExchangeType.FANOUT));
        broker.declareQueue(QueueSpec.classic("q").withQuorum(1).withDeadLetters("dlx", Optional.empty()));
        broker.declareQueue(QueueSpec.classic("dlq"));
        broker.bind(BindingSpec.queue("d", "q", "k"));
        broker.bind(BindingSpec.queue("dlx", "dlq", ""));
        String c = broker.consume("ch", "q", 0);
        broker.publish("d", m("k", "m1"), false);
        broker.nack("ch", broker.receive(c).get(0).deliveryTag(), false, true);
        Delivery second = broker.receive(c).get(0);
        assertThat(second.deliveryCount()).as("EX12").isEqualTo(1);
        broker.nack("ch", second.deliveryTag(), false, true);
        assertThat(broker.receive(c)).isEmpty();
        Delivery dead = broker.receive(broker.consume("ch2", "dlq", 0)).get(0);
        assertThat(dead.deaths().get(0).reason()).isEqualTo("delivery_limit");
    }

    @Test
    void shouldDeleteAQueueUnusedForItsExpiryWhenTimePasses() {
        broker.declareQueue(QueueSpec.classic("q").withExpires(Duration.ofSeconds(10)));
        clock.advance(Duration.ofSeconds(9));
        assertThat(broker.queueExists("q")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(broker.queueExists("q")).as("EX13").isFalse();
    }

    @Test
    void shouldKeepAQueueOrExchangeDeclaredAgainAsItIsAndRefuseOneDeclaredOtherwise() {
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        broker.declareQueue(QueueSpec.classic("q"));
        broker.bind(BindingSpec.queue("f", "q", ""));
        broker.publish("f", m("", "first"), false);
        broker.declareQueue(QueueSpec.classic("q")); // EX14: the same arguments
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        assertThatThrownBy(() -> broker.declareQueue(QueueSpec.classic("q").withMaxLength(1, Overflow.DROP_HEAD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRECONDITION_FAILED");
        assertThatThrownBy(() -> broker.declareExchange(ExchangeSpec.of("f", ExchangeType.DIRECT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRECONDITION_FAILED");
        broker.publish("f", m("", "second"), false);
        broker.publish("f", m("", "third"), false);
        String c = broker.consume("ch", "q", 0);
        assertThat(bodies(broker.receive(c)))
                .as("EX14: its messages, its binding and its lack of a length limit kept")
                .containsExactly("first", "second", "third");
    }

    @Test
    void shouldRouteToAQueueDeclaredAgainAfterItExpiredWithItsNewLimits() {
        broker.declareExchange(ExchangeSpec.of("f", ExchangeType.FANOUT));
        broker.declareQueue(QueueSpec.classic("q").withExpires(Duration.ofSeconds(10)));
        broker.bind(BindingSpec.queue("f", "q", ""));
        broker.publish("f", m("", "abcdef"), false);
        broker.publish("f", m("", "abcdef"), false); // the same route twice: a publish may now skip looking it up
        clock.advance(Duration.ofSeconds(11));
        assertThat(broker.queueExists("q")).as("EX13").isFalse();
        broker.declareQueue(QueueSpec.classic("q").withMaxLengthBytes(10, Overflow.REJECT_PUBLISH));
        broker.bind(BindingSpec.queue("f", "q", ""));
        assertThat(broker.publish("f", m("", "123456"), false).acked()).isTrue();
        assertThat(broker.publish("f", m("", "12345"), false).acked())
                .as("EX1, EX4: the new queue holds 6 bytes, and 5 more pass its 10: refused, so nacked")
                .isFalse();
    }
}
