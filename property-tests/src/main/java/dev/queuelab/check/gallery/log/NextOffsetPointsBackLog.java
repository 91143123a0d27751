package dev.queuelab.check.gallery.log;

import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.PartitionedLog;
import dev.queuelab.reference.log.ForwardingLog;
import dev.queuelab.reference.log.KafkaLog;
import java.time.InstantSource;

/**
 * Bug gallery (log): Answers a read with the offset of the last record it returned as the next offset, not
 * one past it (the position of the last record read mistaken for the position to read next): a consumer that
 * goes on from there reads that record again on every poll. The reference log wrapped, one answer changed.
 *
 * <p>Caught as {@code poll-repeat}.
 */
public final class NextOffsetPointsBackLog implements ForwardingLog {

    private final KafkaLog log;

    public NextOffsetPointsBackLog(LogConfig config, InstantSource clock) {
        this.log = new KafkaLog(config, clock);
    }

    @Override
    public PartitionedLog delegate() {
        return log;
    }

    @Override
    public FetchResult read(int partition, long fromOffset, int max, IsolationLevel isolation) {
        FetchResult r = log.read(partition, fromOffset, max, isolation);
        return r.records().isEmpty()
                ? r
                : new FetchResult(
                        r.partition(),
                        r.records(),
                        r.records().get(r.records().size() - 1).offset(),
                        r.logStartOffset(),
                        r.highWatermark(),
                        r.lastStableOffset());
    }
}
