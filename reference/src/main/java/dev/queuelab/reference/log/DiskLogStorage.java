package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.Durability;
import dev.queuelab.api.log.FlushPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A partition on disk: a directory of {@link FileLogSegment}s, recovered when opened, forced by its
 * {@link FlushPolicy}.
 *
 * <pre>
 *   topic-0/
 *     00000000000000000000.log     frames of offsets 0..4095        (rolled, read only)
 *     00000000000000000000.index   sparse: offset -> byte position
 *     00000000000000004096.log     frames of offsets 4096..         (active: appends go here)
 *     00000000000000004096.index
 *     .clean-shutdown              written by close(), deleted by open(): the recovery point, with a CRC
 * </pre>
 *
 * Teaches: recovery. A crash can leave a torn last record, a record never forced, an index ahead of its log;
 * on open, every record from the recovery point on is read back and checked, the first bad one and all after
 * it are cut, and each index is rebuilt from its log if it differs.
 * Invariants:
 *   DS1 under force-each-append, an append is forced before the call that wrote it returns ({@link Flusher});
 *   DS2 a record is written before its index entry, so no crash leaves an entry for a record not there;
 *   DS3 recovery keeps only whole frames whose CRC32C matches, in offset order, and cuts the rest;
 *   DS4 a force covers every segment written since the previous force, rolled ones included;
 *   DS5 an acknowledgement completes only after the force that covers it has returned (page cache: after the
 *      write that puts it in the file has returned, promising PAGE_CACHE only);
 *   DS6 a group-commit batch is forced at maxBytes, or when its oldest append is linger old by the log's clock;
 *   DS7 after open, the segments are contiguous from the first baseOffset: a gap or a bad frame ends the log
 *      there, and later segments are deleted whole;
 *   DS8 records below the recovery point of a clean shutdown are scanned but not validated; after a crash
 *      (no mark) every record is validated;
 *   DS9 a name is durable before anything in it is promised: opening forces the log directory (the partition's
 *      name) and, after recovery, the partition directory (its first segment, the segments recovery deleted); a
 *      roll forces it again (the new segment), and a cut made by recovery is forced before the next append;
 *   DS10 every acknowledgement completes: one still waiting when the power is lost completes with an exception;
 *   DS11 an append's frame is put, the append counted and its acknowledgement queued in one hold of the
 *      partition's write lock ({@link Flusher}), so no force or write takes the append and misses its future.
 * Thread-safety: as {@link LogStorage}: the flush methods run without the log's monitor, the others with it.
 * Real world: Kafka's LogLoader and LogSegment.recover (log.dirs/topic-partition, 20-digit baseOffset file
 * names, .kafka_cleanshutdown, recovery-point-offset-checkpoint). Kafka writes the recovery point on a
 * schedule while running; here only a clean shutdown writes it, so a crash validates the whole partition.
 */
public class DiskLogStorage implements LogStorage {

    static final String CLEAN_SHUTDOWN = ".clean-shutdown";
    /** The write buffer of the active segment (group commit, page cache): one write(2) per 64 KiB at most. */
    static final int BUFFER = 64 << 10;

    private final Disk disk;
    private final Path dir;
    private final int partition;
    private final FlushPolicy policy;
    private final DiskRules rules;
    private final NavigableMap<Long, FileLogSegment> segments = new TreeMap<>();
    private final Flusher flusher;
    private final Object writeLock = new Object(); // the buffers of its segments and the flusher's state (SW3)
    private volatile FileLogSegment active; // the last segment: read without the monitor by a waiting sender (AK2)
    private final RecoveryReport report;
    private boolean closed;

    public DiskLogStorage(Path dir, int partition, FlushPolicy policy, FlushScheduler scheduler, DiskRules rules) {
        this(Disk.REAL, dir, partition, policy, scheduler, rules);
    }

    /** As the other constructor, with every file operation going through {@code disk}. */
    public DiskLogStorage(
            Disk disk, Path dir, int partition, FlushPolicy policy, FlushScheduler scheduler, DiskRules rules) {
        this.disk = disk;
        this.dir = dir;
        this.partition = partition;
        this.policy = policy;
        this.rules = rules;
        disk.createDirectories(dir);
        disk.forceDirectory(dir.getParent()); // DS9: the partition's name survives a power cut
        this.report = recover();
        this.flusher = new Flusher(partition, policy, rules, scheduler, active.nextOffset(), this::writeOut, writeLock);
    }

    /** Storage for each partition of a topic under {@code logDir/<topic>-<partition>}. */
    public static Factory factory(
            Path logDir, String topic, FlushPolicy policy, FlushScheduler scheduler, DiskRules rules) {
        return factory(Disk.REAL, logDir, topic, policy, scheduler, rules);
    }

    /** As {@link #factory(Path, String, FlushPolicy, FlushScheduler, DiskRules)}, on {@code disk}. */
    public static Factory factory(
            Disk disk, Path logDir, String topic, FlushPolicy policy, FlushScheduler scheduler, DiskRules rules) {
        return p -> new DiskLogStorage(disk, logDir.resolve(topic + "-" + p), p, policy, scheduler, rules);
    }

