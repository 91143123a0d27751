package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.XDeath;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message in one queue: its position ({@code seq}: a requeue puts it back there), what was published,
 * the exchange it was last published to, its deaths, when it expires, and whether it was delivered before.
 */
record Stored(
        long seq,
        Message message,
        String exchange,
        List<XDeath> deaths,
        Optional<Instant> expiresAt,
        boolean redelivered,
        long deliveryCount) {

    Stored returned(boolean counted) {
        return new Stored(seq, message, exchange, deaths, expiresAt, true, deliveryCount + (counted ? 1 : 0));
    }

    Stored at(long position) {
        return new Stored(position, message, exchange, deaths, expiresAt, redelivered, deliveryCount);
    }

    int bytes() {
        return message.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
