package dev.queuelab.reference.backpressure;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.Seek;
import dev.queuelab.reference.log.Disk;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * A buffer's messages in the durable log: one partition on disk, each append forced, the read position a
 * committed offset (forced before it is written), so that a restart reopens the log and resumes where the
 * consumer left off.
 *
 * Teaches: buffering to disk survives a crash, at the price of a force per message; it is a log with one reader.
 * Invariants: keeps BoundedBuffer's BP5 by DurableKafkaLog's DK1 (a completed append survives) and DK2 (the
 * committed position never points past what survives); a message taken before a crash whose position was not yet
 * committed would be read again (none is: the commit is inside take).
 * Thread-safety: none; its buffer holds the monitor.
 * Real world: RabbitMQ's lazy queues and quorum queues paging to disk, Kafka as a buffer in front of a slow sink,
 * a Fluent Bit or Vector disk buffer.
 */
public final class LogStore implements BufferStore {

    private static final String TOPIC = "buffer";
    private static final String GROUP = "drain";
    private static final LogConfig CONFIG = LogConfig.of(1).withSessionTimeout(Duration.ofDays(3650));

    private final Disk disk;
    private final Path dir;
    private final InstantSource clock;
    private DurableKafkaLog log;
    private Assignment member;
    private long position;

    /** Opens (or recovers) the buffer's log under {@code dir}. */
    public LogStore(Path dir, InstantSource clock) {
        this(Disk.REAL, dir, clock);
    }

    /** As {@link #LogStore(Path, InstantSource)}, every file operation through {@code disk}. */
    public LogStore(Disk disk, Path dir, InstantSource clock) {
        this.disk = disk;
        this.dir = dir;
        this.clock = clock;
        open();
    }

    private void open() {
        log = DurableKafkaLog.open(
                disk,
                dir,
                TOPIC,
                CONFIG,
                FlushPolicy.forceEachAppend(),
                clock,
                FlushScheduler.CALLER,
                DiskRules.REFERENCE);
        member = log.join(GROUP, "reader");
        position = log.resumeOffset(GROUP, 0, Seek.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    @Override
    public void append(String message) {
        AppendOutcome out = log.send(0, ProducerRecord.of(null, message)).join();
        if (!out.written()) {
            throw new IllegalStateException("the buffer's log refused an append: " + out);
        }
    }

    @Override
    public Optional<String> take() {
        FetchResult fetched = log.read(0, position, 1);
        List<ConsumerRecord> records = fetched.records();
        if (records.isEmpty()) {
            return Optional.empty();
        }
        position = records.get(0).offset() + 1;
        if (log.commit(GROUP, member.memberId(), member.generation(), 0, position) != CommitOutcome.COMMITTED) {
            throw new IllegalStateException("the buffer's read position was not committed at " + position);
        }
        return Optional.of(records.get(0).value());
    }

    @Override
    public int size() {
        return (int) (log.highWatermark(0) - position);
    }

    @Override
    public void restart() {
        log.simulatePowerLoss(); // closes its files, keeping what was forced
        open();
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Closes the log's files (its directory is the caller's to delete). */
    public void close() {
        log.simulatePowerLoss();
    }
}
