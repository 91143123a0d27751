package dev.queuelab.reference.log;

/**
 * What opening a partition's storage found and did.
 *
 * @param cleanShutdown      a clean-shutdown mark was found, so records below {@code recoveryPoint} were not
 *                           validated again
 * @param recoveryPoint      the offset from which records were validated (0 after a crash: all of them)
 * @param segments           the segments kept
 * @param records            the records (and markers) kept
 * @param truncatedBytes     bytes cut from the tail: a torn or corrupt record and everything after it
 * @param segmentsDeleted    segments after the cut, deleted whole
 * @param indexesRebuilt     indexes rewritten because they did not match their log
 * @param problem            the first thing recovery found wrong, or null
 */
public record RecoveryReport(
        int partition,
        boolean cleanShutdown,
        long recoveryPoint,
        int segments,
        long records,
        long truncatedBytes,
        int segmentsDeleted,
        int indexesRebuilt,
        String problem) {

    static RecoveryReport fresh(int partition) {
        return new RecoveryReport(partition, true, 0, 1, 0, 0, 0, 0, null);
    }

    /** One line: what was kept and what was cut. */
    public String describe() {
        return "partition " + partition + ": " + (cleanShutdown ? "clean shutdown" : "crash")
                + ", validated from offset "
                + recoveryPoint + ", kept " + records + " records in " + segments + " segments, cut " + truncatedBytes
                + " bytes, deleted " + segmentsDeleted + " segments, rebuilt " + indexesRebuilt + " indexes"
                + (problem == null ? "" : " (" + problem + ")");
    }
}
