package dev.queuelab.check.heldout.subscription;

import java.util.Set;

/**
 * A subscription's acknowledgement state at one moment: the messages it had not acked then, and the last publish
 * before it (everything published after it counts as unacked too, as Pub/Sub's snapshots keep it).
 *
 * @param subscription the subscription it was taken of (only it may seek to it, here)
 * @param unacked      the publish order numbers it had not acked
 * @param lastSeq      the publish order number of the last message published before it
 */
public record Snapshot(String subscription, Set<Long> unacked, long lastSeq) {

    public Snapshot {
        unacked = Set.copyOf(unacked);
    }

    /** Whether a message is unacked in this snapshot's state. */
    boolean unacked(long seq) {
        return seq > lastSeq || unacked.contains(seq);
    }
}
