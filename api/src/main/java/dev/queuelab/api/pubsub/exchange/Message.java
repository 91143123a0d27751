package dev.queuelab.api.pubsub.exchange;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a publisher sends.
 *
 * @param expiration the per-message TTL ({@code expiration} property), if any
 */
public record Message(String routingKey, Map<String, String> headers, String body, Optional<Duration> expiration) {

    public Message {
        headers = Map.copyOf(headers);
    }
}
