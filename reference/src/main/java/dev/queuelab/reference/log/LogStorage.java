package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Durability;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where one partition keeps its segments: in memory ({@link MemoryLogStorage}) or in a directory of files
 * ({@link DiskLogStorage}). A {@link Partition} decides what goes in; its storage decides where it lives and
 * when an append is acknowledged.
 *
 * Teaches: the log's rules (offsets, retention, transactions) do not change with the storage; what changes is
 * what an acknowledged append survives ({@link #durability()}) and what a restart finds ({@link #segments()}).
 * Invariants:
 *   LS1 {@link #segments()} are contiguous, at least one, and what a previous life of the partition left
 *      (nothing in memory; on disk, what recovery kept);
 *   LS2 an append's acknowledgement completes only when the append survives what {@link #durability()} names.
 * Thread-safety: {@link #flushIfDue} and {@link #flush} may be called without the log's monitor, from any
 * thread; every other method is called holding it.
 * Real world: Kafka's UnifiedLog/LocalLog over a log directory; Kafka has no storage in memory.
 */
public interface LogStorage extends AutoCloseable {

    /** Makes one partition's storage, given its number. */
    interface Factory {
        LogStorage open(int partition);
    }

    /** The segments found when the storage was opened, oldest first (LS1). */
    List<LogSegment> segments();

    /** A new, empty active segment starting at {@code baseOffset}. */
    LogSegment roll(long baseOffset);

    /** Removes a segment retention deleted, with its files. */
    void delete(LogSegment segment);

    Durability durability();

    /**
     * Appends {@code entry} at {@code offset} to {@code segment}, the active one, holding the monitor (a force may
     * follow, DS1); storage that other threads write takes its own lock around it.
     */
    void append(LogSegment segment, LogSegment.Entry entry, long offset, Instant now);

    /**
     * The acknowledgement of the append just made at {@code offset}, completing with its outcome (LS2); asked right
     * after that append, holding the monitor.
     */
    CompletableFuture<AppendOutcome> acknowledgement(long offset);

    /** Without the monitor: forces what waits if a batch is due by size or by linger at {@code now}. */
    void flushIfDue(Instant now);

    /** Without the monitor: forces everything written so far and completes what waited for it. */
    void flush();

    /** A clean shutdown: everything forced, a clean-shutdown mark written, files closed. */
    @Override
    void close();

    /** A power loss, for simulations and trials: every file keeps only what was forced; nothing is marked clean. */
    void powerLoss();

    /** What opening the storage found and did. */
    RecoveryReport recovery();
}
