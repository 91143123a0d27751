package dev.queuelab.check.heldout.subscription;

import dev.queuelab.api.pubsub.subscription.ReceivedMessage;
import dev.queuelab.api.pubsub.subscription.SubscriptionConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One subscription's messages and leases: what {@link CloudPubSub} keeps per subscription.
 *
 * Teaches: a subscription is a cursor of its own over the topic: each message is pending, leased (outstanding) or
 * acked here, whatever every other subscription does with its copy.
 * Invariants: SB1 to SB7 of {@link CloudPubSub}, for one subscription; the decisions are its {@link
 * SubscriptionRules}.
 * Thread-safety: none of its own; {@link CloudPubSub} calls it under its lock.
 * Real world: a Pub/Sub subscription's backlog with its outstanding messages.
 */
final class Subscription {

    private enum State {
        PENDING,
        OUTSTANDING,
        ACKED
    }

    /** One message here: its state, its failures so far and, while leased, its lease. */
    private static final class Entry {
        final Published published;
        State state = State.PENDING;
        int failures; // nacks and expired deadlines: the delivery attempt is one more
        String ackId;
        Instant deliveredAt;
        Instant deadline;

        Entry(Published published) {
            this.published = published;
        }

        String key() {
            return published.message().orderingKey();
        }
    }

    private static final Comparator<Entry> BY_DEADLINE =
            Comparator.comparing((Entry e) -> e.deadline).thenComparingLong(e -> e.published.seq());

    private final String name;
    private final SubscriptionConfig config;
    private final SubscriptionRules rules;
    private final TreeMap<Long, Entry> entries = new TreeMap<>(); // by publish order
    private final Map<String, Entry> leases = new HashMap<>(); // by ack id
    private final Map<String, Entry> expiredLeases = new HashMap<>(); // ACK_AFTER_EXPIRY: ack ids whose lease ran out

    private final Slip slip;

    Subscription(String name, SubscriptionConfig config, SubscriptionRules rules, Slip slip) {
        this.slip = slip;
        this.name = name;
        this.config = config;
        this.rules = rules;
    }

    String name() {
        return name;
    }

    SubscriptionConfig config() {
        return config;
    }

    /** SB1: a published message is pending here from its publish on. */
    void accept(Published published) {
        entries.put(published.seq(), new Entry(published));
    }

    /** How many messages wait here unacked: the backlog a slow subscriber leaves. */
    int backlog() {
        int n = 0;
        for (Entry e : entries.values()) {
            n += e.state == State.ACKED ? 0 : 1;
        }
        return n;
    }

