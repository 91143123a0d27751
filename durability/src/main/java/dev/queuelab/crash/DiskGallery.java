package dev.queuelab.crash;

import dev.queuelab.reference.log.FileLogSegment;
import dev.queuelab.reference.log.RecordFrame;
import java.util.List;

/**
 * Four realistic mistakes in a log on disk, each with its story and the trial that catches it.
 */
public enum DiskGallery {
    RECOVERY_WITHOUT_CRC(
            "recovery that does not check CRCs",
            "Recovery reads each record's length to find the next one and stops only where the bytes run out. A "
                    + "byte flipped in a value on disk is not noticed: the record is served as if it were the one "
                    + "written, and a consumer processes it. Caught by the corruption trial: R2, a corrupt record served.",
            "corruption") {
        @Override
        CrashableRules rules() {
            return new CrashableRules() {
                @Override
                protected boolean keeps(RecordFrame.Frame frame) {
                    return frame.entry() != null; // decodes: kept, whatever its CRC says
                }
            };
        }
    },
    INDEX_BEFORE_RECORD(
            "an index entry written before its record",
            "An append writes the index entry, then the record. A process that dies between the two leaves an "
                    + "index naming an offset the log does not hold; a reader that trusts the index, as Kafka's "
                    + "fetch path does without the log's lock, reads past the end. Caught by the crash-between-"
                    + "writes trial: G2, an index entry for a record not written.",
            "crash between writes") {
        @Override
        CrashableRules rules() {
            return new CrashableRules() {
                @Override
                protected void order(Runnable writeRecord, Runnable writeIndexEntry) {
                    writeIndexEntry.run();
                    writeRecord.run();
                }
            };
        }
    },
    ROLL_FORGETS_OLD_SEGMENT(
            "a roll that loses the last records of the old segment",
            "Group commit forces the active segment. When a batch spans a roll, the records it wrote to the old "
                    + "segment are never forced, yet the force of the new one acknowledges them. A power loss after "
                    + "the roll takes them. Caught by the power-loss trial: R1, acknowledged appends lost.",
            "power loss") {
        @Override
        CrashableRules rules() {
            return new CrashableRules() {
                @Override
                protected List<FileLogSegment> toForce(List<FileLogSegment> written) {
                    return written.isEmpty() ? written : written.subList(written.size() - 1, written.size());
                }
            };
        }
    },
    ACK_BEFORE_FORCE(
            "group commit that acknowledges before the force",
            "Group commit completes the batch's futures and then forces. The producer hears \"durable\" while the "
                    + "bytes are still in the page cache; a power loss at that moment takes records it was told "
                    + "were safe. Caught by the power-loss trial: R1, acknowledged appends lost.",
            "power loss") {
        @Override
        CrashableRules rules() {
            return new CrashableRules() {
                @Override
                protected boolean acknowledgesBeforeForce() {
                    return true;
                }
            };
        }
    };

    private final String title;
    private final String story;
    private final String trial;

    DiskGallery(String title, String story, String trial) {
        this.title = title;
        this.story = story;
        this.trial = trial;
    }

    abstract CrashableRules rules();

    public String title() {
        return title;
    }

    public String story() {
        return story;
    }

    /** The trial that catches it: corruption, crash between writes, or power loss. */
    public String trial() {
        return trial;
    }
}
