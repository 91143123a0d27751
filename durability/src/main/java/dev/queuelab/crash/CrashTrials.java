package dev.queuelab.crash;

import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import dev.queuelab.reference.log.RecoveryReport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crash trials of the log on disk. Each kill trial runs a {@link CrashChild} JVM once or twice on the same
 * directory on the real file system, kills it with SIGKILL at a point drawn from the seed (during its recovery, or
 * after a number of acknowledgements), sometimes damages a segment on purpose, then recovers the log in this process
 * and judges it ({@link Judge}, rules {@link CrashRule}). Then the power-cut trials on the simulated disk
 * ({@link PowerCutTrials}) under each policy, for the storage named, and, for the reference, the disk gallery: each
 * variant must be caught by the same power-cut trials.
 */
public final class CrashTrials {

    /**
     * @param childLimit the longest a child may run before it is killed anyway (every wait is bounded)
     * @param subject    the storage the power-cut trials judge; the kill trials always run the reference
     * @param policies   the policies the power-cut trials run under
     * @param powerCuts  power-cut trials per policy
     */
    public record Options(
            int trials,
            long seed,
            Path dir,
            Duration childLimit,
            DiskSubject subject,
            List<FlushPolicy> policies,
            int powerCuts) {

        /** The reference, every policy, {@link #POWER_CUTS} power-cut trials per policy. */
        public Options(int trials, long seed, Path dir, Duration childLimit) {
            this(trials, seed, dir, childLimit, DiskSubject.REFERENCE, CrashTrials.policies(), POWER_CUTS);
        }
    }

    /** Power-cut trials per policy, by default: enough to catch each gallery variant on seeds 1 to 5. */
    public static final int POWER_CUTS = 1000;

    /** One gallery variant's result: caught under some policy, with the shrunk story of the first catch. */
    public record Caught(DiskGallery variant, Optional<PowerCutTrials.Result> caughtBy) {
        public boolean caught() {
            return caughtBy.isPresent();
        }
    }

    /** Everything the trials counted. */
    public record Counts(
            int trials,
            int childRuns,
            int kills,
            int killsDuringRecovery,
            int childFailures,
            long acknowledged,
            long commits,
            long recordsVerified,
            Map<CrashRule, Long> breaches,
            int corruptions,
            long prefixLost,
            long truncatedBytes,
            int indexesRebuilt,
            List<PowerCutTrials.Result> powerCuts,
            List<Caught> gallery,
            List<String> evidence) {

        /**
         * Exit 0 only when no rule broke in a kill trial, the power-cut trials passed, and every gallery variant was
         * caught.
         */
        public boolean passed() {
            return childFailures == 0
                    && breaches.isEmpty()
                    && prefixLost == 0
                    && powerCuts.stream().allMatch(PowerCutTrials.Result::passed)
                    && gallery.stream().allMatch(Caught::caught);
        }
    }

    static final FlushPolicy[] POLICIES = {
        FlushPolicy.forceEachAppend(), FlushPolicy.groupCommit(4096, CrashChild.linger()), FlushPolicy.pageCache()
    };

    private CrashTrials() {}

    /** The topic every trial writes: 2 partitions, segments of 8 KiB (of record bytes) so that they roll. */
    static LogConfig config() {
        return LogConfig.of(CrashChild.PARTITIONS).withSegmentBytes(8 * 1024);
    }

    /** The policy a name gives: force, group-commit or page-cache. */
    public static FlushPolicy policy(String name) {
        for (FlushPolicy p : POLICIES) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--policy " + name + " is not one of force, group-commit, page-cache");
    }

    /** Every policy, group commit first (it has the most to get wrong: a buffer, a batch, a linger). */
    public static List<FlushPolicy> policies() {
        return List.of(POLICIES[1], POLICIES[0], POLICIES[2]);
    }

