package dev.queuelab.reference.semantics;

import dev.queuelab.api.semantics.ConsumerConfig;
import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.Delivery;
import dev.queuelab.api.semantics.MessageConsumer;
import dev.queuelab.api.semantics.Transaction;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * An idempotent consumer written against the learner's contract: the effect and the dedupe mark in one local
 * transaction, the expired marks swept in the same transaction, the ack after the commit.
 *
 * Teaches: exactly-once effect is at-least-once delivery plus a consumer that remembers, in the effect's own
 * transaction, which idempotency keys it processed; and only for as long as it remembers them.
 * Invariants (numbered as in the checks' ConsumerRule): IC1 a key's effect happens once while the key is
 * remembered; IC2 nothing published is lost (the ack comes after the commit); IC3 every delivery is acked,
 * a skipped duplicate too; IC4 a key marked at t is forgotten from t + ttl on (the sweep deletes marks at or
 * before now - ttl, so what is left is remembered).
 * Thread-safety: stateless apart from its configuration; each call uses its own transaction.
 * Real world: a Kafka listener or a Lambda with a table of processed keys beside its own data, as
 * {@code PostgresDedupeStore.processOnce} does on a real Postgres.
 */
public final class DedupingConsumer implements MessageConsumer {

    private final ConsumerConfig config;
    private final InstantSource clock;

    public DedupingConsumer(ConsumerConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void consume(Delivery delivery, Database database) {
        Instant now = clock.instant();
        Transaction tx = database.begin();
        if (!remembered(tx, delivery.key(), now)) {
            tx.effect(delivery.key());
            tx.mark(delivery.key(), now); // IC1: commits with the effect, or neither does
        }
        tx.commit();
        delivery.ack(); // IC2, IC3: after the commit, whether the effect ran or was skipped
    }

    /** Sweeps the marks whose TTL has run out, then looks the key up: what is left is remembered (IC4). */
    private boolean remembered(Transaction tx, String key, Instant now) {
        tx.forgetMarkedUpTo(now.minus(config.keyTtl())); // a mark at exactly now - ttl is already forgotten
        return tx.markedAt(key).isPresent();
    }
}
