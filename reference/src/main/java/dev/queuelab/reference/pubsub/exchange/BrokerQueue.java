package dev.queuelab.reference.pubsub.exchange;

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
    /** Ready messages as published, in position order: a ring of plain slots, {@code count} from {@code head}. */
    private Stored[] inOrder = new Stored[16];

    private int head;
    private int count;
    /** The position of the message last put at the tail: a put behind it is a requeue. */
    private long tailSeq;
    /** Messages put back behind the tail's position (requeued to their place), in position order. */
    private final TreeMap<Long, Stored> returned = new TreeMap<>();

    private final List<String> consumers = new ArrayList<>();
    /** Whether it has a length limit at all: a queue without one skips every limit check. */
    private final boolean limited;
    /** Whether it counts bytes (x-max-length-bytes): only then does a message's size matter here. */
    private final boolean byteLimited;

    private long bytes;
    private Instant lastUsed;

    BrokerQueue(QueueSpec spec, Instant declared) {
        this.spec = spec;
        this.lastUsed = declared;
        this.byteLimited = spec.maxLengthBytes().isPresent();
        this.limited = spec.maxLength().isPresent() || byteLimited;
    }

    QueueSpec spec() {
        return spec;
    }

    /** Whether a length limit can refuse or drop anything here (without one, {@link #put} is all an offer does). */
    boolean limited() {
        return limited;
    }

    /** Takes {@code m}, or refuses it (answers false) when reject-publish is on and it does not fit. */
    boolean offer(Stored m) {
        if (limited && spec.overflow() != Overflow.DROP_HEAD && !fits(m)) {
            return false;
        }
        put(m);
        return true;
    }

    /** What drop-head pushes out of the head to bring the queue back under its limits (EX9), oldest first. */
    List<Stored> dropOverLimit() {
        if (!limited || !overLimit()) {
            return List.of();
        }
        List<Stored> dropped = new ArrayList<>();
        while (overLimit() && hasReady()) {
            dropped.add(take());
        }
        return dropped;
    }

    /** How many messages are ready. */
    int ready() {
        return count + returned.size();
    }

    private boolean fits(Stored m) {
        return (spec.maxLength().isEmpty() || ready() + 1 <= spec.maxLength().getAsInt())
                && (!byteLimited || bytes + m.size() <= spec.maxLengthBytes().getAsLong());
    }

    private boolean overLimit() {
        return (spec.maxLength().isPresent() && ready() > spec.maxLength().getAsInt())
                || (byteLimited && bytes > spec.maxLengthBytes().getAsLong());
    }

    /** The expired messages at the head, taken off in order, stopping at the first that has not expired. */
    List<Stored> expireHead(Instant now) {
        if (!headExpired(now)) {
            return List.of();
        }
        List<Stored> expired = new ArrayList<>();
        while (headExpired(now)) {
            expired.add(take());
        }
        return expired;
    }

    private boolean headExpired(Instant now) {
        Stored head = head();
        return head != null
                && head.expiresAt().isPresent()
                && !head.expiresAt().get().isAfter(now);
    }

    boolean hasReady() {
        return ready() > 0;
    }

    /** The ready message of the lowest position, or null. */
    private Stored head() {
        Stored first = count == 0 ? null : inOrder[head];
        Map.Entry<Long, Stored> back = returned.firstEntry();
        if (back == null || (first != null && first.seq() < back.getKey())) {
            return first;
        }
        return back.getValue();
    }

    Stored take() {
        Stored next = head();
        if (count > 0 && next == inOrder[head]) {
            inOrder[head] = null;
            head = (head + 1) & (inOrder.length - 1);
            count--;
        } else {
            returned.pollFirstEntry();
        }
        bytes -= byteLimited ? next.size() : 0;
        return next;
    }

    /**
     * Takes the {@code n} ready messages at the head into {@code to} as deliveries {@code firstTag}... of the
     * channel's consumer {@code slot}: a run of slots copied at once while nothing requeued waits among them.
     */
    void takeInto(UnackedRing to, long firstTag, int slot, int n) {
        if (!returned.isEmpty() || byteLimited) {
            for (int i = 0; i < n; i++) {
                to.add(firstTag + i, slot, take());
            }
            return;
        }
        to.addRun(firstTag, slot, inOrder, head, n);
        UnackedRing.clear(inOrder, head, n);
        head = (head + n) & (inOrder.length - 1);
        count -= n;
    }

    /**
     * A message just published, to a queue without limits: publish positions only grow, so it goes at the tail,
     * past every message this queue holds or will get back (EX3).
     */
    void append(Stored m) {
        if (count == inOrder.length) {
            grow();
        }
        inOrder[(head + count++) & (inOrder.length - 1)] = m;
        tailSeq = m.seq();
    }

    /** A new message at the tail, or a returned one back at its own position (EX3). */
    void put(Stored m) {
        if (count > 0 && tailSeq >= m.seq()) {
            returned.put(m.seq(), m);
        } else {
            if (count == inOrder.length) {
                grow();
            }
            inOrder[(head + count++) & (inOrder.length - 1)] = m;
            tailSeq = m.seq();
        }
        if (byteLimited) {
            bytes += m.size();
        }
    }

    private void grow() {
        Stored[] bigger = new Stored[count * 2];
        UnackedRing.copy(inOrder, head, bigger, 0, count);
        inOrder = bigger;
        head = 0;
    }

    void addConsumer(String tag) {
        consumers.add(tag);
    }

    void removeConsumer(String tag, Instant now) {
        consumers.remove(tag);
        lastUsed = now;
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
