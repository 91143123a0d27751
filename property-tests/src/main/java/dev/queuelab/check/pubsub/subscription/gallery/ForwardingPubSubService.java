package dev.queuelab.check.pubsub.subscription.gallery;

import dev.queuelab.api.pubsub.subscription.PubSubMessage;
import dev.queuelab.api.pubsub.subscription.PubSubService;
import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import java.time.Instant;
import java.util.List;

/**
 * A topic service that passes every call to another: a gallery variant that changes what the api answers (not a
 * rule inside the reference) overrides the one method its mistake is in.
 */
class ForwardingPubSubService implements PubSubService {

    protected final PubSubService inner;

    ForwardingPubSubService(PubSubService inner) {
        this.inner = inner;
    }

    @Override
    public void createTopic(String topic) {
        inner.createTopic(topic);
    }

    @Override
    public void createSubscription(String subscription, SubscriptionConfig config) {
        inner.createSubscription(subscription, config);
    }

    @Override
    public String publish(String topic, PubSubMessage message) {
        return inner.publish(topic, message);
    }

    @Override
    public List<ReceivedMessage> pull(String subscription, int maxMessages) {
        return inner.pull(subscription, maxMessages);
    }

    @Override
    public boolean acknowledge(String subscription, String ackId) {
        return inner.acknowledge(subscription, ackId);
    }

    @Override
    public boolean modifyAckDeadline(String subscription, String ackId, int seconds) {
        return inner.modifyAckDeadline(subscription, ackId, seconds);
    }

    @Override
    public void seek(String subscription, Instant time) {
        inner.seek(subscription, time);
    }

    @Override
    public void createSnapshot(String snapshot, String subscription) {
        inner.createSnapshot(snapshot, subscription);
    }

    @Override
    public void seekToSnapshot(String subscription, String snapshot) {
        inner.seekToSnapshot(subscription, snapshot);
    }
}
