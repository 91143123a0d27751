package dev.queuelab.crash;

/**
 * The rules a recovered log is held to, each with the anomaly that names its breach. Every crash trial (a kill, a
 * power cut on the simulated disk, damage to a file) judges with these and counts each breach by its rule: nothing
 * is parsed back out of a message.
 */
public enum CrashRule {
    LOST(
            "R1",
            "lost",
            "R1 every acknowledged append, and every record written whole before the damage, is kept by recovery"),
    CORRUPT(
            "R2",
            "corrupt-served",
            "R2 nothing served differs from the record written at its offset: key, value, headers and timestamp"),
    CORRUPT_KEPT(
            "R2",
            "corrupt-kept",
            "R2 recovery keeps only whole frames whose CRC32C matches: nothing kept differs from what was written"),
    NOT_DENSE(
            "R3",
            "inconsistent-offsets",
            "R3 offsets are dense and increasing from the log start to the high watermark"),
    COMMIT_AHEAD("R4", "commit-ahead-of-log", "R4 a committed offset is never ahead of the log's high watermark"),
    COMMIT_LOST("R5", "commit-lost", "R5 a commit that returned survives the crash (its file was forced)"),
    FAILED(
            "R6",
            "operation-failed",
            "R6 the log opens after any crash, and every call answers as the contract says, without throwing");

    private final String id;
    private final String anomaly;
    private final String rule;

    CrashRule(String id, String anomaly, String rule) {
        this.id = id;
        this.anomaly = anomaly;
        this.rule = rule;
    }

    /** "R1": how reports and docs cite it. */
    public String id() {
        return id;
    }

    /** "lost": its name in the kit's vocabulary of anomalies. */
    public String anomaly() {
        return anomaly;
    }

    /** The rule, with its id, in one line. */
    public String rule() {
        return rule;
    }
}
