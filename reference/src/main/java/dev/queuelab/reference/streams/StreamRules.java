package dev.queuelab.reference.streams;

import dev.queuelab.api.streams.StreamId;

/**
 * The streams' decisions, one rule per method, each citing the invariant of {@link RedisStreams} it keeps.
 *
 * Teaches: where each promise of a stream and its groups is decided, in one line, so that one wrong line can be
 * shown to break one promise. {@link RedisStreams} is given a rules object; {@link #REFERENCE} is Redis's, and
 * each bug-gallery variant is a rules object with one method overridden.
 * Invariants: those of {@link RedisStreams} (RS1 to RS10); each method names the ones it decides.
 * Thread-safety: stateless; every call is made under the service's lock.
 * Real world: each rule is Redis's (src/t_stream.c), as docs/redis-streams.md says.
 */
public class StreamRules {

    /** The rules as the reference keeps them. */
    public static final StreamRules REFERENCE = new StreamRules();

    protected StreamRules() {}

    /** RS1: an explicit id is accepted only when greater than the stream's last id. */
    protected boolean accepts(StreamId id, StreamId last) {
        return id.compareTo(last) > 0;
    }

    /** RS2: trimming removes from the oldest end. */
    protected boolean trimsOldest() {
        return true;
    }

    /** RS2: trimming leaves the groups' PELs as they are (a pending id may outlive its entry). */
    protected boolean trimKeepsPending() {
        return true;
    }

    /** RS3: {@code >} delivers only entries after the group's last-delivered id, never the reader's pending ones. */
    protected boolean newReadRepeatsPending() {
        return false;
    }

    /** RS4: a read by id starts after the id given, as XREADGROUP's ids are exclusive. */
    protected boolean ownReadIncludesItsId() {
        return false;
    }

    /** RS5: XACK acks in the named group only. */
    protected boolean ackEveryGroup() {
        return false;
    }

    /** RS6: XCLAIM takes an entry idle for at least min-idle. */
    protected boolean claimable(long idleMillis, long minIdleMillis) {
        return idleMillis >= minIdleMillis;
    }

    /** RS7: XAUTOCLAIM takes an entry idle for at least min-idle, as XCLAIM does. */
    protected boolean autoClaimable(long idleMillis, long minIdleMillis) {
        return idleMillis >= minIdleMillis;
    }

    /** RS6, RS7: a claim is a delivery: it counts one more. */
    protected long countAfterClaim(long deliveries) {
        return deliveries + 1;
    }

    /** RS7: XAUTOCLAIM reports the pending ids whose entries are gone. */
    protected boolean reportsDeleted() {
        return true;
    }

    /** RS10: the dead-letter pass moves an entry once it has been delivered N times. */
    protected boolean deadLetterDue(long deliveries, int maxDeliveries) {
        return deliveries >= maxDeliveries;
    }
}
