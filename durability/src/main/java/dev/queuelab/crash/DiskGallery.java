package dev.queuelab.crash;

import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.reference.log.DiskRules;
import dev.queuelab.reference.log.FileLogSegment;
import dev.queuelab.reference.log.RecordFrame;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Realistic mistakes in a log on disk, each a storage the generic power-cut trials must catch on every seed: none
 * has a trial of its own. Each is the reference with one rule changed ({@link DiskRules}) or one file operation
 * wrong ({@link FaultyDisk}).
 */
public enum DiskGallery {
    LOG_NEVER_FORCED(
            "a segment file never forced",
            "The force of each .log file is left out (the index is still forced at each roll): an acknowledged append"
                    + " lives in the page cache only.",
            skips(f -> f.toString().endsWith(".log"), d -> false, false)),
    PARTITION_DIRECTORY_NEVER_FORCED(
            "a partition directory never forced",
            "New segment files are created and written and forced, but their directory is never forced: after a"
                    + " power cut a rolled segment's name can be gone, with every record in it.",
            skips(f -> false, d -> d.getFileName().toString().startsWith("orders-"), false)),
    FIRST_SEGMENT_NAME_NOT_FORCED(
            "the first segment's name never made durable",
            "The directory is forced at each roll but not when the partition's first segment is created: a power cut"
                    + " before the first roll can take the whole partition.",
            skips(f -> false, d -> d.getFileName().toString().startsWith("orders-"), true)),
    LOG_DIRECTORY_NEVER_FORCED(
            "the log directory never forced",
            "Partition directories and the committed-offsets file are created or renamed in the log directory, which"
                    + " is never forced: a power cut can take a partition, or a commit that returned.",
            skips(f -> false, d -> d.equals(PowerCutTrial.LOG_DIR), false)),
    CHECKPOINT_NOT_FORCED(
            "an offsets checkpoint renamed before it is forced",
            "The committed offsets are written to a temporary file and renamed over the old one, but the temporary"
                    + " file is never forced: the rename can survive a power cut while the bytes do not.",
            skips(f -> f.toString().endsWith(".tmp"), d -> false, false)),
    CHECKPOINT_DELETE_THEN_RENAME(
            "an offsets checkpoint replaced by delete, then rename",
            "The old committed-offsets file is deleted before the new one is renamed into its place: a power cut"
                    + " between the two leaves no offsets at all.",
            faulty(new FaultyDisk.Mistakes(f -> false, d -> false, false, FaultyDisk.Rename.DELETE_THEN_RENAME))),
    CHECKPOINT_IN_PLACE(
            "an offsets checkpoint rewritten in place",
            "The committed-offsets file is truncated and written again where it is, not replaced by a rename: a power"
                    + " cut in between leaves it empty or torn.",
            faulty(new FaultyDisk.Mistakes(f -> false, d -> false, false, FaultyDisk.Rename.IN_PLACE))),
    RECOVERY_WITHOUT_CRC(
            "recovery that does not check CRCs",
            "Recovery keeps every frame that decodes, whatever its CRC32C says: a write torn at a sector boundary is"
                    + " served with zeros in its value.",
            rules(() -> new DiskRules() {
                @Override
                protected boolean keeps(RecordFrame.Frame frame) {
                    return frame.entry() != null;
                }
            })),
    RECOVERY_IGNORES_OFFSETS(
            "recovery that keeps any whole frame, whatever its offset",
            "Recovery keeps every frame that is whole and whose CRC32C matches, without asking whether its offset is"
                    + " the one due: a frame written twice, or left by an older write, is kept in the log's order.",
            rules(() -> new DiskRules() {
                @Override
                protected SegmentRecovery recovery() {
                    return (ByteBuffer segment, long baseOffset) -> {
                        int position = 0;
                        long records = 0;
                        while (position < segment.limit()) {
                            RecordFrame.Frame f = RecordFrame.read(segment, position, segment.limit(), 0);
                            if (f.status() != RecordFrame.Status.OK) {
                                return new RecoveredSegment(position, records, "a bad frame at byte " + position);
                            }
                            position += f.size();
                            records++;
                        }
                        return new RecoveredSegment(position, records, null);
                    };
                }
            })),
    RECOVERY_DROPS_THE_SEGMENT(
            "recovery that drops a damaged segment whole",
            "On the first bad frame, recovery keeps nothing of the segment, not even the good frames before it that"
                    + " were forced and acknowledged.",
            recovery(found -> new RecoveredSegment(0, 0, found.problem()), true)),
    RECOVERY_CUTS_ONE_MORE(
            "recovery that cuts one good frame too many",
            "On a torn tail, recovery cuts back to the start of the last good frame as well, as if it could not be"
                    + " sure of it: an acknowledged append is lost.",
            recovery(found -> found.records() == 0 ? found : null, false)),
    ROLL_FORGETS_OLD_SEGMENT(
            "a force that covers only the active segment",
            "When a batch spans a roll, only the new segment is forced; the old one's last records, acknowledged by"
                    + " the same force, stay in the page cache.",
            rules(() -> new DiskRules() {
                @Override
                protected List<FileLogSegment> toForce(List<FileLogSegment> written) {
                    return written.isEmpty() ? written : written.subList(written.size() - 1, written.size());
                }
            })),
    ACK_BEFORE_FORCE(
            "group commit that acknowledges before the force",
            "The batch's futures complete, then the files are forced: a power cut during the force takes records the"
                    + " producer was told were safe.",
            rules(() -> new DiskRules() {
                @Override
                protected boolean acknowledgesBeforeForce() {
                    return true;
                }
            })),
    FORCE_BEFORE_DRAIN(
            "a force before the buffered frames are written",
            "Under group commit the file is forced, then the write buffer is written to it: the frames the force was"
                    + " meant to cover reach the page cache only after it.",
            rules(() -> new DiskRules() {
                @Override
                protected void drainThenForce(Runnable drain, Runnable force) {
                    force.run();
                    drain.run();
                }
            }));