    /**
     * SB1, SB2: drops what retention ended, then fails every lease whose deadline passed, earliest first (a
     * dead letter goes to {@code deadLetter} with its failures).
     */
    void expire(Instant now, BiConsumer<Published, Integer> deadLetter) {
        Duration retention = config.messageRetention();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!rules.retained(e.published.publishTime(), retention, now)) {
                revoke(e);
                it.remove();
            }
        }
        List<Entry> due = new ArrayList<>();
        for (Entry e : leases.values()) {
            if (rules.expired(e.deadline, now)) {
                due.add(e);
            }
        }
        due.sort(BY_DEADLINE);
        for (Entry e : due) {
            if (e.state == State.OUTSTANDING) { // an earlier key-mate's failure may have revoked it already
                expiredLeases.put(e.ackId, e);
                fail(e, deadLetter);
            }
        }
    }

    /** SB1, SB2: up to {@code max} pending messages in publish order (so each key's in its order: SB4), leased. */
    List<ReceivedMessage> pull(int max, Instant now, Supplier<String> ackIds) {
        List<ReceivedMessage> out = new ArrayList<>();
        List<Entry> order = new ArrayList<>(entries.values());
        if (slip == Slip.RETRIES_AFTER_FRESH) {
            order.sort(Comparator.comparing((Entry e) -> e.failures > 0 || e.deliveredAt != null));
        }
        for (Entry e : order) {
            if (out.size() == max) {
                break;
            }
            if (e.state == State.PENDING) {
                e.state = State.OUTSTANDING;
                expiredLeases.values().remove(e);
                e.ackId = ackIds.get();
                e.deliveredAt = now;
                e.deadline = rules.deadline(now, config.ackDeadline());
                leases.put(e.ackId, e);
                int attempt =
                        config.deadLetter().isPresent() ? e.failures + (slip == Slip.ATTEMPT_FROM_ZERO ? 0 : 1) : 0;
                out.add(new ReceivedMessage(
                        e.ackId, e.published.id(), e.published.message(), e.published.publishTime(), attempt));
            }
        }
        return out;
    }

    /** SB2: an ack takes effect only while its delivery's lease holds. */
    boolean ack(String ackId) {
        Entry e = leases.remove(ackId);
        if (e == null && slip == Slip.ACK_AFTER_EXPIRY) {
            e = expiredLeases.remove(ackId);
            if (e != null && e.state == State.PENDING) {
                e.state = State.ACKED;
                return true;
            }
            return false;
        }
        if (e == null) {
            return false;
        }
        e.state = State.ACKED;
        e.ackId = null;
        return true;
    }

    /** SB3: a new deadline from now, or with 0 s a nack (a failure, as an expired deadline is). */
    boolean modify(String ackId, int seconds, Instant now, BiConsumer<Published, Integer> deadLetter) {
        Entry e = leases.get(ackId);
        if (e == null) {
            return false;
        }
        if (seconds == 0) {
            if (slip == Slip.NACK_NOT_COUNTED) {
                e.failures--;
            }
            fail(e, deadLetter);
        } else {
            e.deadline = slip == Slip.EXTEND_FROM_DEADLINE
                    ? e.deadline.plusSeconds(seconds)
                    : rules.extensionStart(e.deliveredAt, now).plusSeconds(seconds);
        }
        return true;
    }

    /** SB6: published before the target: acked; at or after it: unacked, unless acked and not retained. */
    void seek(Instant target) {
        for (Entry e : entries.values()) {
            revoke(e);
            if (rules.seekAcks(e.published.publishTime(), target)) {
                e.state = State.ACKED;
            } else if (e.state != State.ACKED || config.retainAckedMessages() || slip == Slip.SEEK_REPLAYS_UNRETAINED) {
                e.state = State.PENDING;
            }
        }
    }

    /** SB7: the acknowledgement state now, with {@code lastSeq} the last publish so far. */
    Snapshot snapshot(long lastSeq) {
        Set<Long> unacked = new HashSet<>();
        for (Entry e : entries.values()) {
            if (e.state != State.ACKED) {
                unacked.add(e.published.seq());
            }
        }
        return new Snapshot(name, unacked, lastSeq);
    }

    /** SB7: every message kept here takes the snapshot's state; every lease ends. */
    void seek(Snapshot snapshot) {
        for (Entry e : entries.values()) {
            revoke(e);
            boolean unacked = slip == Slip.SNAPSHOT_FORGETS_LATER
                    ? snapshot.unacked().contains(e.published.seq())
                    : snapshot.unacked(e.published.seq());
            e.state = unacked ? State.PENDING : State.ACKED;
        }
    }

    /** SB2, SB4, SB5: a nack or an expiry: pending again, or dead-lettered, and the key's later ones redelivered. */
    private void fail(Entry e, BiConsumer<Published, Integer> deadLetter) {
        revoke(e);
        e.failures++;
        e.state = State.PENDING;
        if (config.deadLetter().isPresent()
                && rules.deadLetterDue(e.failures, config.deadLetter().get().maxDeliveryAttempts())) {
            if (slip != Slip.DEAD_LETTER_STAYS) {
                entries.remove(e.published.seq());
            }
            deadLetter.accept(e.published, e.failures);
        }
        if (config.messageOrdering() && !e.key().isEmpty() && rules.redeliversLaterOfKey()) {
            for (Entry later : entries.tailMap(e.published.seq(), false).values()) {
                if (later.key().equals(e.key()) && later.state != State.PENDING) {
                    revoke(later); // SB4: consistent redelivery, acked or not
                    later.state = State.PENDING;
                }
            }
        }
    }

    private void revoke(Entry e) {
        if (e.ackId != null) {
            leases.remove(e.ackId);
            e.ackId = null;
            if (e.state == State.OUTSTANDING) {
                e.state = State.PENDING;
            }
        }
    }
}
