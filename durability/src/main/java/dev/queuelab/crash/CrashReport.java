package dev.queuelab.crash;

import java.io.PrintWriter;

/** The counts of a run of crash trials in plain words, rule by rule, then the power-cut trials and the gallery. */
public final class CrashReport {

    private CrashReport() {}

    public static void print(CrashTrials.Counts c, long seed, PrintWriter out) {
        if (c.trials() == 0) {
            out.println("kill trials (real file system): none (--trials 0)");
        } else {
            printKills(c, seed, out);
        }
        printPowerCuts(c, out);
        c.evidence().stream().limit(10).forEach(e -> out.println("  evidence: " + e));
        out.println(c.passed() ? "PASS" : "FAIL");
        out.flush();
    }

    private static void printKills(CrashTrials.Counts c, long seed, PrintWriter out) {
        out.printf(
                "kill trials (real file system): %d trials, seed %d: %d child JVMs, %d killed with SIGKILL (%d while"
                        + " opening the log)%n",
                c.trials(), seed, c.childRuns(), c.kills(), c.killsDuringRecovery());
        out.printf("  acknowledged appends:           %,d, commits %,d%n", c.acknowledged(), c.commits());
        out.printf("  records verified after recovery: %,d%n", c.recordsVerified());
        for (CrashRule rule : CrashRule.values()) {
            out.printf(
                    "  %-52s %d%n",
                    rule.id() + " " + rule.anomaly() + ":", c.breaches().getOrDefault(rule, 0L));
        }
        out.printf("  corruptions injected:            %d (good prefix lost in %d)%n", c.corruptions(), c.prefixLost());
        out.printf("  recovery cut %,d bytes and rebuilt %d indexes%n", c.truncatedBytes(), c.indexesRebuilt());
        out.printf("  child JVMs that failed:          %d%n", c.childFailures());
    }

    private static void printPowerCuts(CrashTrials.Counts c, PrintWriter out) {
        if (c.powerCuts().isEmpty()) {
            out.println("power-cut trials (simulated disk): none (--power-cuts 0)");
            return;
        }
        out.println("power-cut trials (simulated disk: unforced writes lost, torn or reordered; unforced names lost):");
        for (PowerCutTrials.Result r : c.powerCuts()) {
            out.printf(
                    "  %-12s %s: %d trials, %d lives: %s%n",
                    r.policy(),
                    r.subject(),
                    r.trials(),
                    r.lives(),
                    r.failure()
                            .map(f ->
                                    "FAILED, " + f.rule().id() + " " + f.rule().anomaly())
                            .orElse("every rule held"));
            r.failure().ifPresent(f -> print(f, r, out));
        }
        if (!c.gallery().isEmpty()) {
            out.println("disk bug gallery (each must be caught by the same power-cut trials):");
        }
        for (CrashTrials.Caught g : c.gallery()) {
            out.printf(
                    "  %-34s %s%n",
                    g.variant().subject().name(),
                    g.caughtBy()
                            .map(r -> "caught under " + r.policy() + " in trial " + (r.trials()) + ": "
                                    + r.failure().get().rule().id() + " "
                                    + r.failure().get().rule().anomaly()
                                    + " (" + steps(r.failure().get().shrunk()) + " after shrinking)")
                            .orElse("NOT CAUGHT"));
        }
    }

    private static String steps(int n) {
        return n + (n == 1 ? " step" : " steps");
    }

    /** A power-cut failure: its shrunk story and the command that replays it. */
    static void print(PowerCutTrials.Failure f, PowerCutTrials.Result r, PrintWriter out) {
        out.printf(
                "  trial %d broke %s (%d steps, %d after shrinking):%n",
                f.trial(), f.rule().rule(), f.steps(), f.shrunk());
        f.story().lines().forEach(l -> out.println("    " + l));
        out.printf(
                "  replay: queuelab crash-trials --impl %s --policy %s --seed %d --trials 0%n",
                r.subject(), r.policy(), r.seed());
    }
}
