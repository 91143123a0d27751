package dev.queuelab.api.streams;

import java.util.List;

/**
 * What {@code XAUTOCLAIM} answers.
 *
 * @param next    where the next call should start scanning the PEL; 0-0 when the scan reached its end
 * @param claimed the entries claimed, in id order
 * @param deleted the pending ids whose entries were no longer in the stream: removed from the PEL (Redis 7)
 */
public record AutoClaimed(StreamId next, List<StreamEntry> claimed, List<StreamId> deleted) {

    public AutoClaimed {
        claimed = List.copyOf(claimed);
        deleted = List.copyOf(deleted);
    }
}
