package dev.queuelab.check.streams;

import dev.queuelab.check.ScenarioStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a streams scenario. Steps name what they act on symbolically ("the nth entry c1 holds", "just after
 * the id of the newest entry"), never by an id, so that a scenario stays meaningful when the shrinker removes the
 * steps around it. A step whose target is missing is skipped and said so.
 */
public sealed interface StreamStep extends ScenarioStep {

    @Override
    default List<StreamStep> simpler() {
        return List.of();
    }

    /** How XADD names the new entry's id. */
    enum IdKind {
        /** {@code *}. */
        AUTO,
        /** The smallest id greater than the last: accepted. */
        NEXT,
        /** An explicit id a second ahead of the clock (or of the last id): accepted, and {@code *} then follows it. */
        AHEAD,
        /** The last id itself: refused. */
        EQUAL,
        /** Just below the last id: refused. */
        BELOW,
        /** 0-0: refused. */
        ZERO
    }

    /**
     * How a step trims: MAXLEN {@code maxLen}, or MINID at {@code minId}; {@code maxLen} -1 and a null
     * {@code minId} for none.
     */
    record Trimming(int maxLen, Bound minId) {
        static final Trimming NONE = new Trimming(-1, null);

        boolean none() {
            return maxLen < 0 && minId == null;
        }
    }

    /** The producer XADDs the next message m{n}. */
    record Add(IdKind id, Trimming trim) implements StreamStep {
        Add(IdKind id) {
            this(id, Trimming.NONE);
        }

        @Override
        public List<StreamStep> simpler() {
            List<StreamStep> out = new ArrayList<>();
            if (id != IdKind.AUTO) {
                out.add(new Add(IdKind.AUTO, trim));
            }
            if (!trim.none()) {
                out.add(new Add(id));
            }
            return out;
        }
    }

    /** An operator's XTRIM. */
    record Trim(Trimming trim) implements StreamStep {}

    /** The operator creates group g2 at a position (XGROUP CREATE); again, it must be refused. */
    record CreateGroup(String group, Bound start) implements StreamStep {}

    /** The operator moves a group's last-delivered id (XGROUP SETID). */
    record SetId(String group, Bound start) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            return start.simpler().stream()
                    .map(b -> (StreamStep) new SetId(group, b))
                    .toList();
        }
    }

    /** A consumer reads new entries: XREADGROUP ... COUNT count STREAMS s >. */
    record Read(String group, String consumer, int count) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            return count == 10 ? List.of() : List.of(new Read(group, consumer, 10));
        }
    }

    /** A consumer reads its own pending entries after an id: XREADGROUP ... STREAMS s id. */
    record ReadOwn(String group, String consumer, Bound after, int count) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            List<StreamStep> out = new ArrayList<>();
            if (after.kind() != Bound.Kind.MIN) {
                out.add(new ReadOwn(group, consumer, Bound.MIN, count));
            }
            if (count != 10) {
                out.add(new ReadOwn(group, consumer, after, 10));
            }
            return out;
        }
    }

    /** A consumer processes and acks the nth entry it holds (oldest first). */
    record Ack(String group, String consumer, int nth) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            return nth == 0 ? List.of() : List.of(new Ack(group, consumer, 0));
        }
    }

    /** What a stray XACK names: an id never added, one this group acked before, one the other group holds. */
    enum Stray {
        NEVER_ADDED,
        ACKED_BEFORE,
        OTHER_GROUPS
    }

    /** A consumer acks an id that is not pending in its group: the answer must be 0. */
    record AckStray(String group, Stray which) implements StreamStep {}

    /** A consumer XCLAIMs the nth entry its group's consumers hold (oldest first), with a min-idle-time. */
    record Claim(String group, String consumer, int minIdleMillis, int nth) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            return nth == 0 ? List.of() : List.of(new Claim(group, consumer, minIdleMillis, 0));
        }
    }

    /** A consumer XAUTOCLAIMs from a start id, with a min-idle-time and a count. */
    record AutoClaim(String group, String consumer, int minIdleMillis, Bound start, int count) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            List<StreamStep> out = new ArrayList<>();
            if (start.kind() != Bound.Kind.MIN) {
                out.add(new AutoClaim(group, consumer, minIdleMillis, Bound.MIN, count));
            }
            if (count != 10) {
                out.add(new AutoClaim(group, consumer, minIdleMillis, start, 10));
            }
            return out;
        }
    }

    /** The checker reads a group's XPENDING summary. */
    record Pending(String group) implements StreamStep {}

    /** The checker reads the extended XPENDING: IDLE minIdle start end count [consumer], null for all. */
    record PendingRange(String group, int minIdleMillis, Bound start, Bound end, int count, String consumer)
            implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            List<StreamStep> out = new ArrayList<>();
            if (start.kind() != Bound.Kind.MIN || end.kind() != Bound.Kind.MAX) {
                out.add(new PendingRange(group, minIdleMillis, Bound.MIN, Bound.MAX, count, consumer));
            }
            if (minIdleMillis != 0 || consumer != null || count != 10) {
                out.add(new PendingRange(group, 0, start, end, 10, null));
            }
            return out;
        }
    }

    /** The checker reads the stream: XRANGE s start end COUNT count. */
    record Range(Bound start, Bound end, int count) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            return start.kind() == Bound.Kind.MIN && end.kind() == Bound.Kind.MAX && count == 10
                    ? List.of()
                    : List.of(new Range(Bound.MIN, Bound.MAX, 10));
        }
    }

    /** A consumer moves what it holds with N deliveries or more to s:dead (the convention). */
    record DeadLetter(String group, String consumer) implements StreamStep {}

    /** Time passes, in milliseconds. */
    record Tick(int millis) implements StreamStep {
        @Override
        public List<StreamStep> simpler() {
            List<StreamStep> out = new ArrayList<>();
            for (int ms : new int[] {1, 1000, 5000}) {
                if (ms < millis) {
                    out.add(new Tick(ms));
                }
            }
            return out;
        }

        @Override
        public Optional<StreamStep> mergedWith(ScenarioStep next) {
            return next instanceof Tick t ? Optional.of(new Tick(millis + t.millis)) : Optional.empty();
        }
    }
}
