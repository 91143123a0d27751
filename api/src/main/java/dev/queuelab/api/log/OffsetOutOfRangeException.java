package dev.queuelab.api.log;

import dev.queuelab.api.OutOfRangeException;

/** A read from an offset the partition does not serve: below its log start offset or above its high watermark. */
public class OffsetOutOfRangeException extends OutOfRangeException {

    public OffsetOutOfRangeException(int partition, long offset, long logStartOffset, long highWatermark) {
        super(
                "offset",
                offset + " of partition " + partition,
                logStartOffset + " to " + highWatermark + " (the log start offset to the high watermark);"
                        + " seek to earliest or latest to start again");
    }
}
