package dev.queuelab.api.pubsub.exchange;

import java.util.List;
import java.util.Map;

/**
 * One message pushed to a consumer.
 *
 * @param deliveryTag   the channel's number for it: 1, 2, 3... on each channel
 * @param exchange      the exchange it was last published to (the dead-letter exchange after dead-lettering)
 * @param routingKey    the routing key it was last published with
 * @param redelivered   it was delivered before and returned to its queue
 * @param deliveryCount a quorum queue's {@code x-delivery-count}: how many times it was returned (0 elsewhere)
 * @param deaths        its {@code x-death} header, most recent first; empty when it never died
 */
public record Delivery(
        String consumerTag,
        long deliveryTag,
        String queue,
        String exchange,
        String routingKey,
        Map<String, String> headers,
        String body,
        boolean redelivered,
        long deliveryCount,
        List<XDeath> deaths) {

    public Delivery {
        headers = Map.copyOf(headers);
        deaths = List.copyOf(deaths);
    }

    @Override
    public String toString() {
        return body + "#" + deliveryTag + (redelivered ? " redelivered" : "")
                + (deliveryCount > 0 ? " count " + deliveryCount : "") + (deaths.isEmpty() ? "" : " " + deaths);
    }
}
