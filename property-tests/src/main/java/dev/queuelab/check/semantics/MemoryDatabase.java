package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.OutboxRow;
import dev.queuelab.api.semantics.Transaction;
import dev.queuelab.reference.semantics.EffectStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The harness's database for a learner's consumer or outbox: committed state that survives every crash, and
 * transactions whose writes reach it only at commit. A transaction cut by a crash, rolled back or left open is
 * as if it never happened, as in a real database. The checker reads the committed state itself: it never asks
 * the code under test what it did. Effects reach the {@link EffectStore} (the world outside) at commit.
 */
final class MemoryDatabase {

    private final InstantSource clock;
    private final EffectStore effects;
    private final Map<String, Instant> marks = new LinkedHashMap<>();
    private final Map<String, String> orders = new LinkedHashMap<>();
    private final TreeMap<Long, OutboxRow> outbox = new TreeMap<>();
    private final Set<Long> sent = new HashSet<>();
    private long nextSeq = 1;

    MemoryDatabase(InstantSource clock, EffectStore effects) {
        this.clock = clock;
        this.effects = effects;
    }

    /** The database as one process sees it: each of its calls passes {@code fuse}; effects are credited to it. */
    Database session(String process, Fuse fuse) {
        return () -> {
            fuse.call("begin");
            return new Tx(process, fuse);
        };
    }

    /** The committed marks a sweep at {@code now} must have forgotten: marked at or before now - ttl. */
    List<String> marksOutliving(Duration ttl) {
        Instant now = clock.instant();
        return marks.entrySet().stream()
                .filter(e -> !now.isBefore(e.getValue().plus(ttl)))
                .map(Map.Entry::getKey)
                .toList();
    }

    List<String> committedOrders() {
        return List.copyOf(orders.keySet());
    }

    List<String> committedOutbox() {
        return outbox.values().stream().map(OutboxRow::messageId).toList();
    }

    int unsentCount() {
        return (int) outbox.keySet().stream().filter(s -> !sent.contains(s)).count();
    }

    private final class Tx implements Transaction {
        private final String process;
        private final Fuse fuse;
        private final Map<String, Optional<Instant>> markWrites = new LinkedHashMap<>();
        private final List<String> effectWrites = new ArrayList<>();
        private final Map<String, String> orderWrites = new LinkedHashMap<>();
        private final TreeMap<Long, OutboxRow> outboxWrites = new TreeMap<>();
        private final Set<Long> sentWrites = new HashSet<>();
        private String ended;

        Tx(String process, Fuse fuse) {
            this.process = process;
            this.fuse = fuse;
        }

        private void call(String what) {
            fuse.call(what);
            if (ended != null) {
                throw new IllegalStateException(
                        "this transaction was already " + ended + ": " + what + " needs a new one (database.begin())");
            }
        }

        private Map<String, Instant> marksSeen() {
            Map<String, Instant> seen = new HashMap<>(marks);
            markWrites.forEach((k, v) -> v.ifPresentOrElse(at -> seen.put(k, at), () -> seen.remove(k)));
            return seen;
        }

        @Override
        public Optional<Instant> markedAt(String key) {
            call("markedAt(" + key + ")");
            return Optional.ofNullable(marksSeen().get(key));
        }

        @Override
        public void mark(String key, Instant at) {
            call("mark(" + key + ")");
            markWrites.put(key, Optional.of(at));
        }

        @Override
        public int forgetMarkedUpTo(Instant cutoff) {
            call("forgetMarkedUpTo");
            int n = 0;
            for (Map.Entry<String, Instant> e : marksSeen().entrySet()) {
                if (!e.getValue().isAfter(cutoff)) {
                    markWrites.put(e.getKey(), Optional.empty());
                    n++;
                }
            }
            return n;
        }

        @Override
        public void effect(String key) {
            call("effect(" + key + ")");
            effectWrites.add(key);
        }

        @Override
        public void insertOrder(String orderId, String item) {
            call("insertOrder(" + orderId + ")");
            if (orders.containsKey(orderId) || orderWrites.containsKey(orderId)) {
                throw new IllegalStateException("order " + orderId + " exists: an order id is its primary key");
            }
            orderWrites.put(orderId, item);
        }

        @Override
        public void insertOutbox(String messageId, String payload) {
            call("insertOutbox(" + messageId + ")");
            long seq = nextSeq++; // a sequence, as in Postgres: a rolled-back row leaves a gap
            outboxWrites.put(seq, new OutboxRow(seq, messageId, payload));
        }

        @Override
        public List<OutboxRow> unsent(int max) {
            call("unsent");
            TreeMap<Long, OutboxRow> all = new TreeMap<>(outbox);
            all.putAll(outboxWrites);
            return all.values().stream()
                    .filter(r -> !sent.contains(r.seq()) && !sentWrites.contains(r.seq()))
                    .limit(Math.max(0, max))
                    .toList();
        }

        @Override
        public void markSent(long seq) {
            call("markSent(" + seq + ")");
            if (!outbox.containsKey(seq) && !outboxWrites.containsKey(seq)) {
                throw new IllegalArgumentException("there is no outbox row " + seq + ": mark a row unsent() gave");
            }
            sentWrites.add(seq);
        }

        @Override
        public void commit() {
            call("commit");
            ended = "committed";
            markWrites.forEach((k, v) -> v.ifPresentOrElse(at -> marks.put(k, at), () -> marks.remove(k)));
            orders.putAll(orderWrites);
            outbox.putAll(outboxWrites);
            sent.addAll(sentWrites);
            effectWrites.forEach(key -> effects.record(key, process));
        }

        @Override
        public void rollback() {
            call("rollback");
            ended = "rolled back";
        }
    }
}
