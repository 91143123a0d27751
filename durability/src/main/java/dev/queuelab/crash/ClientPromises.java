package dev.queuelab.crash;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.PartitionedLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the client of a power-cut trial wrote and was promised, kept from outside the log: the record it sent for
 * each offset and when, the acknowledgements as their futures completed, the commits that returned, the log starts
 * it was served, the offsets damage took. The {@link Judge} holds each recovered log to it. Thread-safe: futures
 * complete in the flushing thread, sends come from two.
 */
final class ClientPromises {

    private final boolean durable;
    private final Duration retention;
    private final Map<Long, ConsumerRecord> written = new HashMap<>();
    private final Map<Integer, TreeSet<Long>> promised = new TreeMap<>();
    private final Map<Integer, Long> committed = new TreeMap<>();
    private final long[] startSeen = new long[2];
    private final long[] exemptFrom = {Long.MAX_VALUE, Long.MAX_VALUE};
    private final long[] next = new long[2];
    private final long[] acked = {-1, -1};

    /** @param durable whether an acknowledgement promises to survive a power cut (force, group commit) */
    ClientPromises(boolean durable, Duration retention) {
        this.durable = durable;
        this.retention = retention;
    }

    /** The offset the next record of partition {@code p} will take, as far as the client knows. */
    synchronized long next(int p) {
        return next[p];
    }

    /** The client writes {@code r} at {@code offset} at {@code at}; the next offset is the one after. */
    synchronized void wrote(ConsumerRecord r) {
        written.put(key(r.partition(), r.offset()), r);
        next[r.partition()] = r.offset() + 1;
    }

    /** A transaction's marker may take {@code next}: no read serves it. */
    synchronized void markerMayTake(int p) {
        written.put(key(p, next[p]), Judge.MARKER);
    }

    /** The end of the transaction returned (the marker is there) or not (it is not). */
    synchronized void markerWritten(int p, boolean written) {
        if (written) {
            next[p]++;
        } else {
            this.written.remove(key(p, next[p]));
        }
    }

    /** The moment the client learns an append is kept: in whichever thread completes its future. */
    synchronized void acknowledged(int p, long offset) {
        acked[p] = Math.max(acked[p], offset);
        if (durable) {
            promised.computeIfAbsent(p, k -> new TreeSet<>()).add(offset);
        }
    }

    /** Where a commit of partition {@code p} points: after its last acknowledged record; 0 if none. */
    synchronized long commitPoint(int p) {
        return acked[p] + 1;
    }

    /** A commit returned: it must survive (R5), and a damage before it no longer excuses it (R4). */
    synchronized void committed(int p, long offset) {
        committed.put(p, offset);
        exemptFrom[p] = Long.MAX_VALUE;
    }

    /** The log start the client was served: retention's reach. */
    synchronized void served(int p, long logStart) {
        startSeen[p] = Math.max(startSeen[p], logStart);
    }

    /** Damage took offsets from {@code first} on: they are no longer promised (R1), nor commits past them. */
    synchronized void damaged(int p, long first) {
        TreeSet<Long> ps = promised.get(p);
        if (ps != null) {
            ps.tailSet(first).clear();
        }
        exemptFrom[p] = Math.min(exemptFrom[p], first);
    }

    /**
     * Judges a recovered log at {@code now}, then picks up from what it kept: the offsets past its end will be
     * written again, anew.
     */
    synchronized Judge.Verdict judge(PartitionedLog log, Instant now, String group) {
        Judge.Verdict v = Judge.judge(
                log,
                (p, o) -> written.get(key(p, o)),
                new Judge.Promises(
                        promised,
                        exemptFrom.clone(),
                        startSeen.clone(),
                        committed,
                        group,
                        (p, o) -> expired(p, o, now)));
        for (int p = 0; p < 2; p++) {
            next[p] = log.highWatermark(p);
            acked[p] = Math.min(acked[p], next[p] - 1);
            int partition = p;
            written.keySet().removeIf(k -> k >> 40 == partition && (k & ((1L << 40) - 1)) >= next[partition]);
        }
        return v;
    }

    /** Retention may have deleted the record at (p, o) by {@code now}: it is older than the retention time. */
    private boolean expired(int p, long o, Instant now) {
        ConsumerRecord r = written.get(key(p, o));
        return r != null && r != Judge.MARKER && !r.timestamp().isAfter(now.minus(retention));
    }

    private static long key(int p, long o) {
        return (long) p << 40 | o;
    }
}