    private RecoveryReport recover() {
        Path mark = dir.resolve(CLEAN_SHUTDOWN);
        Optional<Map<String, Long>> clean = OffsetCheckpointFile.read(disk, mark);
        long recoveryPoint =
                clean.map(m -> m.getOrDefault("recovery-point", 0L)).orElse(0L);
        disk.delete(mark); // from now on, a crash is a crash (DS8)
        List<Long> bases = baseOffsets();
        long expected = bases.isEmpty() ? 0 : bases.get(0);
        long records = 0;
        long truncated = 0;
        int deleted = 0;
        int rebuilt = 0;
        String problem = null;
        for (int i = 0; i < bases.size(); i++) {
            FileLogSegment s = new FileLogSegment(disk, dir, partition, bases.get(i), rules, writeLock);
            if (problem != null || bases.get(i) != expected) {
                problem = problem != null
                        ? problem
                        : "a gap: segment " + bases.get(i) + " where offset " + expected + " was due";
                delete(s); // DS7
                deleted++;
                continue;
            }
            boolean holdsUnsafe = i + 1 >= bases.size() || bases.get(i + 1) > recoveryPoint;
            FileLogSegment.Scan scan;
            try {
                scan = s.recover(clean.isEmpty() || holdsUnsafe); // DS3, DS8
            } catch (RuntimeException refused) {
                letGo(s); // the log does not open: its files are closed, as they were found
                throw refused;
            }
            records += scan.kept();
            truncated += scan.truncatedBytes();
            rebuilt += scan.indexRebuilt() ? 1 : 0;
            problem = scan.problem();
            if (s.isEmpty() && i > 0) {
                delete(s); // an empty rolled file a crash left: the next roll makes it again
                deleted++;
                continue;
            }
            segments.put(s.baseOffset(), s);
            expected = s.nextOffset();
        }
        if (segments.isEmpty()) {
            segments.put(expected, new FileLogSegment(disk, dir, partition, expected, rules, writeLock));
        }
        disk.forceDirectory(dir); // DS9: the first segment's name, and what recovery deleted, survive a power cut
        active = segments.lastEntry().getValue();
        buffer(active);
        return new RecoveryReport(
                partition,
                clean.isPresent(),
                clean.isPresent() ? recoveryPoint : 0,
                segments.size(),
                records,
                truncated,
                deleted,
                rebuilt,
                problem);
    }

    private void letGo(FileLogSegment refused) {
        refused.close();
        for (FileLogSegment s : segments.values()) {
            s.close();
        }
    }

    private List<Long> baseOffsets() {
        List<Long> bases = new ArrayList<>();
        for (Path f : disk.list(dir)) {
            String name = f.getFileName().toString();
            if (name.matches("\\d{20}\\.log")) {
                bases.add(Long.parseLong(name.substring(0, 20)));
            } else if (name.matches("\\d{20}\\.index") && !disk.exists(dir.resolve(name.substring(0, 20) + ".log"))) {
                disk.delete(f); // an index with no log
            }
        }
        bases.sort(null);
        return bases;
    }

    @Override
    public List<LogSegment> segments() {
        return List.copyOf(segments.values());
    }

    @Override
    public LogSegment roll(long baseOffset) {
        active.drain(); // the old segment's last frames reach its file
        active.rolled(); // SF4: from now on a force of it forces its index too, after its log
        flusher.rolled(active);
        FileLogSegment next = new FileLogSegment(disk, dir, partition, baseOffset, rules, writeLock);
        buffer(next);
        segments.put(baseOffset, next);
        active = next;
        disk.forceDirectory(dir); // the new file's name survives a power loss
        return next;
    }

    @Override
    public void delete(LogSegment segment) {
        segments.remove(segment.baseOffset());
        delete((FileLogSegment) segment);
        disk.forceDirectory(dir); // DS9: a power cut cannot bring back what retention deleted, without its bytes
    }

    /** Group commit and page cache write through a buffer; the flusher hears what each write put in the file. */
    private void buffer(FileLogSegment s) {
        if (!(policy instanceof FlushPolicy.ForceEachAppend)) {
            s.buffer(BUFFER, upTo -> flusher.inFile(upTo));
        }
    }

    /** AK2: from any thread, without the monitor: writes what the active segment buffers (a roll wrote the rest). */
    private void writeOut() {
        active.drain();
    }

    private void delete(FileLogSegment s) {
        s.delete();
    }

    @Override
    public Durability durability() {
        return policy.durability();
    }

    @Override
    public void append(LogSegment segment, LogSegment.Entry entry, long offset, Instant now) {
        flusher.append((FileLogSegment) segment, entry, offset, now); // the frame and its future in one hold
    }

    @Override
    public CompletableFuture<AppendOutcome> acknowledgement(long offset) {
        return flusher.acknowledgement(offset);
    }

    @Override
    public void flushIfDue(Instant now) {
        flusher.flushIfDue(now);
    }

    @Override
    public void flush() {
        flusher.flush();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        long end = segments.lastEntry().getValue().nextOffset();
        for (FileLogSegment s : segments.values()) {
            s.forceIndex(); // SF4: after the flush that forced its log; a no-op for an index forced at its roll
            s.close();
        }
        OffsetCheckpointFile.write(disk, dir.resolve(CLEAN_SHUTDOWN), Map.of("recovery-point", end));
        closed = true;
    }

    @Override
    public void powerLoss() {
        if (closed) {
            return; // a clean shutdown already let go of the files
        }
        for (FileLogSegment s : segments.values()) {
            s.dropUnforced();
        }
        closed = true;
        flusher.powerLost(partition); // DS10
    }

    @Override
    public RecoveryReport recovery() {
        return report;
    }
}
