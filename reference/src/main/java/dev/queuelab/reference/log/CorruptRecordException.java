package dev.queuelab.reference.log;

import java.nio.file.Path;

/** A read reached bytes that are not a record: the file was damaged after it was recovered. */
public class CorruptRecordException extends IllegalStateException {

    public CorruptRecordException(int partition, long offset, Path file, long position) {
        super("offset " + offset + " of partition " + partition + " cannot be read from " + file
                + " (no valid record at byte " + position
                + "): the file changed after it was recovered; close the log and open it again to recover it");
    }
}
