package dev.queuelab.api.streams;

import dev.queuelab.api.OutOfRangeException;

/**
 * How {@code XADD} or {@code XTRIM} trims a stream: {@code MAXLEN n} keeps the newest n entries, {@code MINID id}
 * keeps the entries with an id at or above it. Both remove the oldest entries only. Redis's {@code ~} (trim only
 * whole radix-tree nodes, so perhaps keep more) has no form here: an implementation of this contract trims exactly.
 *
 * @param maxLen the MAXLEN, or -1 for none
 * @param minId  the MINID, or null for none
 */
public record Trim(long maxLen, StreamId minId) {

    /** No trimming. */
    public static final Trim NONE = new Trim(-1, null);

    public Trim {
        if (maxLen < -1) {
            throw new OutOfRangeException("maxLen", maxLen, "0 or more (or -1 for no MAXLEN)");
        }
        if (maxLen >= 0 && minId != null) {
            throw new IllegalArgumentException("a trim takes MAXLEN or MINID, not both: give one");
        }
    }

    public static Trim maxLen(long n) {
        if (n < 0) {
            throw new OutOfRangeException("maxLen", n, "0 or more");
        }
        return new Trim(n, null);
    }

    public static Trim minId(StreamId id) {
        if (id == null) {
            throw new IllegalArgumentException("minId is null: give the smallest id to keep");
        }
        return new Trim(-1, id);
    }

    public boolean none() {
        return maxLen < 0 && minId == null;
    }

    @Override
    public String toString() {
        return none() ? "" : maxLen >= 0 ? "MAXLEN " + maxLen : "MINID " + minId;
    }
}
