package dev.queuelab.check.streams;

import dev.queuelab.check.Rule;

/** The streams' invariants as the checks state them (defined in RedisStreams' header), each with its anomaly. */
final class StreamRule {

    private StreamRule() {}

    static final Rule ID_NOT_INCREASING = new Rule(
            "id-not-increasing",
            "RS1 XADD refuses an explicit id not greater than the stream's last id, and 0-0, changing nothing");

    static final Rule WRONG_ID = new Rule(
            "wrong-id",
            "RS1 XADD * takes the clock's milliseconds, or the last id's with the next sequence when the clock is"
                    + " not ahead of it");

    static final Rule ADD_REFUSED =
            new Rule("add-refused", "RS1 XADD accepts * and every explicit id greater than the stream's last id");

    static final Rule LOST = new Rule(
            "lost",
            "RS2 an entry stays in the stream until trimming removes it as one of the oldest (MAXLEN keeps the newest"
                    + " n, MINID those at or above it)");

    static final Rule KEPT_PAST_TRIM =
            new Rule("kept-past-trim", "RS2 trimming is exact: MAXLEN n leaves n entries, MINID none below it");

    static final Rule TRIM_MISCOUNTED = new Rule("trim-miscounted", "RS2 XTRIM answers how many entries it removed");

    static final Rule REDELIVERED = new Rule(
            "redelivered",
            "RS3 > delivers only entries after the group's last-delivered id: never one the group delivered before"
                    + " (unless SETID moved it back)");

    static final Rule FOREIGN_PENDING =
            new Rule("foreign-pending", "RS4 a read by id answers only the reader's own pending entries");

    static final Rule OUT_OF_RANGE = new Rule(
            "read-out-of-range",
            "RS4 a read by id answers pending ids after it, never the id itself; RS8 XPENDING and XRANGE answer"
                    + " ids within start..end (and idle at least IDLE)");

    static final Rule PENDING_LOST = new Rule(
            "pending-lost",
            "RS5 an entry leaves a group's PEL only by that group's XACK, or by a claim that finds its entry gone"
                    + " (RS6, RS7); RS9 another group's XACK does not touch it");

    static final Rule PENDING_KEPT =
            new Rule("pending-kept", "RS5 an acked entry is no longer pending: XACK removes it from the group's PEL");

    static final Rule ACK_MISCOUNTED = new Rule(
            "ack-miscounted",
            "RS5 XACK answers how many of its ids were pending in the group: an unknown or acked id counts 0");

    static final Rule CLAIMED_TOO_SOON = new Rule(
            "claimed-too-soon",
            "RS6 XCLAIM and RS7 XAUTOCLAIM take only entries idle (now - last delivery) at least min-idle");

    static final Rule DELETED_UNREPORTED = new Rule(
            "deleted-unreported",
            "RS7 XAUTOCLAIM answers the pending ids whose entries are gone, and takes them out of the PEL");

    static final Rule WRONG_CURSOR = new Rule(
            "wrong-cursor",
            "RS7 XAUTOCLAIM answers the next PEL id to scan from, or 0-0 when its scan reached the end");

    static final Rule WRONG_OWNER = new Rule(
            "wrong-owner", "RS3 an entry is pending with its last reader or claimer; RS8 XPENDING names that consumer");

    static final Rule WRONG_COUNT = new Rule(
            "wrong-delivery-count",
            "RS3 a > delivery counts 1; RS4 a read by id and RS6 a claim each count one more delivery");

    static final Rule WRONG_IDLE =
            new Rule("wrong-idle", "RS8 XPENDING's idle is the milliseconds since the entry's last delivery or claim");

    static final Rule DEAD_LETTER_EARLY = new Rule(
            "dead-letter-early", "RS10 an entry is moved to the dead-letter stream only with N deliveries or more");

    static final Rule DEAD_LETTER_MISSED = new Rule(
            "dead-letter-missed",
            "RS10 the dead-letter pass moves every entry its consumer holds with N deliveries or more, a copy with"
                    + " source-id and deliveries");

    static final Rule ALTERED =
            new Rule("entry-altered", "every read answers an entry's fields as XADD was given them");

    static final Rule OUT_OF_ORDER = new Rule("out-of-order", "every read answers entries in id order");

    static final Rule UNEXPECTED = new Rule("unexpected", "nothing is answered that was never added or delivered");

    static final Rule ERROR_REPLY = new Rule(
            "wrong-error-reply",
            "an error reply exactly where Redis gives one: BUSYGROUP for a group that exists, NOGROUP for one that"
                    + " does not");

    static final Rule INVALID_ANSWER =
            new Rule("invalid-answer", "every answer is one the contract allows (no null, no null element)");

    static final Rule OPERATION_FAILED =
            new Rule("operation-failed", "every valid call answers as the contract says, without throwing");
}
