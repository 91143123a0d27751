package dev.queuelab.check.heldout.exchange;

import dev.queuelab.api.pubsub.exchange.Overflow;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One queue's ready messages, ordered by position, with its length limits and its head's expiry.
 *
 * <p>Teaches: a queue is an ordered list with a head; TTL and length limits act at the head.
 * Invariants:
 *   EX3 ready messages leave in position order, and a requeued message goes back to its original position
 *       (RabbitMQ: "placed to its original position in its queue, if possible", rabbitmq.com/docs/nack);
 *   EX8 a message is expired only at the head (x-message-ttl and per-message expiration, the shorter), and an
 *       expired message is never delivered (rabbitmq.com/docs/ttl);
 *   EX9 ready messages never exceed x-max-length nor x-max-length-bytes: drop-head drops the oldest,
 *       reject-publish and reject-publish-dlx refuse the new one (rabbitmq.com/docs/maxlength).
 * Thread-safety: none; the broker calls it under its lock.
 * Real world: a RabbitMQ classic queue's message store (rabbit_variable_queue), without paging.
 */
final class BrokerQueue {

    private final QueueSpec spec;
    private final TreeMap<Long, Stored> ready = new TreeMap<>();
    private final List<String> consumers = new ArrayList<>();
    private long bytes;
    private Instant lastUsed;

    private final Slip slip;

    BrokerQueue(QueueSpec spec, Instant declared, Slip slip) {
        this.spec = spec;
        this.slip = slip;
        this.lastUsed = declared;
    }

    QueueSpec spec() {
        return spec;
    }

    /**
     * Takes {@code m}, or refuses it (answers false) when reject-publish is on and it does not fit; {@code fast} on
     * the broker's fast publish path (nothing can expire).
     */
    boolean offer(Stored m, List<Stored> droppedOut, boolean fast) {
        if (spec.overflow() != Overflow.DROP_HEAD && !fits(m)) {
            return false;
        }
        put(m);
        if (fast && slip == Slip.FAST_PATH_DROPS_ONE) {
            // within limits before, one more message: one drop "must" be enough
            if (overLimit() && !ready.isEmpty()) {
                droppedOut.add(take());
            }
            return true;
        }
        while (overLimit() && !ready.isEmpty()) {
            droppedOut.add(take());
        }
        return true;
    }

    private boolean fits(Stored m) {
        return spec.maxLength().stream()
                        .allMatch(n -> ready.size() + (slip == Slip.REJECT_PUBLISH_ONE_OVER ? 0 : 1) <= n)
                && spec.maxLengthBytes().stream().allMatch(n -> bytes + bytes(m) <= n);
    }

    private boolean overLimit() {
        return spec.maxLength().stream().anyMatch(n -> ready.size() > n)
                || spec.maxLengthBytes().stream().anyMatch(n -> bytes > n);
    }

    /** The expired messages at the head, taken off in order, stopping at the first that has not expired. */
    List<Stored> expireHead(Instant now) {
        List<Stored> expired = new ArrayList<>();
        while (!ready.isEmpty()) {
            Stored head = ready.firstEntry().getValue();
            if (head.expiresAt().isEmpty() || head.expiresAt().get().isAfter(now)) {
                break;
            }
            expired.add(take());
        }
        return expired;
    }

    private int bytes(Stored m) {
        return slip == Slip.BYTES_AS_CHARS ? m.message().body().length() : m.bytes();
    }

    boolean hasReady() {
        return !ready.isEmpty();
    }

    Stored take() {
        Map.Entry<Long, Stored> head = ready.pollFirstEntry();
        bytes -= bytes(head.getValue());
        return head.getValue();
    }

    /** A returned message, back at its own position (EX3). */
    void put(Stored m) {
        ready.put(m.seq(), m);
        bytes += bytes(m);
    }

    void addConsumer(String tag) {
        consumers.add(tag);
    }

    void removeConsumer(String tag, Instant now) {
        consumers.remove(tag);
        if (slip != Slip.EXPIRES_FROM_DECLARE) {
            lastUsed = now;
        }
    }

    /** With single active consumer only the earliest consumer still registered gets deliveries. */
    boolean active(String tag) {
        return !spec.singleActiveConsumer() || consumers.get(0).equals(tag);
    }

    /** x-expires: unused (no consumer) for that long since declared or last used. */
    boolean expired(Instant now) {
        return consumers.isEmpty()
                && spec.expires().isPresent()
                && !lastUsed.plus(spec.expires().get()).isAfter(now);
    }
}
