package dev.queuelab.reference.log;

import dev.queuelab.api.log.FlushPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * When a partition's files are forced, and which acknowledgements each force completes.
 *
 * Teaches: group commit. Appends write to the page cache at once and wait, each with a future, for the one
 * force that covers them; a producer keeps sending meanwhile (pipelining), so one fsync pays for many records.
 * Invariants (numbered as in {@link DiskLogStorage}):
 *   DS1 under force-each-append, an append is forced before the call that wrote it returns;
 *   DS4 a force covers every segment written since the previous force, rolled ones included;
 *   DS5 a future completes only after the force covering its append has returned (never under page cache,
 *      where it completes at once and promises PAGE_CACHE only);
 *   DS6 a batch is forced once it holds maxBytes, or its oldest append is linger old by the log's clock (checked
 *      at each append and flush) or by the FlushScheduler given.
 * Thread-safety: {@link #appended} and {@link #acknowledgement} run under the log's monitor; {@link #flush}
 * runs without it, from any thread: forces are serialized by their own lock, so appends go on during one.
 * Real world: Kafka's flush.messages / flush.ms (log.flush.interval.*), which Kafka leaves unset by default and
 * relies on replication instead; the pipelined futures are those of Kafka's producer (max.in.flight.requests).
 */
final class Flusher {

    private record Waiting(long offset, CompletableFuture<Void> future) {}

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final FlushPolicy policy;
    private final DiskRules rules;
    private final FlushScheduler scheduler;
    private final Object state = new Object();
    private final Object forcing = new Object();
    private final Map<FileLogSegment, Long> written = new LinkedHashMap<>(); // segment -> its size then
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long writtenUpTo;
    private long forcedUpTo;
    private long pendingBytes;
    private Instant oldest;

    Flusher(FlushPolicy policy, DiskRules rules, FlushScheduler scheduler, long recovered) {
        this.policy = policy;
        this.rules = rules;
        this.scheduler = scheduler;
        this.writtenUpTo = recovered;
        this.forcedUpTo = recovered;
    }

    void appended(FileLogSegment segment, long offset, long bytes, Instant now) {
        boolean schedule = false;
        synchronized (state) {
            written.put(segment, segment.fileSize());
            writtenUpTo = offset + 1;
            pendingBytes += bytes;
            if (oldest == null) {
                oldest = now;
                schedule = policy instanceof FlushPolicy.GroupCommit;
            }
        }
        if (policy instanceof FlushPolicy.ForceEachAppend) {
            flush(); // DS1
        } else if (schedule) {
            scheduler.schedule(((FlushPolicy.GroupCommit) policy).linger(), this::flush); // DS6
        }
    }

    CompletableFuture<Void> acknowledgement(long offset) {
        if (policy instanceof FlushPolicy.PageCache) {
            return DONE; // DS5: PAGE_CACHE only
        }
        synchronized (state) {
            if (offset < forcedUpTo) {
                return DONE;
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiting.add(new Waiting(offset, f));
            return f;
        }
    }

    void flushIfDue(Instant now) {
        if (!(policy instanceof FlushPolicy.GroupCommit g)) {
            return;
        }
        boolean due;
        synchronized (state) {
            due = oldest != null
                    && (pendingBytes >= g.maxBytes()
                            || Duration.between(oldest, now).compareTo(g.linger()) >= 0);
        }
        if (due) {
            flush(); // DS6
        }
    }

    void flush() {
        synchronized (forcing) {
            List<Map.Entry<FileLogSegment, Long>> batch;
            List<Waiting> covered = new ArrayList<>();
            long upTo;
            synchronized (state) {
                batch = new ArrayList<>(written.entrySet());
                written.clear();
                upTo = writtenUpTo;
                pendingBytes = 0;
                oldest = null;
                while (!waiting.isEmpty() && waiting.peek().offset() < upTo) {
                    covered.add(waiting.poll());
                }
            }
            if (rules.acknowledgesBeforeForce()) {
                covered.forEach(w -> w.future().complete(null));
            }
            List<FileLogSegment> segments = new ArrayList<>();
            batch.forEach(e -> segments.add(e.getKey()));
            try {
                for (FileLogSegment s : rules.toForce(segments)) { // DS4
                    force(s, written(batch, s));
                }
            } catch (RuntimeException e) { // an I/O error, or a power cut in a simulation
                covered.forEach(w -> w.future().completeExceptionally(e));
                throw e;
            }
            synchronized (state) {
                forcedUpTo = Math.max(forcedUpTo, upTo);
                // a send may have registered during the force, for an offset this force covered: it found
                // forcedUpTo still low and waits; only this force can wake it (no further append may come)
                while (!waiting.isEmpty() && waiting.peek().offset() < forcedUpTo) {
                    covered.add(waiting.poll());
                }
            }
            covered.forEach(w -> w.future().complete(null)); // DS5
        }
    }

    private static long written(List<Map.Entry<FileLogSegment, Long>> batch, FileLogSegment s) {
        return batch.stream()
                .filter(e -> e.getKey() == s)
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(s.fileSize());
    }

    private static void force(FileLogSegment s, long upTo) {
        s.force(upTo); // a segment retention deleted since it was written has nothing left to keep
    }
}
