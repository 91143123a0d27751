package dev.queuelab.check.semantics;

import dev.queuelab.api.semantics.ConsumerConfig;
import dev.queuelab.api.semantics.Database;
import dev.queuelab.api.semantics.Delivery;
import dev.queuelab.api.semantics.MessageConsumer;
import dev.queuelab.api.semantics.Transaction;
import dev.queuelab.reference.semantics.DedupingConsumer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Consumers with one mistake each, as a learner makes them, and the reference given a TTL shorter than the
 * redelivery window: each must be caught with the anomaly named, in a story short enough to read at a glance.
 */
public final class ConsumerGallery {

    /** A variant: its name, how to make it, what the harness holds it to, and the anomaly that must catch it. */
    public record Variant(String name, ConsumerFactory factory, ConsumerPromise promise, String expected) {}

    /** The order of a consumer's calls, as a broken variant chooses it. */
    @FunctionalInterface
    private interface Body {
        void consume(Delivery d, Database db, Instant now, Duration ttl);
    }

    public static final List<Variant> VARIANTS = List.of(
            variant(
                    "no-dedupe",
                    (d, db, now, ttl) -> {
                        Transaction tx = db.begin();
                        tx.effect(d.key());
                        tx.commit();
                        d.ack();
                    },
                    "effect-duplicated"),
            variant(
                    "mark-after-effect",
                    (d, db, now, ttl) -> {
                        Transaction tx = db.begin();
                        tx.forgetMarkedUpTo(now.minus(ttl));
                        boolean seen = tx.markedAt(d.key()).isPresent();
                        if (!seen) {
                            tx.effect(d.key());
                        }
                        tx.commit();
                        if (!seen) {
                            Transaction mark = db.begin(); // a second transaction: a crash before it repeats the effect
                            mark.mark(d.key(), now);
                            mark.commit();
                        }
                        d.ack();
                    },
                    "effect-duplicated"),
            variant(
                    "ack-before-effect",
                    (d, db, now, ttl) -> {
                        d.ack();
                        idempotent(d, db, now, ttl);
                    },
                    "effect-lost"),
            variant(
                    "skip-without-ack",
                    (d, db, now, ttl) -> {
                        Transaction tx = db.begin();
                        tx.forgetMarkedUpTo(now.minus(ttl));
                        if (tx.markedAt(d.key()).isPresent()) {
                            tx.commit();
                            return; // the duplicate is skipped and never acked: the queue hands it out for ever
                        }
                        tx.effect(d.key());
                        tx.mark(d.key(), now);
                        tx.commit();
                        d.ack();
                    },
                    "not-acked"),
            variant(
                    "never-forgets",
                    (d, db, now, ttl) -> {
                        Transaction tx = db.begin();
                        if (tx.markedAt(d.key()).isEmpty()) {
                            tx.effect(d.key());
                            tx.mark(d.key(), now);
                        }
                        tx.commit();
                        d.ack();
                    },
                    "key-outlived-ttl"),
            new Variant(
                    "ttl-shorter-than-window",
                    DedupingConsumer::new,
                    new ConsumerPromise(Duration.ofSeconds(2)),
                    "duplicate-after-key-expired"));

    private ConsumerGallery() {}

    private static void idempotent(Delivery d, Database db, Instant now, Duration ttl) {
        Transaction tx = db.begin();
        tx.forgetMarkedUpTo(now.minus(ttl));
        if (tx.markedAt(d.key()).isEmpty()) {
            tx.effect(d.key());
            tx.mark(d.key(), now);
        }
        tx.commit();
    }

    private static Variant variant(String name, Body body, String expected) {
        return new Variant(name, (config, clock) -> consumer(body, config, clock), ConsumerPromise.REMEMBERS, expected);
    }

    private static MessageConsumer consumer(Body body, ConsumerConfig config, InstantSource clock) {
        return (d, db) -> body.consume(d, db, clock.instant(), config.keyTtl());
    }
}
