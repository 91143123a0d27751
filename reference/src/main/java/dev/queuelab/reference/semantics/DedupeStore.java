package dev.queuelab.reference.semantics;

/**
 * An idempotent consumer's memory of the keys it has processed: {@link MemoryDedupeStore} in the process, or a
 * table beside the effect's own data (the postgres module's), judged by the same delivery checks.
 *
 * <p>Each implementation states its TTL and its size bound as invariants DD1 to DD3 of {@link MemoryDedupeStore}.
 */
public interface DedupeStore {

    /** Whether the key is remembered now. */
    boolean seen(String key);

    /** Remembers the key from now for the TTL; marking a key already remembered changes nothing. */
    void mark(String key);

    /**
     * Remembers the key unless it is remembered now, in one step, and answers whether it was new: Redis's
     * {@code SET key 1 NX EX ttl}, or an insert that does nothing on conflict. An idempotent consumer that marks in
     * the effect's own transaction asks this once instead of {@link #seen} then {@link #mark}.
     */
    default boolean markIfAbsent(String key) {
        if (seen(key)) {
            return false;
        }
        mark(key);
        return true;
    }

    /** Keys forgotten for room before their TTL ran out, never silently. */
    long evictions();
}