    private final String title;
    private final String story;
    private final DiskSubject subject;

    DiskGallery(String title, String story, DiskSubject subject) {
        this.title = title;
        this.story = story;
        this.subject =
                new DiskSubject(name().toLowerCase().replace('_', '-'), title, subject.wrap(), subject.makeRules());
    }

    public String title() {
        return title;
    }

    public String story() {
        return story;
    }

    /** The storage under trial: its name is the variant's, in lower case with dashes. */
    public DiskSubject subject() {
        return subject;
    }

    /** The reference, or a gallery variant, by the name {@code --impl} gives. */
    public static DiskSubject subject(String name) {
        if (name.equals(DiskSubject.REFERENCE.name())) {
            return DiskSubject.REFERENCE;
        }
        for (DiskGallery g : values()) {
            if (g.subject.name().equals(name)) {
                return g.subject;
            }
        }
        throw new IllegalArgumentException("--impl " + name + " is not a log on disk: use reference or one of "
                + java.util.Arrays.stream(values()).map(g -> g.subject.name()).toList());
    }

    private static DiskSubject faulty(FaultyDisk.Mistakes mistakes) {
        return new DiskSubject("", "", d -> new FaultyDisk(d, mistakes), () -> DiskRules.REFERENCE);
    }

    private static DiskSubject skips(Predicate<Path> files, Predicate<Path> dirs, boolean firstOnly) {
        return faulty(new FaultyDisk.Mistakes(files, dirs, firstOnly, FaultyDisk.Rename.ATOMIC));
    }

    private static DiskSubject rules(Supplier<DiskRules> rules) {
        return new DiskSubject("", "", d -> d, rules);
    }

    /**
     * A recovery that runs the reference's, then changes its answer when it found a problem: {@code change} gives
     * the answer to return instead (null: the good prefix less its last frame).
     */
    private static DiskSubject recovery(java.util.function.UnaryOperator<RecoveredSegment> change, boolean always) {
        return rules(() -> new DiskRules() {
            @Override
            protected SegmentRecovery recovery() {
                SegmentRecovery reference = super.recovery();
                return (ByteBuffer segment, long baseOffset) -> {
                    RecoveredSegment found = reference.recover(segment.duplicate(), baseOffset);
                    if (found.problem() == null || !always && found.validBytes() == segment.limit()) {
                        return found;
                    }
                    RecoveredSegment changed = change.apply(found);
                    return changed != null ? changed : lessLastFrame(segment, found);
                };
            }
        });
    }

    private static RecoveredSegment lessLastFrame(ByteBuffer segment, RecoveredSegment found) {
        int position = 0;
        int last = 0;
        while (position < found.validBytes()) {
            last = position;
            position += RecordFrame.read(segment, position, (int) found.validBytes(), 0)
                    .size();
        }
        return new RecoveredSegment(last, found.records() - 1, found.problem());
    }
}
