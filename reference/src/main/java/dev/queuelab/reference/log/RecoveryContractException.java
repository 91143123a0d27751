package dev.queuelab.reference.log;

import java.nio.file.Path;

/**
 * A {@link dev.queuelab.api.log.SegmentRecovery} kept what a log cannot hold: more bytes than the file has, a
 * frame that is torn or does not decode, an offset out of order, or a count that differs from its frames. The
 * log refuses to open rather than serve it; the message names the file, the byte and what was wrong there.
 */
public class RecoveryContractException extends IllegalStateException {

    /** What the kept bytes were, where a good frame was due. */
    public enum Breach {
        /** validBytes past the end of the file. */
        PAST_THE_END,
        /** a frame whose length runs past the bytes kept: a torn record. */
        TORN_KEPT,
        /** bytes that do not decode as a record (a length no writer writes, a body out of shape). */
        NOT_A_RECORD_KEPT,
        /** a frame whose offset is not the one due: the offsets would not be dense. */
        OFFSET_KEPT_OUT_OF_ORDER,
        /** the records counted differ from the frames the kept bytes hold. */
        MISCOUNTED
    }

    private final Breach breach;
    private final Path file;
    private final long position;

    public RecoveryContractException(Breach breach, Path file, long position, String what) {
        super("the recovery of " + file.getFileName() + " " + what + " (byte " + position + "); a recovery keeps "
                + "whole frames whose CRC32C matches, in offset order, and counts them: see SegmentRecovery");
        this.breach = breach;
        this.file = file;
        this.position = position;
    }

    public Breach breach() {
        return breach;
    }

    /** The segment file whose recovery broke the contract. */
    public Path file() {
        return file;
    }

    /** The byte where a good frame was due, or the validBytes past the end. */
    public long position() {
        return position;
    }
}
