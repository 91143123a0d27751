package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.XDeath;
import dev.queuelab.reference.pubsub.Utf8;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message in one queue: its position ({@code seq}: a requeue puts it back there), what was published,
 * the exchange it was last published to, its deaths, when it expires, whether it was delivered before, and its
 * body's UTF-8 size ({@code bytes}, for x-max-length-bytes), counted once per publish however many queues it
 * reaches ({@link #UNCOUNTED} while no queue has a byte limit: {@link #size()} counts it when asked): every queue
 * holds the same {@link Message}, so a fanout to N queues copies no body.
 */
record Stored(
        long seq,
        Message message,
        String exchange,
        List<XDeath> deaths,
        Optional<Instant> expiresAt,
        boolean redelivered,
        long deliveryCount,
        int bytes) {

    /** The {@code bytes} of a message published while no queue counted bytes. */
    static final int UNCOUNTED = -1;

    static int bytesOf(Message m) {
        return Utf8.length(m.body());
    }

    /** The body's UTF-8 size. */
    int size() {
        return bytes == UNCOUNTED ? bytesOf(message) : bytes;
    }

    Stored returned(boolean counted) {
        return new Stored(seq, message, exchange, deaths, expiresAt, true, deliveryCount + (counted ? 1 : 0), bytes);
    }

    Stored at(long position) {
        return new Stored(position, message, exchange, deaths, expiresAt, redelivered, deliveryCount, bytes);
    }
}
