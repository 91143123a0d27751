package dev.queuelab.reference.log;

import dev.queuelab.api.log.SegmentRecovery;
import java.util.List;

/**
 * The log's decisions on disk, one rule per method, each citing the invariant it keeps.
 *
 * Teaches: where durability is won or lost: which bytes recovery trusts, in which order a record and its
 * index entry are written, which files a force covers, and when an append is acknowledged.
 * Invariants: those of {@link DiskLogStorage} (DS1 to DS6); each method names the one it decides.
 * Thread-safety: stateless; called by the storage's classes under their locks.
 * Real world: each method names the Kafka code path it mirrors. The disk bug gallery overrides one.
 */
public class DiskRules {

    /** The rules as the reference keeps them. */
    public static final DiskRules REFERENCE = new DiskRules();

    /** DS3: recovery keeps a frame only if it decodes and its CRC32C matches (Kafka's LogSegment.recover). */
    protected boolean keeps(RecordFrame.Frame frame) {
        return frame.status() == RecordFrame.Status.OK;
    }

    /**
     * DS3: how a segment file is recovered after a crash: the reference's {@link CrcSegmentRecovery}, which keeps
     * what {@link #keeps} accepts. A recovery written against the api alone plugs in here, in its place.
     */
    protected SegmentRecovery recovery() {
        return new CrcSegmentRecovery(this::keeps);
    }

    /**
     * DS2: an append writes its record, then (when one is due) its index entry, so that a crash between the two
     * never leaves an entry for a record that is not there (Kafka's LogSegment.append writes the batch first).
     */
    protected void appendInOrder(Runnable writeRecord, Runnable writeIndexEntry) {
        writeRecord.run();
        writeIndexEntry.run();
    }

    /** DS4: a force covers every segment written since the last one, the rolled ones too (Kafka: flush(offset)). */
    protected List<FileLogSegment> toForce(List<FileLogSegment> written) {
        return written;
    }

    /**
     * DS4: a force covers the frames the writer still buffers (group commit): they are written to the file, then the
     * file is forced (Kafka's FileRecords.flush forces what its appends already wrote).
     */
    protected void drainThenForce(Runnable drain, Runnable force) {
        drain.run();
        force.run();
    }

    /** DS5: appends are acknowledged only once the force that covers them has returned. */
    protected boolean acknowledgesBeforeForce() {
        return false;
    }

    /** How many bytes of records between index entries (Kafka's index.interval.bytes, 4096). */
    protected int indexIntervalBytes() {
        return 4096;
    }
}
