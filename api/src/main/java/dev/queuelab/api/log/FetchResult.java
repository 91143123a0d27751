package dev.queuelab.api.log;

import java.util.List;

/**
 * What a read returned, with the partition's offsets at that moment.
 *
 * @param records          the visible records, in offset order; offsets may have gaps where the log holds
 *                         transaction markers or (under read_committed) aborted records
 * @param nextOffset       where the next read should start: after the last record returned, or after the
 *                         invisible entries this read stepped over
 * @param logStartOffset   the lowest offset still served
 * @param highWatermark    one past the last appended offset (one replica: the log end offset)
 * @param lastStableOffset the first offset of the earliest open transaction, or the high watermark if none
 */
public record FetchResult(
        int partition,
        List<ConsumerRecord> records,
        long nextOffset,
        long logStartOffset,
        long highWatermark,
        long lastStableOffset) {

    public FetchResult {
        records = List.copyOf(records);
    }
}
