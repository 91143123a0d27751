package dev.queuelab.crash;

import java.io.PrintWriter;

/** The counts of a run of crash trials in plain words, rule by rule, then the power-loss lesson and the gallery. */
public final class CrashReport {

    private CrashReport() {}

    public static void print(CrashTrials.Counts c, long seed, PrintWriter out) {
        out.printf(
                "crash trials: %d trials, seed %d: %d child JVMs, %d killed with SIGKILL%n",
                c.trials(), seed, c.childRuns(), c.kills());
        out.printf(
                "  acknowledged appends:           %,d (%,d as durable: force or group commit)%n",
                c.acknowledged(), c.acknowledgedDurable());
        out.printf("  records verified after recovery: %,d%n", c.recordsVerified());
        out.printf("  R1 acknowledged appends lost:    %d%n", c.ackedLost());
        out.printf("  R2 corrupt records served:       %d%n", c.corruptServed());
        out.printf("  R3 offsets not dense:            %d%n", c.notDense());
        out.printf("  R4 commits ahead of the log:     %d%n", c.commitsAhead());
        out.printf("  corruptions injected:            %d (good prefix lost in %d)%n", c.corruptions(), c.prefixLost());
        out.printf("  recovery cut %,d bytes and rebuilt %d indexes%n", c.truncatedBytes(), c.indexesRebuilt());
        out.printf("  child JVMs that failed:          %d%n", c.childFailures());
        out.println("power loss (everything not forced is dropped):");
        for (InProcessTrials.PowerLoss p : c.powerLoss()) {
            String outcome = p.durable()
                    ? (p.verdict().ackedLost() == 0
                            ? "every acknowledged append kept"
                            : p.verdict().ackedLost() + " acknowledged appends LOST")
                    : "lost-on-power-loss: expected, page cache acknowledges what was never forced";
            out.printf(
                    "  %-12s sent %d, acknowledged %d, recovered %d, lost %d: %s%n",
                    p.policy(), p.sent(), p.acknowledged(), p.recovered(), p.lost(), outcome);
        }
        out.println("disk bug gallery (each must be caught):");
        for (CrashTrials.Caught g : c.gallery()) {
            out.printf(
                    "  %-26s %s by the %s trial%s%n",
                    g.variant().name().toLowerCase().replace('_', '-'),
                    g.caught() ? "caught" : "NOT CAUGHT",
                    g.variant().trial(),
                    g.caught() ? ": " + g.evidence() : "");
        }
        c.evidence().stream().limit(10).forEach(e -> out.println("  evidence: " + e));
        out.println(c.passed() ? "PASS" : "FAIL");
        out.flush();
    }
}
