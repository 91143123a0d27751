package dev.queuelab.reference.pubsub.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.SimClock;
import dev.queuelab.api.pubsub.subscription.DeadLetterPolicy;
import dev.queuelab.api.pubsub.subscription.NotFoundException;
import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference's rules one example at a time. The property checks in {@code property-tests} cover the
 * combinations; these pin the edge of each rule where it is easiest to read.
 */
class CloudPubSubTest {

    private final SimClock clock = new SimClock();
    private final CloudPubSub pubsub = new CloudPubSub(clock);

    CloudPubSubTest() {
        pubsub.createTopic("t");
        pubsub.createTopic("dead");
        pubsub.createSubscription("dead-sub", SubscriptionConfig.of("dead"));
    }

    private List<String> data(List<ReceivedMessage> got) {
        return got.stream().map(r -> r.message().data()).toList();
    }

    private void tick(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void shouldGiveASubscriptionOnlyWhatWasPublishedAfterItWasCreatedWhenItPullsLate() {
        pubsub.publish("t", PubSubMessage.of("before"));
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        pubsub.publish("t", PubSubMessage.of("after"));
        tick(3600);
        assertThat(data(pubsub.pull("a", 10)))
                .as("SB1: kept while offline, none from before")
                .containsExactly("after");
    }

    @Test
    void shouldRedeliverAtTheDeadlineAndNotBeforeWhenNotAcked() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        pubsub.publish("t", PubSubMessage.of("m1"));
        ReceivedMessage first = pubsub.pull("a", 10).get(0);
        tick(9);
        assertThat(pubsub.pull("a", 10)).as("SB2: leased for 10 s").isEmpty();
        tick(1);
        assertThat(data(pubsub.pull("a", 10)))
                .as("SB2: deliverable at the deadline")
                .containsExactly("m1");
        assertThat(pubsub.acknowledge("a", first.ackId()))
                .as("SB2: the old ack id is gone")
                .isFalse();
    }