    public static Counts run(Options o, PrintWriter progress) throws IOException, InterruptedException {
        Files.createDirectories(o.dir());
        Tally t = new Tally();
        for (int trial = 0; trial < o.trials(); trial++) {
            killTrial(o, trial, t);
            if ((trial + 1) % 10 == 0 || trial + 1 == o.trials()) {
                progress.printf("  %d/%d kill trials%n", trial + 1, o.trials());
                progress.flush();
            }
        }
        List<PowerCutTrials.Result> powerCuts = new ArrayList<>();
        for (FlushPolicy policy : o.policies()) {
            powerCuts.add(PowerCutTrials.run(o.subject(), policy, o.seed(), o.powerCuts()));
        }
        List<Caught> gallery = new ArrayList<>();
        if (o.subject() == DiskSubject.REFERENCE
                && o.powerCuts() > 0
                && !o.policies().isEmpty()) {
            for (DiskGallery v : DiskGallery.values()) {
                gallery.add(catches(v, o.seed(), o.policies(), o.powerCuts()));
            }
        }
        delete(o.dir());
        return new Counts(
                o.trials(),
                t.childRuns,
                t.kills,
                t.killsDuringRecovery,
                t.childFailures,
                t.acknowledged,
                t.commits,
                t.records,
                t.breaches,
                t.corruptions,
                t.prefixLost,
                t.truncated,
                t.rebuilt,
                powerCuts,
                gallery,
                t.evidence);
    }

    /** Runs the generic power-cut trials on {@code v} under each policy until one catches it. */
    static Caught catches(DiskGallery v, long seed, List<FlushPolicy> policies, int trials) {
        for (FlushPolicy policy : policies) {
            PowerCutTrials.Result r = PowerCutTrials.run(v.subject(), policy, seed, trials);
            if (!r.passed()) {
                return new Caught(v, Optional.of(r));
            }
        }
        return new Caught(v, Optional.empty());
    }

    private static final class Tally {
        int childRuns, kills, killsDuringRecovery, childFailures, corruptions, rebuilt;
        long acknowledged, commits, records, prefixLost, truncated;
        final Map<CrashRule, Long> breaches = new EnumMap<>(CrashRule.class);
        final List<String> evidence = new ArrayList<>();
    }

    private static void killTrial(Options o, int trial, Tally t) throws IOException, InterruptedException {
        Random r = new Random(o.seed() * 31 + trial);
        long seed = r.nextLong();
        FlushPolicy policy = POLICIES[trial % POLICIES.length];
        Path dir = fresh(o.dir(), "trial-" + trial);
        ChildReport acked = new ChildReport();
        int generations = 1 + r.nextInt(2);
        for (int g = 0; g < generations; g++) {
            int killAfter = r.nextInt(5) == 0 ? 0 : r.nextInt(600); // 0: while it opens (recovers) the log
            runChild(o, dir, seed, policy, killAfter, acked, t);
        }
        long[] exemptFrom = {Long.MAX_VALUE, Long.MAX_VALUE};
        if (r.nextInt(3) == 0) {
            Corruption c = Corruption.values()[r.nextInt(Corruption.values().length)];
            int p = r.nextInt(CrashChild.PARTITIONS);
            exemptFrom[p] = c.apply(dir.resolve(CrashChild.TOPIC + "-" + p), p, r);
            t.corruptions++;
        }
        try (DurableKafkaLog log = DurableKafkaLog.open(
                dir, CrashChild.TOPIC, config(), policy, InstantSource.system(), FlushScheduler.CALLER)) {
            Judge.Verdict v = judge(log, seed, acked, exemptFrom);
            for (RecoveryReport rep : log.recovery()) {
                t.truncated += rep.truncatedBytes();
                t.rebuilt += rep.indexesRebuilt();
            }
            for (int p = 0; p < CrashChild.PARTITIONS; p++) {
                if (exemptFrom[p] != Long.MAX_VALUE
                        && log.highWatermark(p) < Math.min(exemptFrom[p], acked.maxAcked(p) + 1)) {
                    t.prefixLost++;
                    t.evidence.add("trial " + trial + ": partition " + p + " kept " + log.highWatermark(p)
                            + " records; the damage began at offset " + exemptFrom[p]);
                }
            }
            t.records += v.records();
            v.counts().forEach((rule, n) -> t.breaches.merge(rule, n, Long::sum));
            v.evidence()
                    .forEach(e -> t.evidence.add(
                            "trial " + trial + " (seed " + o.seed() + ", " + policy.name() + "): " + e.evidence()));
        }
        t.acknowledged += acked.count();
        t.commits += acked.commits();
        delete(dir);
    }

