package dev.queuelab.check.streams.gallery;

import dev.queuelab.api.streams.StreamId;
import dev.queuelab.check.streams.StreamFactory;
import dev.queuelab.reference.streams.RedisStreams;
import dev.queuelab.reference.streams.StreamRules;
import java.util.List;

/**
 * The streams' bug gallery: the reference given rules with one realistic mistake each, and the anomaly the checks
 * must name for it. A variant the checks cannot catch is a bug in the engine, not in the variant.
 */
public final class StreamGallery {

    private StreamGallery() {}

    /**
     * @param name     how {@code -Dqueuelab.impl=streams.gallery.NAME} chooses it
     * @param expected the anomaly its shrunk story must name
     * @param factory  makes it
     */
    public record Variant(String name, String expected, StreamFactory factory) {}

    public static final List<Variant> VARIANTS = List.of(
            new Variant("autoclaim-ignores-min-idle", "claimed-too-soon", rules(new AutoClaimIgnoresMinIdle())),
            new Variant("ack-every-group", "pending-lost", rules(new AckEveryGroup())),
            new Variant("new-reads-repeat-pending", "redelivered", rules(new NewReadsRepeatPending())),
            new Variant("claim-keeps-delivery-count", "wrong-delivery-count", rules(new ClaimKeepsDeliveryCount())),
            new Variant("maxlen-trims-newest", "lost", rules(new MaxlenTrimsNewest())),
            new Variant("explicit-id-equal-accepted", "id-not-increasing", rules(new ExplicitIdEqualAccepted())),
            new Variant("own-read-includes-its-id", "read-out-of-range", rules(new OwnReadIncludesItsId())),
            new Variant("trim-drops-pending", "pending-lost", rules(new TrimDropsPending())),
            new Variant("autoclaim-hides-deleted", "deleted-unreported", rules(new AutoClaimHidesDeleted())),
            new Variant("dead-letter-one-early", "dead-letter-early", rules(new DeadLetterOneEarly())));

    private static StreamFactory rules(StreamRules rules) {
        return clock -> new RedisStreams(clock, rules);
    }

    /** XAUTOCLAIM takes every pending entry it scans, however recently delivered: a live consumer's work is stolen. */
    static final class AutoClaimIgnoresMinIdle extends StreamRules {
        @Override
        protected boolean autoClaimable(long idleMillis, long minIdleMillis) {
            return true;
        }
    }

    /** XACK removes the id from every group's PEL: one group's ack loses another group's pending entry. */
    static final class AckEveryGroup extends StreamRules {
        @Override
        protected boolean ackEveryGroup() {
            return true;
        }
    }

    /** {@code >} hands the reader its own pending entries again before new ones, as if it were a history read. */
    static final class NewReadsRepeatPending extends StreamRules {
        @Override
        protected boolean newReadRepeatsPending() {
            return true;
        }
    }

    /** A claim moves the entry but does not count a delivery: a poison entry never reaches its dead-letter limit. */
    static final class ClaimKeepsDeliveryCount extends StreamRules {
        @Override
        protected long countAfterClaim(long deliveries) {
            return deliveries;
        }
    }

    /** MAXLEN evicts from the wrong end: the entries just added go, the oldest stay. */
    static final class MaxlenTrimsNewest extends StreamRules {
        @Override
        protected boolean trimsOldest() {
            return false;
        }
    }

    /** An explicit id equal to the last is accepted (greater or equal instead of greater): it overwrites an entry. */
    static final class ExplicitIdEqualAccepted extends StreamRules {
        @Override
        protected boolean accepts(StreamId id, StreamId last) {
            return id.compareTo(last) >= 0;
        }
    }

    /** A read by id starts at the id instead of after it: the entry the consumer just processed comes again. */
    static final class OwnReadIncludesItsId extends StreamRules {
        @Override
        protected boolean ownReadIncludesItsId() {
            return true;
        }
    }

    /** Trimming drops the trimmed entries' pending lines too: the PEL forgets work nobody acked. */
    static final class TrimDropsPending extends StreamRules {
        @Override
        protected boolean trimKeepsPending() {
            return false;
        }
    }

    /** XAUTOCLAIM drops pending ids whose entries are gone without saying so (Redis 6.2's answer, not 7's). */
    static final class AutoClaimHidesDeleted extends StreamRules {
        @Override
        protected boolean reportsDeleted() {
            return false;
        }
    }

    /** The dead-letter pass moves an entry on its (N-1)th delivery: one retry fewer than the consumers agreed. */
    static final class DeadLetterOneEarly extends StreamRules {
        @Override
        protected boolean deadLetterDue(long deliveries, int maxDeliveries) {
            return deliveries >= maxDeliveries - 1;
        }
    }
}
