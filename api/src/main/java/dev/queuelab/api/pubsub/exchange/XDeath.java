package dev.queuelab.api.pubsub.exchange;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a dead-lettered message's {@code x-death} header: one per queue and reason, most recent first.
 *
 * @param reason      rejected, expired, maxlen or delivery_limit
 * @param count       how many times the message was dead-lettered from this queue for this reason
 * @param exchange    the exchange the message had been published to when it died
 * @param routingKeys the routing keys it had been published with
 * @param time        when it was last dead-lettered from this queue for this reason
 */
public record XDeath(String queue, String reason, long count, String exchange, List<String> routingKeys, Instant time) {

    public XDeath {
        routingKeys = List.copyOf(routingKeys);
    }

    @Override
    public String toString() {
        return queue + "/" + reason + " x" + count;
    }
}
