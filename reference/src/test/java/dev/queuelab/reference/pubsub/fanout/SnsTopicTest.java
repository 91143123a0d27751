package dev.queuelab.reference.pubsub.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.pubsub.fanout.Condition;
import dev.queuelab.api.pubsub.fanout.FilterPolicy;
import dev.queuelab.api.pubsub.fanout.Notification;
import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.PublishOutcome;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.api.workqueue.Delivery;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The topic's invariants FO1 to FO6, each at its edge. */
class SnsTopicTest {

    private final SimClock clock = new SimClock();

    private static Publication pub(String id, Map<String, Value> attributes) {
        return new Publication(id, attributes, Map.of("n", Value.number(1)), null, null);
    }

    private static SubscriptionConfig filtered(FilterPolicy f, boolean raw, boolean dlq) {
        return new SubscriptionConfig(Optional.of(f), raw, dlq, WorkQueueConfig.standardQueue());
    }

    private static List<String> ids(List<Delivery> ds) {
        return ds.stream().map(Delivery::messageId).toList();
    }

    @Test
    void shouldDeliverToEveryMatchingQueueWhenNoConsumerIsUp() {
        SnsTopic topic = new SnsTopic(TopicConfig.standard("t"), clock);
        topic.subscribe("all", new SubscriptionConfig(Optional.empty(), true, false, WorkQueueConfig.standardQueue()));
        topic.subscribe(
                "red",
                filtered(
                        FilterPolicy.of(
                                FilterPolicy.Scope.MESSAGE_ATTRIBUTES,
                                Map.of("color", List.of(Condition.exact("red")))),
                        true,
                        false));
        topic.publish(pub("m1", Map.of("color", Value.string("red"))));
        topic.publish(pub("m2", Map.of("color", Value.string("blue"))));
        assertThat(ids(topic.queue("all").receive("c", 10))).containsExactly("m1", "m2");
        List<Delivery> red = topic.queue("red").receive("c", 10);
        assertThat(ids(red)).containsExactly("m1");
        assertThat(red.get(0).message().payload()).isEqualTo("{\"n\":1}");
        assertThat(red.get(0).message().headers()).containsEntry("color", "red");
    }

    @Test
    void shouldMatchAMissingAttributeOnlyByExistsFalseAndOnlyWhenSomeAttributeIsThere() {
        FilterPolicy notStore = FilterPolicy.of(
                FilterPolicy.Scope.MESSAGE_ATTRIBUTES, Map.of("store", List.of(Condition.exists(false))));
        FilterPolicy butRed = FilterPolicy.of(
                FilterPolicy.Scope.MESSAGE_ATTRIBUTES,
                Map.of("color", List.of(Condition.anythingBut(Value.string("red")))));
        assertThat(FilterMatcher.matches(notStore, pub("a", Map.of("color", Value.string("x")))))
                .isTrue();
        assertThat(FilterMatcher.matches(notStore, pub("b", Map.of()))).isFalse();
        assertThat(FilterMatcher.matches(butRed, pub("c", Map.of()))).isFalse();
        assertThat(FilterMatcher.matches(butRed, pub("d", Map.of("color", Value.string("blue")))))
                .isTrue();
    }

    @Test
    void shouldMatchWhenARangePrefixAlternativeOrBodyPropertyHolds() {
        FilterPolicy policy = new FilterPolicy(
                FilterPolicy.Scope.MESSAGE_BODY,
                List.of(
                        Map.of("n", List.of(Condition.between(0, false, 5, true))),
                        Map.of("s", List.of(Condition.prefix("bl")))));
        assertThat(FilterMatcher.matches(
                        policy, new Publication("a", Map.of(), Map.of("n", Value.number(5)), null, null)))
                .isTrue();
        assertThat(FilterMatcher.matches(
                        policy, new Publication("b", Map.of(), Map.of("n", Value.number(0)), null, null)))
                .isFalse();
        assertThat(FilterMatcher.matches(
                        policy, new Publication("c", Map.of(), Map.of("s", Value.string("blue")), null, null)))
                .isTrue();
        assertThat(FilterMatcher.matches(
                        policy, new Publication("d", Map.of("n", Value.number(3)), Map.of(), null, null)))
                .isFalse();
    }

    @Test
    void shouldDeadLetterAndGoOnToTheOthersWhenAQueueRefuses() {
        SnsTopic topic = new SnsTopic(TopicConfig.standard("t"), clock);
        topic.subscribe("a", new SubscriptionConfig(Optional.empty(), false, true, WorkQueueConfig.standardQueue()));
        topic.subscribe("b", SubscriptionConfig.standard());
        topic.refuse("a", true);
        Publication p = pub("m1", Map.of());
        topic.publish(p);
        topic.refuse("a", false);
        topic.publish(pub("m2", Map.of()));
        assertThat(topic.deadLetters("a")).extracting(m -> m.id()).containsExactly("m1");
        assertThat(topic.deadLetters("a").get(0).payload()).isEqualTo(Notification.envelope("t", p));
        assertThat(ids(topic.queue("a").receive("c", 10))).containsExactly("m2");
        assertThat(ids(topic.queue("b").receive("c", 10))).containsExactly("m1", "m2");
    }

    @Test
    void shouldAnswerDuplicateForTheWholeFanoutWhenRetriedWithinTheWindow() {
        SnsTopic topic = new SnsTopic(TopicConfig.fifo("t.fifo", true), clock);
        SubscriptionConfig fifo = new SubscriptionConfig(Optional.empty(), true, false, WorkQueueConfig.fifoQueue());
        topic.subscribe("a", fifo);
        Publication first = new Publication("m1", Map.of(), Map.of("k", Value.string("v")), "g", null);
        assertThat(topic.publish(first)).isEqualTo(PublishOutcome.accepted("m1"));
        topic.subscribe("b", fifo);
        Publication again = new Publication("m2", Map.of(), Map.of("k", Value.string("v")), "g", null);
        assertThat(topic.publish(again)).isEqualTo(PublishOutcome.duplicateOf("m1"));
        assertThat(topic.queue("b").receive("c", 10)).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        assertThat(topic.publish(new Publication("m3", Map.of(), Map.of("k", Value.string("v")), "g", null)))
                .isEqualTo(PublishOutcome.accepted("m3"));
        assertThatThrownBy(() -> topic.publish(new Publication("m4", Map.of(), Map.of(), null, "d")))
                .hasMessageContaining("group id");
        assertThatThrownBy(() -> topic.subscribe("s", SubscriptionConfig.standard()))
                .hasMessageContaining("FIFO");
    }
}
