package dev.queuelab.reference.pubsub.subscription;

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
 * Kept only while it can be seen: an acked message is dropped at its ack unless acked messages are retained, a
 * key's acked messages may be redelivered (ordering) or a snapshot may unack it; retention and deadlines are
 * looked at only once the oldest message or the earliest lease is due by the rules (which are monotone: a later
 * publish outlives an earlier one, a later deadline expires after an earlier one).
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
    /** No lease ends before this (null: no lease): the leases are looked at only once it is due. */
    private Instant earliestDeadline;

    private int acked; // entries kept in state ACKED
    private boolean snapshotted;

    Subscription(String name, SubscriptionConfig config, SubscriptionRules rules) {
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
        return entries.size() - acked;
    }

    /**
     * SB1, SB2: drops what retention ended, then fails every lease whose deadline passed, earliest first (a
     * dead letter goes to {@code deadLetter} with its failures).
     */
    void expire(Instant now, BiConsumer<Published, Integer> deadLetter) {
        Duration retention = config.messageRetention();
        Entry oldest = entries.isEmpty() ? null : entries.get(entries.firstKey()); // if it is kept, all are
        boolean due = oldest != null && !rules.retained(oldest.published.publishTime(), retention, now);
        for (Iterator<Entry> it = entries.values().iterator(); due && it.hasNext(); ) {
            Entry e = it.next();
            if (!rules.retained(e.published.publishTime(), retention, now)) {
                revoke(e);
                acked -= e.state == State.ACKED ? 1 : 0;
                it.remove();
            }
        }
        if (earliestDeadline == null || !rules.expired(earliestDeadline, now)) {
            return; // no lease is due yet
        }
        List<Entry> expired = new ArrayList<>();
        earliestDeadline = null;
        for (Entry e : leases.values()) {
            if (rules.expired(e.deadline, now)) {
                expired.add(e);
            } else {
                leased(e.deadline);
            }
        }
        expired.sort(BY_DEADLINE);
        for (Entry e : expired) {
            if (e.state == State.OUTSTANDING) { // an earlier key-mate's failure may have revoked it already
                fail(e, deadLetter);
            }
        }
    }

    /** SB1, SB2: up to {@code max} pending messages in publish order (so each key's in its order: SB4), leased. */
    List<ReceivedMessage> pull(int max, Instant now, Supplier<String> ackIds) {
        List<ReceivedMessage> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() == max) {
                break;
            }
            if (e.state == State.PENDING) {
                e.state = State.OUTSTANDING;
                e.ackId = ackIds.get();
                e.deliveredAt = now;
                e.deadline = rules.deadline(now, config.ackDeadline());
                leases.put(e.ackId, e);
                leased(e.deadline);
                int attempt = config.deadLetter().isPresent() ? e.failures + 1 : 0;
                out.add(new ReceivedMessage(
                        e.ackId, e.published.id(), e.published.message(), e.published.publishTime(), attempt));
            }
        }
        return out;
    }

    /** SB2: an ack takes effect only while its delivery's lease holds. */
    boolean ack(String ackId) {
        Entry e = leases.remove(ackId);
        if (e == null) {
            return false;
        }
        e.ackId = null;
        if (config.retainAckedMessages() || config.messageOrdering() || snapshotted) {
            e.state = State.ACKED; // a seek, a snapshot or its key's failure may deliver it again
            acked++;
        } else {
            entries.remove(e.published.seq()); // nothing can deliver it again: kept, it would only be walked over
        }
        return true;
    }

    private void leased(Instant deadline) {
        if (earliestDeadline == null || deadline.isBefore(earliestDeadline)) {
            earliestDeadline = deadline;
        }
    }

    /** SB3: a new deadline from now, or with 0 s a nack (a failure, as an expired deadline is). */
    boolean modify(String ackId, int seconds, Instant now, BiConsumer<Published, Integer> deadLetter) {
        Entry e = leases.get(ackId);
        if (e == null) {
            return false;
        }
        if (seconds == 0) {
            fail(e, deadLetter);
        } else {
            e.deadline = rules.extensionStart(e.deliveredAt, now).plusSeconds(seconds);
            leased(e.deadline);
        }
        return true;
    }

    /** SB6: published before the target: acked; at or after it: unacked, unless acked and not retained. */
    void seek(Instant target) {
        for (Entry e : entries.values()) {
            revoke(e);
            if (rules.seekAcks(e.published.publishTime(), target)) {
                e.state = State.ACKED;
            } else if (e.state != State.ACKED || config.retainAckedMessages()) {
                e.state = State.PENDING;
            }
        }
        recount();
    }

    /** SB7: the acknowledgement state now, with {@code lastSeq} the last publish so far. */
    Snapshot snapshot(long lastSeq) {
        snapshotted = true;
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
            e.state = snapshot.unacked(e.published.seq()) ? State.PENDING : State.ACKED;
        }
        recount();
    }

    private void recount() {
        acked = 0;
        for (Entry e : entries.values()) {
            acked += e.state == State.ACKED ? 1 : 0;
        }
    }

    /** SB2, SB4, SB5: a nack or an expiry: pending again, or dead-lettered, and the key's later ones redelivered. */
    private void fail(Entry e, BiConsumer<Published, Integer> deadLetter) {
        revoke(e);
        e.failures++;
        e.state = State.PENDING;
        if (config.deadLetter().isPresent()
                && rules.deadLetterDue(e.failures, config.deadLetter().get().maxDeliveryAttempts())) {
            entries.remove(e.published.seq());
            deadLetter.accept(e.published, e.failures);
        }
        if (config.messageOrdering() && !e.key().isEmpty() && rules.redeliversLaterOfKey()) {
            for (Entry later : entries.tailMap(e.published.seq(), false).values()) {
                if (later.key().equals(e.key()) && later.state != State.PENDING) {
                    revoke(later); // SB4: consistent redelivery, acked or not
                    acked -= later.state == State.ACKED ? 1 : 0;
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