    /**
     * Judges a log a child left: after kill -9 the page cache survives, so every acknowledged append and every
     * commit that returned must be there, under every policy; timestamps are the child's clock's, not known here.
     */
    static Judge.Verdict judge(DurableKafkaLog log, long seed, ChildReport acked, long[] exemptFrom) {
        return Judge.judge(
                log,
                (p, o) -> {
                    ProducerRecord r = TrialRecords.expected(seed, p, o);
                    return new ConsumerRecord(p, o, null, r.key(), r.value(), r.headers());
                },
                new Judge.Promises(
                        acked.acked(),
                        exemptFrom,
                        new long[CrashChild.PARTITIONS],
                        acked.committed(),
                        CrashChild.GROUP,
                        (p, o) -> false)); // retention keeps 7 days: it deletes nothing here
    }

    /** One life of the child: started, read until it has acknowledged {@code killAfter} appends, then SIGKILL. */
    private static void runChild(
            Options o, Path dir, long seed, FlushPolicy policy, int killAfter, ChildReport acked, Tally t)
            throws IOException, InterruptedException {
        ChildRun run = runChild(dir, seed, policy, killAfter, acked, o.childLimit(), null);
        t.childRuns++;
        t.kills += run.killed() ? 1 : 0;
        t.killsDuringRecovery += run.killed() && killAfter == 0 ? 1 : 0;
        if (run.failure() != null) {
            t.childFailures++;
            t.evidence.add("child in " + dir.getFileName() + " failed: " + run.failure());
        }
    }

    /** How one life of the child ended: killed or not, and its first lines on standard error if it failed. */
    record ChildRun(boolean killed, String failure) {}

    /**
     * One life of the child, recovering with {@code recovery} (a {@link dev.queuelab.api.log.SegmentRecovery}
     * class, found by the child on this JVM's class path and the folder or jar that holds it) or, if null, with
     * the reference's; {@code acked} gathers its acknowledgements.
     */
    static ChildRun runChild(
            Path dir,
            long seed,
            FlushPolicy policy,
            int killAfter,
            ChildReport acked,
            Duration limit,
            Class<?> recovery)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path err = dir.resolveSibling(dir.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx96m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                recovery == null
                        ? System.getProperty("java.class.path")
                        : System.getProperty("java.class.path") + File.pathSeparator + location(recovery),
                CrashChild.class.getName(),
                dir.toString(),
                Long.toString(seed),
                policy.name(),
                "1000000"));
        if (recovery != null) {
            command.add(recovery.getName());
        }
        Process child = new ProcessBuilder(command).redirectError(err.toFile()).start();
        int opens = acked.opens() + 1;
        int acks = acked.count() + killAfter; // killAfter 0: as soon as it begins to open, so during its recovery
        Thread reader = new Thread(() -> read(child, acked), "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline && !acked.reached(opens, acks, 5)) {
            continue;
        }
        boolean killed = child.isAlive();
        if (killed) {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        }
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child " + child.pid() + " did not die within 30 s of SIGKILL");
        }
        reader.join(10_000);
        String failure = child.exitValue() != 0 && child.exitValue() != 137 && Files.size(err) > 0
                ? Files.readString(err).lines().limit(3).toList().toString()
                : null;
        Files.deleteIfExists(err);
        return new ChildRun(killed, failure);
    }

    /** The folder or jar a class was loaded from: a learner's compiled classes, or a module's. */
    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(Process child, ChildReport acked) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                acked.line(line);
            }
        } catch (IOException e) {
            // the pipe closes when the child dies: what was read is what was promised
        }
    }

    static Path fresh(Path root, String name) throws IOException {
        Path dir = root.resolve(name);
        delete(dir);
        Files.createDirectories(dir);
        return dir;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
