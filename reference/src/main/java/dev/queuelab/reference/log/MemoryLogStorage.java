package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Durability;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A partition's segments in memory: nothing to recover, nothing to force, everything lost on restart.
 *
 * Teaches: the baseline every storage is measured against; an acknowledgement here means "in this process".
 * Invariants: LS1 (one empty segment at offset 0 on open) and LS2 (acknowledged at once: MEMORY) of
 * {@link LogStorage}.
 * Thread-safety: stateless apart from its partition number.
 * Real world: none in Kafka; Redis Streams without persistence (no AOF, no RDB) keeps a stream like this.
 */
public final class MemoryLogStorage implements LogStorage {

    private final int partition;

    public MemoryLogStorage(int partition) {
        this.partition = partition;
    }

    @Override
    public List<LogSegment> segments() {
        return List.of(new MemoryLogSegment(0));
    }

    @Override
    public LogSegment roll(long baseOffset) {
        return new MemoryLogSegment(baseOffset);
    }

    @Override
    public void delete(LogSegment segment) {}

    @Override
    public Durability durability() {
        return Durability.MEMORY;
    }

    @Override
    public void append(LogSegment segment, LogSegment.Entry entry, long offset, Instant now) {
        segment.append(entry, now);
    }

    @Override
    public CompletableFuture<AppendOutcome> acknowledgement(long offset) {
        return CompletableFuture.completedFuture(AppendOutcome.appended(partition, offset));
    }

    @Override
    public void flushIfDue(Instant now) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** A restart of a log in memory finds nothing: every record is lost, as expected. */
    @Override
    public void powerLoss() {}

    @Override
    public RecoveryReport recovery() {
        return RecoveryReport.fresh(partition);
    }
}
