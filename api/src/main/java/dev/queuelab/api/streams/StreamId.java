package dev.queuelab.api.streams;

/**
 * An entry's id: milliseconds and a sequence number, ordered by both ("1700000000000-3").
 *
 * @param ms  the milliseconds part, 0 or more
 * @param seq the sequence within the millisecond, 0 or more
 */
public record StreamId(long ms, long seq) implements Comparable<StreamId> {

    /** {@code 0-0}: below every id an entry can have; {@code XADD} refuses it, {@code -} and {@code 0} mean it. */
    public static final StreamId MIN = new StreamId(0, 0);

    /** The greatest id, what {@code +} means. */
    public static final StreamId MAX = new StreamId(Long.MAX_VALUE, Long.MAX_VALUE);

    public StreamId {
        if (ms < 0 || seq < 0) {
            throw new IllegalArgumentException(
                    "stream id " + ms + "-" + seq + " is negative: both parts are 0 or more");
        }
    }

    /** "5-1", "5" (sequence 0), "-" (0-0) or "+" (the greatest); anything else is refused in one line. */
    public static StreamId parse(String id) {
        if (id == null) {
            throw new IllegalArgumentException("stream id is null: give one as ms-seq, e.g. 1700000000000-0");
        }
        if (id.equals("-")) {
            return MIN;
        }
        if (id.equals("+")) {
            return MAX;
        }
        String[] parts = id.split("-", -1);
        try {
            if (parts.length == 1) {
                return new StreamId(Long.parseLong(parts[0]), 0);
            }
            if (parts.length == 2) {
                return new StreamId(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
        } catch (NumberFormatException e) {
            // said below, in one line
        }
        throw new IllegalArgumentException(
                "stream id '" + id + "' is not an id: give it as ms-seq, e.g. 1700000000000-0");
    }

    /** The smallest id greater than this one. */
    public StreamId next() {
        return seq == Long.MAX_VALUE ? new StreamId(ms + 1, 0) : new StreamId(ms, seq + 1);
    }

    /** The greatest id smaller than this one (0-0 for 0-0). */
    public StreamId previous() {
        if (seq > 0) {
            return new StreamId(ms, seq - 1);
        }
        return ms == 0 ? MIN : new StreamId(ms - 1, Long.MAX_VALUE);
    }

    @Override
    public int compareTo(StreamId o) {
        int c = Long.compare(ms, o.ms);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    public boolean isAfter(StreamId o) {
        return compareTo(o) > 0;
    }

    @Override
    public String toString() {
        return ms + "-" + seq;
    }
}
