package dev.queuelab.reference.pubsub.exchange;

import dev.queuelab.api.pubsub.exchange.Message;
import dev.queuelab.api.pubsub.exchange.XDeath;
import dev.queuelab.reference.pubsub.Utf8;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message in one queue: its position ({@code seq}: a requeue puts it back there), what was published,
 * the exchange it was last published to, its body's UTF-8 size ({@code bytes}, for x-max-length-bytes), and its
 * {@link Past}: its deaths, when it expires, whether it was delivered before. The size is counted once per
 * publish however many queues it reaches ({@link #UNCOUNTED} while no queue has a byte limit: {@link #size()}
 * counts it when asked), and every queue holds the same {@link Message}, so a fanout to N queues copies no body.
 * A message published with no expiry shares {@link #FRESH}: a publish allocates this record and nothing else.
 */
record Stored(long seq, Message message, String exchange, int bytes, Past past) {

    /** What a message carries from its history: x-death, expiry, redelivery, a quorum queue's delivery count. */
    record Past(List<XDeath> deaths, Optional<Instant> expiresAt, boolean redelivered, long deliveryCount) {}

    /** The past of a message never delivered, never dead, that never expires. */
    static final Past FRESH = new Past(List.of(), Optional.empty(), false, 0);

    /** The {@code bytes} of a message published while no queue counted bytes. */
    static final int UNCOUNTED = -1;

    static int bytesOf(Message m) {
        return Utf8.length(m.body());
    }

    /** A message as published, expiring at {@code expiresAt} (or never). */
    static Stored published(long seq, Message m, String exchange, int bytes, Optional<Instant> expiresAt) {
        return new Stored(
                seq, m, exchange, bytes, expiresAt.isEmpty() ? FRESH : new Past(List.of(), expiresAt, false, 0));
    }

    List<XDeath> deaths() {
        return past.deaths();
    }

    Optional<Instant> expiresAt() {
        return past.expiresAt();
    }

    boolean redelivered() {
        return past.redelivered();
    }

    long deliveryCount() {
        return past.deliveryCount();
    }

    /** The body's UTF-8 size. */
    int size() {
        return bytes == UNCOUNTED ? bytesOf(message) : bytes;
    }

    Stored returned(boolean counted) {
        Past back = new Past(past.deaths(), past.expiresAt(), true, past.deliveryCount() + (counted ? 1 : 0));
        return new Stored(seq, message, exchange, bytes, back);
    }

    Stored at(long position) {
        return new Stored(position, message, exchange, bytes, past);
    }
}
