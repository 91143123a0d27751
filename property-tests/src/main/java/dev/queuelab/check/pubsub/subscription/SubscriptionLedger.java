package dev.queuelab.check.pubsub.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What one subscription should hold, recomputed by the model from the events alone: each message published after
 * the subscription was created, with the state Pub/Sub's rules give it (SB1 to SB7), written as plainly as they
 * read, with no shared code with the service under test.
 */
final class SubscriptionLedger {

    enum State {
        PENDING,
        OUTSTANDING,
        ACKED,
        DEAD,
        GONE
    }

    /** Why a message is pending: how the story explains a message that was left out. */
    enum Cause {
        NEW,
        EXPIRED,
        NACKED,
        REVOKED,
        SEEK,
        SNAPSHOT
    }

    /** One message here. */
    static final class Held {
        final SubscriptionModel.Msg msg;
        State state = State.PENDING;
        Cause cause = Cause.NEW;
        int failures;
        String ackId;
        Instant deadline;
        Instant firstDeadline;
        boolean ackedBySeek;
        int revokedBy; // the earlier key-mate whose failure made it pending again (SB4)

        Held(SubscriptionModel.Msg msg) {
            this.msg = msg;
        }

        boolean kept() {
            return state != State.DEAD && state != State.GONE;
        }

        void revoke() {
            ackId = null;
            if (state == State.OUTSTANDING) {
                state = State.PENDING;
            }
        }
    }

    private record Snap(Set<Integer> unacked, int lastN) {}

    final SubscriptionSetup.Spec spec;
    /** How many messages were published before it was created: none of them is its. */
    final int before;

    final TreeMap<Integer, Held> held = new TreeMap<>();
    private final Map<String, Snap> snapshots = new HashMap<>();

    SubscriptionLedger(SubscriptionSetup.Spec spec, int before) {
        this.spec = spec;
        this.before = before;
    }

    void add(SubscriptionModel.Msg msg) {
        held.put(msg.n(), new Held(msg));
    }

    int backlog() {
        return (int) held.values().stream()
                .filter(h -> h.state == State.PENDING || h.state == State.OUTSTANDING)
                .count();
    }

    /**
     * SB1, SB2: at a call at {@code now}, what retention ended is gone; then each lease whose deadline passed fails,
     * earliest deadline first. {@code dropped} hears of each unacked message retention took.
     */
    void advance(Instant now, BiConsumer<Held, State> dropped, BiConsumer<Held, Integer> deadLettered) {
        for (Held h : held.values()) {
            if (h.kept() && !now.isBefore(h.msg.publishTime().plusSeconds(spec.retention()))) {
                State was = h.state;
                h.ackId = null;
                h.state = State.GONE;
                dropped.accept(h, was);
            }
        }
        List<Held> due = new ArrayList<>();
        for (Held h : held.values()) {
            if (h.state == State.OUTSTANDING && !now.isBefore(h.deadline)) {
                due.add(h);
            }
        }
        due.sort(Comparator.comparing((Held h) -> h.deadline).thenComparingInt(h -> h.msg.n()));
        for (Held h : due) {
            if (h.state == State.OUTSTANDING) {
                fail(h, Cause.EXPIRED, deadLettered);
            }
        }
    }

    /** SB2, SB4, SB5: a nack or an expired deadline. */
    void fail(Held h, Cause cause, BiConsumer<Held, Integer> deadLettered) {
        h.ackId = null;
        h.failures++;
        h.state = State.PENDING;
        h.cause = cause;
        if (spec.maxAttempts() > 0 && h.failures >= spec.maxAttempts()) {
            h.state = State.DEAD;
            deadLettered.accept(h, h.failures);
        }
        String key = h.msg.message().orderingKey();
        if (spec.ordering() && !key.isEmpty()) {
            for (Held later : held.tailMap(h.msg.n(), false).values()) {
                if (later.kept()
                        && later.state != State.PENDING
                        && later.msg.message().orderingKey().equals(key)) {
                    later.ackId = null;
                    later.state = State.PENDING;
                    later.cause = Cause.REVOKED;
                    later.revokedBy = h.msg.n();
                    later.ackedBySeek = false;
                }
            }
        }
    }

    /** SB6; answers whether an acked message became unacked. */
    boolean seek(Instant time) {
        boolean unacked = false;
        for (Held h : held.values()) {
            if (!h.kept()) {
                continue;
            }
            h.revoke();
            if (h.msg.publishTime().isBefore(time)) {
                h.ackedBySeek = h.state != State.ACKED;
                h.state = State.ACKED;
            } else if (h.state != State.ACKED || spec.retainAcked()) {
                unacked |= h.state == State.ACKED;
                h.state = State.PENDING;
                h.cause = Cause.SEEK;
                h.ackedBySeek = false;
            }
        }
        return unacked;
    }

    void snapshot(String name, int lastN) {
        Set<Integer> unacked = new HashSet<>();
        held.values().stream()
                .filter(h -> h.state == State.PENDING || h.state == State.OUTSTANDING)
                .forEach(h -> unacked.add(h.msg.n()));
        snapshots.put(name, new Snap(unacked, lastN));
    }

    /** SB7; answers whether an acked message became unacked. */
    boolean seekToSnapshot(String name) {
        Snap snap = snapshots.get(name);
        boolean unacked = false;
        for (Held h : held.values()) {
            if (!h.kept()) {
                continue;
            }
            h.revoke();
            if (h.msg.n() > snap.lastN() || snap.unacked().contains(h.msg.n())) {
                unacked |= h.state == State.ACKED;
                h.state = State.PENDING;
                h.cause = Cause.SNAPSHOT;
                h.ackedBySeek = false;
            } else {
                h.ackedBySeek = h.state != State.ACKED;
                h.state = State.ACKED;
            }
        }
        return unacked;
    }

    boolean knowsSnapshot(String name) {
        return snapshots.containsKey(name);
    }

    /** SB4: the earliest message of {@code key} still pending, other than those in {@code taken}. */
    Held earliestPending(String key, Set<Integer> taken) {
        for (Held h : held.values()) {
            if (h.state == State.PENDING
                    && !taken.contains(h.msg.n())
                    && h.msg.message().orderingKey().equals(key)) {
                return h;
            }
        }
        return null;
    }
}
