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

    /** Keys forgotten for room before their TTL ran out, never silently. */
    long evictions();
}
