package dev.queuelab.reference.semantics;

import dev.queuelab.api.pubsub.fanout.Publication;
import dev.queuelab.api.pubsub.fanout.SubscriptionConfig;
import dev.queuelab.api.pubsub.fanout.Topic;
import dev.queuelab.api.pubsub.fanout.TopicConfig;
import dev.queuelab.api.pubsub.fanout.Value;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import dev.queuelab.reference.pubsub.fanout.SnsTopic;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline's broker on durable fanout: a publish goes to a topic with two subscriptions, "billing" and
 * "shipping", each a work queue of its own (raw delivery, the idempotency key in a message attribute).
 * Consumers take turns between the subscriptions: C1 reads billing, C2 shipping, C3 billing again, and so on.
 *
 * Teaches: durable pub/sub is at-least-once per subscription: every subscription gets its own copy, redelivers
 * it on its own lease, and needs its own effect and its own dedupe key. The same message id arrives in every
 * subscription, so a dedupe table shared by the subscriptions and keyed by the message alone makes the second
 * subscription skip its copy as "already processed": a loss that looks like idempotence.
 * Invariants (numbered as in {@link Pipeline}): DL4 the idempotency key travels as an attribute into every
 * subscription, unchanged; DL7 each subscription's consumers see each publish once per copy the topic made,
 * and their effects and dedupe keys are scoped to the subscription.
 * Thread-safety: as the topic under it; {@link Pipeline} calls it from one thread.
 * Real world: SNS with two SQS subscriptions (raw message delivery), each drained by its own service; the same
 * shape as Google Pub/Sub's subscriptions or two Kafka consumer groups on one topic.
 */
public final class FanoutBroker implements Broker {

    /** The topic's subscriptions, in the order consumers are dealt to them. */
    public static final List<String> SUBSCRIPTIONS = List.of("billing", "shipping");

    private final Map<String, QueueBroker> queues = new LinkedHashMap<>();
    private final Topic topic;
    private long published;

    /** A topic whose subscriptions are work queues with {@code queue}'s settings (its visibility timeout). */
    public FanoutBroker(WorkQueueConfig queue, InstantSource clock) {
        this.topic = new SnsTopic(TopicConfig.standard("orders"), clock);
        for (String s : SUBSCRIPTIONS) {
            topic.subscribe(s, new SubscriptionConfig(Optional.empty(), true, false, queue));
            queues.put(s, new QueueBroker(topic.queue(s)));
        }
    }

    @Override
    public Answer publish(Request request) {
        String id = "n" + (++published); // as SNS names each publish: a retry is a new notification
        topic.publish(
                new Publication(id, Map.of(QueueBroker.KEY_HEADER, Value.string(request.key())), Map.of(), null, null));
        return new Answer(true, "published as " + id + " to " + String.join(" and ", SUBSCRIPTIONS));
    }

    @Override
    public Optional<Received> receive(String consumer) {
        String s = subscriptionOf(consumer);
        return queues.get(s).receive(consumer).map(r -> new Received(r.key(), s + "'s " + r.name(), r.handle()));
    }

    @Override
    public boolean ack(String consumer, Received received) {
        return queues.get(subscriptionOf(consumer)).ack(consumer, received);
    }

    @Override
    public void crashed(String consumer) {
        // each subscription's lease runs out on its own: its queue redelivers at the visibility deadline
    }

    /** The subscription a consumer reads: C1 the first, C2 the second, C3 the first again. */
    public String subscriptionOf(String consumer) {
        int digits = consumer.length();
        while (digits > 0 && Character.isDigit(consumer.charAt(digits - 1))) {
            digits--;
        }
        int n = digits == consumer.length() ? 1 : Integer.parseInt(consumer.substring(digits));
        return SUBSCRIPTIONS.get(Math.floorMod(n - 1, SUBSCRIPTIONS.size()));
    }

    /** One consumer per subscription, the ones a drain runs until every subscription is empty. */
    public List<String> drainers() {
        return List.of("C1", "C2");
    }
}
