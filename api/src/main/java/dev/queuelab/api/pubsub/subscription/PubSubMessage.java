package dev.queuelab.api.pubsub.subscription;

import java.util.Map;
import java.util.Objects;

/**
 * What a publisher sends: the data, an ordering key ({@code ""} for none) and attributes.
 *
 * @param data        the payload
 * @param orderingKey messages of one key are delivered in publish order on a subscription with message ordering
 * @param attributes  name to value; a dead-lettered copy carries the {@code CloudPubSubDeadLetter*} ones too
 */
public record PubSubMessage(String data, String orderingKey, Map<String, String> attributes) {

    public PubSubMessage {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(orderingKey, "orderingKey (use \"\" for none)");
        attributes = Map.copyOf(attributes);
    }

    public static PubSubMessage of(String data) {
        return new PubSubMessage(data, "", Map.of());
    }

    public static PubSubMessage ordered(String data, String orderingKey) {
        return new PubSubMessage(data, orderingKey, Map.of());
    }
}