    @Test
    void shouldCountAnExtensionFromNowWhenModifyAckDeadlineIsLate() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        pubsub.publish("t", PubSubMessage.of("m1"));
        ReceivedMessage got = pubsub.pull("a", 1).get(0);
        tick(8);
        assertThat(pubsub.modifyAckDeadline("a", got.ackId(), 10)).isTrue();
        tick(9);
        assertThat(pubsub.pull("a", 10))
                .as("SB3: 10 s from the extension, not from the delivery")
                .isEmpty();
        assertThat(pubsub.acknowledge("a", got.ackId())).isTrue();
    }

    @Test
    void shouldRedeliverAKeysLaterMessagesAfterANackedOneWhenOrdered() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t").withMessageOrdering(true));
        pubsub.publish("t", PubSubMessage.ordered("m1", "k"));
        pubsub.publish("t", PubSubMessage.ordered("m2", "k"));
        pubsub.publish("t", PubSubMessage.ordered("x", "other"));
        List<ReceivedMessage> got = pubsub.pull("a", 10);
        assertThat(pubsub.acknowledge("a", got.get(1).ackId())).isTrue();
        assertThat(pubsub.modifyAckDeadline("a", got.get(0).ackId(), 0)).isTrue();
        assertThat(data(pubsub.pull("a", 10)))
                .as("SB4: m2, acked, comes again after m1; the other key is untouched")
                .containsExactly("m1", "m2");
    }

    @Test
    void shouldDeadLetterOnTheFailureThatMakesMaxAttemptsAndNotBefore() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t").withDeadLetter("dead", 5));
        pubsub.publish("t", PubSubMessage.of("m1"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            List<ReceivedMessage> got = pubsub.pull("a", 10);
            assertThat(got).as("SB5: attempt %d is delivered", attempt).hasSize(1);
            assertThat(got.get(0).deliveryAttempt()).isEqualTo(attempt);
            assertThat(pubsub.pull("dead-sub", 10))
                    .as("SB5: not dead-lettered yet")
                    .isEmpty();
            pubsub.modifyAckDeadline("a", got.get(0).ackId(), 0);
        }
        assertThat(pubsub.pull("a", 10)).isEmpty();
        ReceivedMessage dead = pubsub.pull("dead-sub", 10).get(0);
        assertThat(dead.message().data()).isEqualTo("m1");
        assertThat(dead.message().attributes())
                .containsEntry(DeadLetterPolicy.SOURCE_SUBSCRIPTION, "a")
                .containsEntry(DeadLetterPolicy.SOURCE_DELIVERY_COUNT, "5");
    }

    @Test
    void shouldKeepTheMessagePublishedExactlyAtTheSeekTimeUnacked() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t").withRetainAckedMessages(true));
        pubsub.publish("t", PubSubMessage.of("m1"));
        tick(1);
        pubsub.publish("t", PubSubMessage.of("m2"));
        Instant m2At = clock.instant();
        pubsub.pull("a", 10).forEach(r -> pubsub.acknowledge("a", r.ackId()));
        pubsub.seek("a", m2At);
        assertThat(data(pubsub.pull("a", 10)))
                .as("SB6: before the time acked, at it unacked")
                .containsExactly("m2");
    }

    @Test
    void shouldNotReplayAnAckedMessageWhenAckedMessagesAreNotRetained() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        pubsub.publish("t", PubSubMessage.of("m1"));
        pubsub.publish("t", PubSubMessage.of("m2"));
        pubsub.acknowledge("a", pubsub.pull("a", 1).get(0).ackId());
        pubsub.seek("a", Instant.EPOCH);
        assertThat(data(pubsub.pull("a", 10))).as("SB6: m1 is gone once acked").containsExactly("m2");
    }

    @Test
    void shouldRestoreASnapshotsStateWhenSeekedToIt() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        pubsub.publish("t", PubSubMessage.of("m1"));
        pubsub.publish("t", PubSubMessage.of("m2"));
        pubsub.acknowledge("a", pubsub.pull("a", 1).get(0).ackId());
        pubsub.createSnapshot("s", "a");
        pubsub.publish("t", PubSubMessage.of("m3"));
        pubsub.pull("a", 10).forEach(r -> pubsub.acknowledge("a", r.ackId()));
        pubsub.seekToSnapshot("a", "s");
        assertThat(data(pubsub.pull("a", 10))).as("SB7").containsExactly("m2", "m3");
    }

    @Test
    void shouldDropAMessageWhenItsRetentionHasPassed() {
        pubsub.createSubscription("a", SubscriptionConfig.of("t").withMessageRetention(Duration.ofMinutes(10)));
        pubsub.publish("t", PubSubMessage.of("m1"));
        tick(599);
        pubsub.publish("t", PubSubMessage.of("m2"));
        tick(1);
        assertThat(data(pubsub.pull("a", 10)))
                .as("SB1: kept less than the retention")
                .containsExactly("m2");
    }

    @Test
    void shouldKeepAnotherSubscriptionWholeWhenOneNeverPulls() {
        pubsub.createSubscription("slow", SubscriptionConfig.of("t"));
        pubsub.createSubscription("b", SubscriptionConfig.of("t"));
        for (int i = 0; i < 5; i++) {
            pubsub.publish("t", PubSubMessage.of("m" + i));
        }
        assertThat(pubsub.pull("b", 10)).as("SB8").hasSize(5);
    }

    @Test
    void shouldRefuseBadCallsNamingTheFieldAndTheFix() {
        assertThatThrownBy(() -> pubsub.pull("nope", 1))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("subscription 'nope' does not exist: create it first");
        assertThatThrownBy(() -> SubscriptionConfig.of("t").withAckDeadline(Duration.ofSeconds(5)))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessageContaining("ackDeadline");
        assertThatThrownBy(() -> SubscriptionConfig.of("t").withDeadLetter("dead", 4))
                .hasMessageContaining("maxDeliveryAttempts 4 is out of range: use 5 to 100");
        pubsub.createSubscription("a", SubscriptionConfig.of("t"));
        assertThatThrownBy(() -> pubsub.modifyAckDeadline("a", "x", 601)).isInstanceOf(OutOfRangeException.class);
    }
}
