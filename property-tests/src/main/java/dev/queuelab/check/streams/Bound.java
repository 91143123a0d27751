package dev.queuelab.check.streams;

import dev.queuelab.api.streams.StreamId;
import java.util.List;

/**
 * An id named symbolically, so that a step keeps its meaning when the shrinker removes the steps around it: the
 * ends ({@code -}, {@code +}, {@code $}), or the id of the nth entry added (from the first; below 0 from the
 * newest), exactly or just before or after it.
 */
public record Bound(Kind kind, int nth) {

    public enum Kind {
        MIN,
        MAX,
        LAST,
        AT,
        BEFORE,
        AFTER
    }

    public static final Bound MIN = new Bound(Kind.MIN, 0);
    public static final Bound MAX = new Bound(Kind.MAX, 0);
    public static final Bound LAST = new Bound(Kind.LAST, 0);

    public static Bound at(int nth) {
        return new Bound(Kind.AT, nth);
    }

    /** The id it names, given the ids added so far (oldest first) and the stream's last id. */
    StreamId resolve(List<StreamId> added, StreamId last) {
        if (kind == Kind.MIN) {
            return StreamId.MIN;
        }
        if (kind == Kind.MAX) {
            return StreamId.MAX;
        }
        if (kind == Kind.LAST || added.isEmpty()) {
            return last;
        }
        StreamId id = added.get(nth >= 0 ? Math.min(nth, added.size() - 1) : Math.max(0, added.size() + nth));
        return kind == Kind.AT ? id : kind == Kind.BEFORE ? id.previous() : id.next();
    }

    /** As XGROUP takes it: {@code 0}, {@code $} or an id. */
    String groupStart(List<StreamId> added, StreamId last) {
        return kind == Kind.MIN
                ? "0"
                : kind == Kind.LAST ? "$" : resolve(added, last).toString();
    }

    List<Bound> simpler() {
        return kind == Kind.AT || kind == Kind.MIN || kind == Kind.MAX || kind == Kind.LAST
                ? List.of()
                : List.of(new Bound(Kind.AT, nth));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MIN -> "-";
            case MAX -> "+";
            case LAST -> "$";
            case AT -> "e" + nth;
            case BEFORE -> "just before e" + nth;
            case AFTER -> "just after e" + nth;
        };
    }
}
