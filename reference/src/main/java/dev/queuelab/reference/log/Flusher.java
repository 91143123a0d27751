package dev.queuelab.reference.log;

import dev.queuelab.api.log.AppendOutcome;
import dev.queuelab.api.log.FlushPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a partition's files are forced, and which acknowledgements each force completes.
 *
 * Teaches: group commit. Appends gather in a write buffer and wait, each with a future, for the one force that
 * covers them; a producer keeps sending meanwhile (pipelining), so one write and one fsync pay for many records,
 * and with a scheduler's thread to force them, the producer's appends and the device's fsync overlap.
 * Under page cache the same buffer is written as one write(2) and the futures it holds complete after it.
 * Invariants (numbered as in {@link DiskLogStorage}):
 *   DS1 under force-each-append, an append is forced before the call that wrote it returns;
 *   DS4 a force covers every segment written since the previous force, rolled ones included;
 *   DS5 a future completes only after the force covering its append has returned (under page cache, after the
 *      write that put its append in the file has returned: PAGE_CACHE only, AK2);
 *   DS6 a batch is forced once it holds maxBytes, or its oldest append is linger old by the log's clock (checked
 *      at each append and flush) or by the FlushScheduler given; found due by a send, it is forced by that
 *      send when the scheduler runs no tasks ({@link FlushScheduler#CALLER}), else handed to the scheduler at
 *      once, one force queued at a time, and the sender goes on appending while it runs;
 *   DS10 every future completes: one still waiting when the power is lost completes with an exception;
 *   DS11 an append's frame is put, the append counted and its future queued in one hold of the write lock
 *      ({@link #append}), so no force or write can take the append and miss its future.
 * Thread-safety: {@link #append} and {@link #acknowledgement} run under the log's monitor; {@link #flush},
 * {@link #flushIfDue} and {@link #inFile} run without it, from any thread: forces are serialized by their own
 * lock, so appends go on during one; the futures wait in offset order (queued under the monitor) and complete
 * outside any lock but the force's. {@link #flushIfDue} reads two volatile fields and takes no lock: a send that
 * finds the batch due just after another thread forced it forces again, which keeps every promise.
 * Real world: Kafka's flush.messages / flush.ms (log.flush.interval.*), which Kafka leaves unset by default and
 * relies on replication instead; the pipelined futures are those of Kafka's producer (max.in.flight.requests).
 * Kafka forces a log past flush.messages in the thread of the append that found it due, and one past flush.ms
 * on its scheduler's thread; here a batch due by size goes to the scheduler too, when it runs tasks.
 */
final class Flusher {

    private final int partition;
    private final FlushPolicy policy;
    private final DiskRules rules;
    private final FlushScheduler scheduler;
    private final Runnable writeOut; // writes the active segment's buffer (AK2)
    private final Object state; // the partition's write lock: its segments' writers are guarded by it too (SW3)
    private final Object forcing = new Object();
    private final Map<FileLogSegment, Long> written = new LinkedHashMap<>(); // rolled segment -> its size then
    private FileLogSegment current; // the segment last appended to since the last force, not yet in written
    private long currentSize;
    private ArrayDeque<Acknowledgement<AppendOutcome>> waiting = new ArrayDeque<>(); // in offset order
    private long writtenUpTo;
    private long inFileUpTo; // page cache: the offsets below it are in the file
    private long pendingBytes;
    private Instant oldest;
    private volatile Instant due; // group commit: oldest + linger, when the batch falls due by time (DS6)
    private volatile boolean full; // group commit: the batch holds maxBytes (DS6)
    private final AtomicBoolean forceQueued = new AtomicBoolean(); // a due batch handed to the scheduler (DS6)
    private boolean writeScheduled;
    private Acknowledgement<AppendOutcome> last; // the last append's future, for its send (DS11); the monitor's

    Flusher(
            int partition,
            FlushPolicy policy,
            DiskRules rules,
            FlushScheduler scheduler,
            long recovered,
            Runnable writeOut,
            Object writeLock) {
        this.partition = partition;
        this.state = writeLock;
        this.policy = policy;
        this.rules = rules;
        this.scheduler = scheduler;
        this.writeOut = writeOut;
        this.writtenUpTo = recovered;
        this.inFileUpTo = recovered;
    }

    /**
     * Appends {@code entry} at {@code offset} to {@code segment}, the active one: its frame is put, the append
     * counted and its future queued in one hold of the write lock (SW3, DS11); what a write did is told after it.
     */
    void append(FileLogSegment segment, LogSegment.Entry entry, long offset, Instant now) {
        boolean schedule = false;
        long inFile;
        synchronized (state) {
            segment.append(entry, now); // SW3: its writer takes no lock of its own inside this one
            if (segment != current) {
                if (current != null) {
                    written.put(current, currentSize); // rolled: its size is final
                }
                current = segment;
            }
            currentSize = segment.fileSize();
            writtenUpTo = offset + 1;
            pendingBytes += segment.lastAppendBytes();
            if (oldest == null) {
                oldest = now;
                schedule = policy instanceof FlushPolicy.GroupCommit;
                due = schedule ? now.plus(((FlushPolicy.GroupCommit) policy).linger()) : null;
            }
            if (policy instanceof FlushPolicy.GroupCommit g && pendingBytes >= g.maxBytes()) {
                full = true;
            }
            boolean pageCache = policy instanceof FlushPolicy.PageCache;
            if (pageCache && !writeScheduled) {
                writeScheduled = true; // AK2: a scheduler writes the buffer soon; CALLER leaves it to a waiter
                schedule = true;
            }
            last = new Acknowledgement<>(
                    offset, AppendOutcome.appended(partition, offset), pageCache ? writeOut : null);
            waiting.add(last); // DS11
            inFile = segment.takeWritten(); // SW2: a write the put made (a full buffer, a frame above it)
        }
        if (inFile >= 0) {
            inFile(inFile); // outside the lock; under page cache it may acknowledge this append too
        }
        if (policy instanceof FlushPolicy.ForceEachAppend) {
            flush(); // DS1
        } else if (schedule && policy instanceof FlushPolicy.GroupCommit g) {
            scheduler.schedule(g.linger(), this::flush); // DS6
        } else if (schedule) {
            scheduler.schedule(Duration.ZERO, this::scheduledWrite);
        }
    }

    /**
     * SF4: {@code old} rolled; the next force covers it, so its index reaches the device after its log, even when
     * a force already covered its last append (that force, before the roll, left its index alone).
     */
    void rolled(FileLogSegment old) {
        synchronized (state) {
            if (old == current) {
                written.put(current, currentSize);
                current = null;
            } else {
                written.putIfAbsent(old, old.fileSize());
            }
        }
    }

    private void scheduledWrite() {
        synchronized (state) {
            writeScheduled = false;
        }
        writeOut.run();
    }

    /**
     * DS5, DS11: the future of the append just made at {@code offset}, queued when it was appended: completed when
     * its force (page cache: its write) has returned, perhaps already. Asked right after the append, holding the
     * monitor; no lock of the flusher's is taken.
     */
    CompletableFuture<AppendOutcome> acknowledgement(long offset) {
        if (last == null || last.offset != offset) {
            throw new IllegalStateException("the acknowledgement of offset " + offset + " was asked after the append"
                    + " at " + (last == null ? "none" : last.offset) + ": ask right after the append, holding the"
                    + " log's monitor");
        }
        return last;
    }

    /** SW2: a write put the offsets below {@code upTo} in the file; under page cache, that acknowledges them. */
    void inFile(long upTo) {
        if (!(policy instanceof FlushPolicy.PageCache)) {
            return; // DS5: group commit waits for the force
        }
        ArrayDeque<Acknowledgement<AppendOutcome>> covered;
        synchronized (state) {
            inFileUpTo = Math.max(inFileUpTo, upTo);
            covered = covered(inFileUpTo);
        }
        covered.forEach(Acknowledgement::acknowledge); // DS5, outside the lock: a future runs its caller's code
    }

    void flushIfDue(Instant now) {
        if (!(policy instanceof FlushPolicy.GroupCommit g)) {
            return;
        }
        Instant dueAt = due; // no lock, no Duration per send: set with the batch's first append
        if (dueAt == null || !full && now.isBefore(dueAt)) {
            return;
        }
        if (!scheduler.runsTasks()) {
            flush(); // DS6: by the sender
        } else if (forceQueued.compareAndSet(false, true)) {
            scheduler.schedule(Duration.ZERO, this::queuedFlush); // DS6: by the scheduler's thread
        }
    }

    private void queuedFlush() {
        forceQueued.set(false); // a batch falling due during this force queues the next one
        flush();
    }

    void flush() {
        synchronized (forcing) {
            Map<FileLogSegment, Long> batch;
            ArrayDeque<Acknowledgement<AppendOutcome>> covered;
            long upTo;
            synchronized (state) {
                if (current != null) {
                    written.put(current, currentSize);
                    current = null;
                }
                batch = new LinkedHashMap<>(written);
                written.clear();
                upTo = writtenUpTo;
                pendingBytes = 0;
                oldest = null;
                due = null;
                full = false;
                covered = covered(upTo);
            }
            if (rules.acknowledgesBeforeForce()) {
                covered.forEach(Acknowledgement::acknowledge);
            }
            try {
                for (FileLogSegment s : rules.toForce(new ArrayList<>(batch.keySet()))) { // DS4
                    s.force(batch.getOrDefault(s, s.fileSize()));
                }
            } catch (RuntimeException e) { // an I/O error, or a power cut in a simulation
                covered.forEach(w -> w.completeExceptionally(e));
                throw e;
            }
            covered.forEach(Acknowledgement::acknowledge); // DS5
        }
    }

    /**
     * DS10: a power loss ends the process that would have completed the waiting futures: each completes with an
     * exception saying so, as a producer's request to a broker that died ends in an error, never in silence.
     */
    void powerLost(int partition) {
        ArrayDeque<Acknowledgement<AppendOutcome>> lost;
        synchronized (state) {
            lost = waiting;
            waiting = new ArrayDeque<>();
        }
        for (Acknowledgement<AppendOutcome> a : lost) {
            a.completeExceptionally(new IllegalStateException("partition " + partition + " lost power before the append"
                    + " at offset " + a.offset + " was acknowledged: it may be gone; open the log directory again to"
                    + " see what survived"));
        }
    }

    /**
     * Holding state: takes the waiting futures below {@code upTo} out, in offset order. Usually that is all of them
     * (each was registered after its append had counted in writtenUpTo), and the queue itself is handed over.
     */
    private ArrayDeque<Acknowledgement<AppendOutcome>> covered(long upTo) {
        if (!waiting.isEmpty() && waiting.peekLast().offset < upTo) {
            ArrayDeque<Acknowledgement<AppendOutcome>> all = waiting;
            waiting = new ArrayDeque<>(all.size());
            return all;
        }
        ArrayDeque<Acknowledgement<AppendOutcome>> some = new ArrayDeque<>();
        while (!waiting.isEmpty() && waiting.peek().offset < upTo) {
            some.add(waiting.poll());
        }
        return some;
    }
}
