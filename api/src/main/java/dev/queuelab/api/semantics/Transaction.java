package dev.queuelab.api.semantics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One local transaction of a {@link Database}: all of its writes become visible together at {@link #commit()},
 * or never (a {@link #rollback()}, a crash, or a transaction left open when the process returns). After commit or
 * rollback it refuses every call.
 */
public interface Transaction {

    /** When the idempotency key was marked in the dedupe table, or empty when the table holds no mark of it. */
    Optional<Instant> markedAt(String key);

    /** Marks the key at {@code at} (a second mark of the same key replaces the first). */
    void mark(String key, Instant at);

    /** Deletes every mark made at or before {@code cutoff}; answers how many were deleted. */
    int forgetMarkedUpTo(Instant cutoff);

    /** The business write a message asks for (a charge, a row): it happens in the world once this commits. */
    void effect(String key);

    /** The business write of an order. */
    void insertOrder(String orderId, String item);

    /** A message in the outbox, to be published by a relay; its sequence number is given at insertion. */
    void insertOutbox(String messageId, String payload);

    /** Up to {@code max} outbox rows not marked sent, oldest first. */
    List<OutboxRow> unsent(int max);

    /** Marks an outbox row sent. */
    void markSent(long seq);

    void commit();

    void rollback();
}
