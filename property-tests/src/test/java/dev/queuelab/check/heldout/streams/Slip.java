package dev.queuelab.check.heldout.streams;

/**
 * The one mistake a held-out copy of the reference streams makes, written from the contract and Redis's docs
 * without sight of the stream checks or their gallery (and none of the gallery's mistakes). {@link #NONE} is the
 * reference as copied; each other slip is one branch of the copy.
 */
public enum Slip {
    NONE("none: the reference as copied"),
    // XCLAIM's min-idle filter forgotten: every named pending id is taken, however recently delivered
    CLAIM_IGNORES_MIN_IDLE("XCLAIM takes every named pending id, whatever its idle time"),
    // idle compared with > where Redis skips only idle < min-idle
    CLAIM_AT_MIN_IDLE_REFUSED("XCLAIM refuses an entry idle exactly min-idle (> for >=)"),
    // the cursor is set one past the line the scan stopped at, so the next call never inspects it
    AUTOCLAIM_CURSOR_SKIPS("XAUTOCLAIM answers as its cursor the id after the line it stopped at, skipping that line"),
    // the cursor is only set when the attempts run out, so a scan stopped by COUNT says it reached the end
    AUTOCLAIM_CURSOR_ENDS_AT_COUNT("XAUTOCLAIM stopped by its COUNT answers 0-0, as if it had reached the end"),
    // the consumer filter of the history read left out: the group's whole PEL after the id comes back
    OWN_READ_SHOWS_OTHERS("XREADGROUP with an id answers every consumer's pending entries, not only the reader's"),
    // the history read counts a delivery but leaves the last-delivery time, so idle keeps growing
    OWN_READ_KEEPS_IDLE("XREADGROUP with an id counts a delivery but does not reset the entry's idle time"),
    // SETID taken as a reset of the group: the PEL is emptied with the cursor move
    SETID_CLEARS_PEL("XGROUP SETID empties the group's PEL as well as moving its last-delivered id"),
    // the stream treated as a queue: an acked entry is deleted from the stream for every group
    ACK_DELETES_ENTRY("XACK deletes the entry from the stream as well as from the group's PEL"),
    // MINID compared with <= : the entry at the MINID itself is trimmed
    MINID_DROPS_ITS_ID("MINID trims the entry with the given id too, keeping only those above it"),
    // the last id read from the newest entry left, so trimming everything forgets it
    LAST_ID_FROM_NEWEST_ENTRY("the last id is the newest entry's, so after trimming the stream empty ids start over"),
    // the dead-letter pass lists the PEL without its consumer, moving entries other consumers hold
    DEAD_LETTER_EVERY_CONSUMER("the dead-letter pass moves every consumer's entries, not only the caller's"),
    // XPENDING's IDLE filter compared with > : a line idle exactly IDLE is left out
    PENDING_IDLE_STRICT("XPENDING IDLE leaves out a line idle exactly the given time"),
    // XCLAIM moves a pending line whose entry was trimmed to the claimer and answers it with nil fields
    CLAIM_KEEPS_GONE(
            "XCLAIM of a pending id whose entry was trimmed keeps the line and answers the id with nil fields"),
    // > over an id already pending (after SETID moved the group back) counts on from the old line instead of at 1
    NEW_READ_KEEPS_COUNT("> delivering an id already pending counts one more delivery instead of restarting at 1"),
    // the summary's greatest id taken from the group's cursor rather than from the PEL
    SUMMARY_GREATEST_IS_CURSOR("the XPENDING summary answers the group's last-delivered id as its greatest pending id"),
    // gone ids dropped on the way without counting toward COUNT, as if only claims counted
    AUTOCLAIM_GONE_NOT_COUNTED("XAUTOCLAIM counts only the entries it claimed toward COUNT, not the gone ids"),
    // XACK answers the number of ids given, not the number that were pending
    ACK_COUNTS_EVERY_ID("XACK answers how many ids it was given, not how many were pending"),
    // XADD trims before it appends, so MAXLEN n leaves n + 1 entries
    XADD_TRIMS_BEFORE_APPEND("XADD with MAXLEN trims before appending, so the stream keeps one entry too many");

    public final String mistake;

    Slip(String mistake) {
        this.mistake = mistake;
    }
}
