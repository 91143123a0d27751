package dev.queuelab.reference.log;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The scan that opens a segment file: it asks the rules' {@link SegmentRecovery} which prefix of the file is good
 * (after a crash), holds that answer to the recovery's contract, then walks the frames kept to learn what the
 * segment derives from them: its next offset, its timestamps, its index.
 *
 * Teaches: a recovery is code the log did not write (exercise 9 plugs one in), so its answer is checked before it
 * is believed: the file is cut where the recovery says only once every byte it keeps has been walked as a whole
 * frame of the offset due. The walk checks no CRC: the recovery decided what is good.
 * Invariants (those of {@link FileLogSegment} and {@link DiskLogStorage} it keeps on open):
 *   SF1 the prefix it keeps is the frames of [baseOffset, baseOffset + records) in order, and the segment is cut
 *      after it: the walk ends at the recovery's validBytes or, without validation, at the first frame it cannot
 *      read;
 *   SF2 the index it gives names only frames of that prefix, one entry per indexIntervalBytes of records;
 *   DS3 with validation, the prefix is what the rules' recovery kept, and only if that is a log: no more bytes than
 *      the file, whole frames that decode, each with the offset due, as many as it counted; anything else is a
 *      {@link RecoveryContractException} naming its {@link RecoveryContractException.Breach};
 *   DS8 without validation (below a clean shutdown's recovery point) no recovery runs.
 * Thread-safety: none needed: it reads the file and writes nothing, once per segment, while the log opens.
 * Real world: the read half of Kafka's LogSegment.recover, which walks the batches it validates, rebuilding the
 * offset and time indexes as it goes, before it truncates the log to validBytes.
 */
final class SegmentScan {

    /**
     * The good prefix of a segment file: its records, the bytes they fill (the file is cut there), the index they
     * give, the bytes of records after that index's last entry, and the first thing found wrong, or null.
     */
    record Prefix(long records, long validBytes, List<long[]> index, long bytesSinceIndex, String problem) {}

    private final Path file;
    private final int partition;
    private final long baseOffset;
    private final DiskRules rules;

    SegmentScan(Path file, int partition, long baseOffset, DiskRules rules) {
        this.file = file;
        this.partition = partition;
        this.baseOffset = baseOffset;
        this.rules = rules;
    }

    /**
     * Validates the first {@code size} bytes of {@code log} with the rules' {@link SegmentRecovery} if
     * {@code validate} (after a crash, DS8), and keeps the good prefix the recovery returns (SF1); then walks the
     * frames kept, handing each entry and its timestamp (null for a marker) to {@code track}, and gives the index
     * they imply (SF2). A recovery that kept what cannot be a record (a torn frame, an offset out of order, more
     * bytes than the file, a wrong count) is refused with a {@link RecoveryContractException} (DS3). Without
     * {@code validate} the walk stops at the first frame it cannot read, as a scan does.
     */
    Prefix read(Disk.Handle log, long size, boolean validate, BiConsumer<LogSegment.Entry, Instant> track) {
        ByteBuffer bytes = contents(log, size);
        long keep = size;
        String problem = null;
        long claimed = -1;
        if (validate) { // DS8: below a clean shutdown's recovery point, no recovery runs
            RecoveredSegment found = rules.recovery().recover(bytes.asReadOnlyBuffer(), baseOffset); // DS3
            if (found.validBytes() > size) {
                throw new RecoveryContractException(
                        RecoveryContractException.Breach.PAST_THE_END,
                        file,
                        found.validBytes(),
                        "kept " + found.validBytes() + " bytes of a file of " + size);
            }
            keep = found.validBytes();
            problem = found.problem();
            claimed = found.records();
        }
        List<long[]> index = new ArrayList<>();
        int position = 0;
        long since = 0;
        long due = baseOffset;
        while (position < keep) {
            RecordFrame.Frame f = RecordFrame.read(bytes, position, (int) keep, partition);
            String wrong = f.status() == RecordFrame.Status.TORN
                    ? "a torn record"
                    : f.entry() == null
                            ? "a corrupt record"
                            : f.offset() != due ? "offset " + f.offset() + " where " + due + " was due" : null;
            if (wrong != null && validate) {
                throw breach(f, wrong, position); // DS3
            }
            if (wrong != null) {
                problem = wrong + " at byte " + position; // SF1: nothing from here on is kept
                break;
            }
            if (since >= rules.indexIntervalBytes()) {
                index.add(new long[] {f.offset(), position}); // SF2: a frame of the prefix
                since = 0;
            }
            since += f.size();
            track.accept(
                    f.entry(), f.entry().isMarker() ? null : f.entry().record().timestamp());
            due++;
            position += f.size();
        }
        if (validate && due - baseOffset != claimed) {
            throw new RecoveryContractException(
                    RecoveryContractException.Breach.MISCOUNTED,
                    file,
                    keep,
                    "counted " + claimed + " records in " + keep + " bytes that hold " + (due - baseOffset));
        }
        return new Prefix(due - baseOffset, position, index, since, problem);
    }

    private RecoveryContractException breach(RecordFrame.Frame f, String wrong, long position) {
        RecoveryContractException.Breach breach = f.status() == RecordFrame.Status.TORN
                ? RecoveryContractException.Breach.TORN_KEPT
                : f.entry() == null
                        ? RecoveryContractException.Breach.NOT_A_RECORD_KEPT
                        : RecoveryContractException.Breach.OFFSET_KEPT_OUT_OF_ORDER;
        return new RecoveryContractException(breach, file, position, "kept " + wrong);
    }

    /** The file's bytes: mapped read-only on the real disk once it is large (a segment may hold 1 GiB). */
    private static ByteBuffer contents(Disk.Handle log, long size) {
        return log.read(0, (int) size);
    }
}
