package dev.queuelab.check.heldout.backpressure;

import dev.queuelab.check.backpressure.BufferPromise;

/**
 * The one mistake a held-out copy of the reference buffer makes, written from the contract and docs/backpressure.md
 * without sight of the buffer checks or their gallery (and none of the gallery's mistakes). Each slip names the
 * response it breaks, and so the promise it is held to; the two {@code NONE} slips are the reference as copied, in
 * memory and on the held-out disk store.
 */
public enum Slip {
    NONE(Response.BLOCK, "none: the reference as copied"),
    NONE_ON_DISK(Response.DISK, "none: the reference as copied, on a disk store"),
    // the ring's tail taken for its head: the message dropped is the newest held, not the oldest
    DROP_OLDEST_DROPS_NEWEST(
            Response.DROP_OLDEST, "drop-oldest drops (and names) the newest message held, not the oldest"),
    // the answer built from the wrong variable: the offered message named as dropped, the real one unreported
    DROP_NAMES_THE_OFFERED(
            Response.DROP_OLDEST, "drop-oldest drops the oldest but names the offered message as dropped"),
    // expiry left to the producer's side: a waiting offer is never timed out, only admitted
    BLOCK_NEVER_TIMES_OUT(Response.BLOCK, "a waiting offer is never answered TIMED_OUT: it waits until space frees"),
    // deadline compared with isAfter on the wrong side: an offer at exactly its deadline keeps waiting
    TIMEOUT_AFTER_DEADLINE(Response.BLOCK, "a waiting offer times out only after its deadline, not at it"),
    // expiry clears the whole wait queue once its head is due, later deadlines included
    EXPIRE_ALL_WAITERS(Response.BLOCK, "once the oldest waiting offer is due, every waiting offer is timed out"),
    // waiters kept on a stack: the newest waiting offer gets the freed space first
    WAITERS_NEWEST_FIRST(Response.BLOCK, "space freed by a poll goes to the newest waiting offer, not the oldest"),
    // AL2's comparison off by one: a raised alarm clears only below low
    ALARM_CLEARS_BELOW_LOW(Response.BLOCK, "a raised alarm clears only when depth falls below low, not at it"),
    // AL1's comparison off by one: the alarm is raised only above high
    ALARM_RAISED_ABOVE_HIGH(Response.BLOCK, "the alarm is raised only when depth passes high, not when it reaches it"),
    // restart empties the store without telling the alarm, which stays raised over an empty buffer
    RESTART_KEEPS_ALARM(Response.BLOCK, "a restart that empties the buffer leaves the alarm as it was"),
    // restart clears the waiting offers without answering them
    RESTART_FORGETS_WAITERS(Response.BLOCK, "a restart drops the waiting offers without answering them FAILED"),
    // appends written behind in batches of 4: a restart loses the unwritten tail
    DISK_LOSES_TAIL(
            Response.DISK, "the disk store writes appends in batches of 4, so a restart loses the unwritten tail"),
    // the read position committed every 4 takes: a restart delivers again what was taken since
    DISK_REPLAYS_TAKEN(Response.DISK, "the disk store commits its read position every 4 takes, so a restart replays");

    /** The response to a full buffer a slip breaks, with the promise it is held to. */
    public enum Response {
        BLOCK(BufferPromise.BLOCK),
        DROP_OLDEST(BufferPromise.DROP),
        DISK(BufferPromise.DISK);

        public final BufferPromise promise;

        Response(BufferPromise promise) {
            this.promise = promise;
        }
    }

    public final Response response;
    public final String mistake;

    Slip(Response response, String mistake) {
        this.response = response;
        this.mistake = mistake;
    }
}
