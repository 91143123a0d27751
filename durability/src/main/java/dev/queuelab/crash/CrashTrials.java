package dev.queuelab.crash;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.reference.log.DiskRules;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Crash trials of the log on disk. Each kill trial runs a {@link CrashChild} JVM once or twice on the same
 * directory, kills it with SIGKILL after a number of acknowledgements drawn from the seed, sometimes damages
 * the active segment on purpose, then recovers the log in this process and judges it ({@link Judge}: R1 no
 * acknowledged append lost, R2 no corrupt record served, R3 dense offsets, R4 no commit ahead of the log).
 * Then the power-loss trials (in process) under each policy, and the disk gallery, each variant caught.
 */
public final class CrashTrials {

    /** @param childLimit the longest a child may run before it is killed anyway (every wait is bounded) */
    public record Options(int trials, long seed, Path dir, Duration childLimit) {}

    /** One gallery variant's result: caught, with its evidence. */
    public record Caught(DiskGallery variant, boolean caught, String evidence) {}

    /** Everything the trials counted. */
    public record Counts(
            int trials,
            int childRuns,
            int kills,
            int childFailures,
            long acknowledged,
            long acknowledgedDurable,
            long recordsVerified,
            long ackedLost,
            long corruptServed,
            long notDense,
            long commitsAhead,
            int corruptions,
            long prefixLost,
            long truncatedBytes,
            int indexesRebuilt,
            List<InProcessTrials.PowerLoss> powerLoss,
            List<Caught> gallery,
            List<String> evidence) {

        /** Exit 0 only when no rule broke, every power-loss promise held and every gallery variant was caught. */
        public boolean passed() {
            return childFailures == 0
                    && ackedLost + corruptServed + notDense + commitsAhead + prefixLost == 0
                    && powerLoss.stream().allMatch(p -> p.verdict().clean())
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

    static FlushPolicy policy(String name) {
        for (FlushPolicy p : POLICIES) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("policy " + name + " is not one of force, group-commit, page-cache");
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
        List<InProcessTrials.PowerLoss> powerLoss = new ArrayList<>();
        Random r = new Random(o.seed());
        for (FlushPolicy policy : POLICIES) {
            int n = 300 + r.nextInt(300);
            powerLoss.add(InProcessTrials.powerLoss(
                    fresh(o.dir(), "power-" + policy.name()),
                    policy,
                    DiskRules.REFERENCE,
                    r.nextLong(),
                    n,
                    1 + r.nextInt(n)));
        }
        List<Caught> gallery = new ArrayList<>();
        for (DiskGallery v : DiskGallery.values()) {
            gallery.add(catches(v, fresh(o.dir(), "gallery-" + v.name()), o.seed()));
        }
        delete(o.dir());
        return new Counts(
                o.trials(),
                t.childRuns,
                t.kills,
                t.childFailures,
                t.acknowledged,
                t.durable,
                t.records,
                t.lost,
                t.corrupt,
                t.notDense,
                t.ahead,
                t.corruptions,
                t.prefixLost,
                t.truncated,
                t.rebuilt,
                powerLoss,
                gallery,
                t.evidence);
    }

    /** Runs the trial that catches {@code v}: caught when the variant breaks a rule the reference keeps. */
    static Caught catches(DiskGallery v, Path dir, long seed) throws IOException {
        String evidence = switch (v.trial()) {
            case "corruption" -> first(InProcessTrials.flippedValue(dir, v.rules(), seed));
            case "crash between writes" -> InProcessTrials.crashBetweenWrites(dir, v.rules(), seed);
            case "power loss" ->
                first(InProcessTrials.powerLoss(dir, POLICIES[1], v.rules(), seed, 400, 300)
                        .verdict());
            default -> throw new IllegalStateException("no trial named " + v.trial());
        };
        return new Caught(v, evidence != null, evidence);
    }

    private static String first(Judge.Verdict v) {
        return v.clean() ? null : v.evidence().get(0);
    }

    private static final class Tally {
        int childRuns, kills, childFailures, corruptions, rebuilt;
        long acknowledged, durable, records, lost, corrupt, notDense, ahead, prefixLost, truncated;
        final List<String> evidence = new ArrayList<>();
    }

    private static void killTrial(Options o, int trial, Tally t) throws IOException, InterruptedException {
        Random r = new Random(o.seed() * 31 + trial);
        long seed = r.nextLong();
        FlushPolicy policy = POLICIES[trial % POLICIES.length];
        Path dir = fresh(o.dir(), "trial-" + trial);
        Map<Integer, List<Long>> acked = new HashMap<>();
        int generations = 1 + r.nextInt(2);
        for (int g = 0; g < generations; g++) {
            int killAfter = r.nextInt(5) == 0 ? 0 : r.nextInt(600);
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
            Judge.Verdict v = Judge.judge(log, seed, acked, exemptFrom, "trial-group");
            for (RecoveryReport rep : log.recovery()) {
                t.truncated += rep.truncatedBytes();
                t.rebuilt += rep.indexesRebuilt();
            }
            for (int p = 0; p < CrashChild.PARTITIONS; p++) {
                if (exemptFrom[p] != Long.MAX_VALUE
                        && log.highWatermark(p) < Math.min(exemptFrom[p], maxAcked(acked, p) + 1)) {
                    t.prefixLost++;
                    t.evidence.add("trial " + trial + ": partition " + p + " kept " + log.highWatermark(p)
                            + " records; the damage began at offset " + exemptFrom[p]);
                }
            }
            t.records += v.records();
            t.lost += v.ackedLost();
            t.corrupt += v.corruptServed();
            t.notDense += v.notDense();
            t.ahead += v.commitsAhead();
            v.evidence()
                    .forEach(e ->
                            t.evidence.add("trial " + trial + " (seed " + o.seed() + ", " + policy.name() + "): " + e));
        }
        t.acknowledged += acked.values().stream().mapToLong(List::size).sum();
        t.durable += policy.durability().survivesPowerLoss()
                ? acked.values().stream().mapToLong(List::size).sum()
                : 0;
        delete(dir);
    }

    private static long maxAcked(Map<Integer, List<Long>> acked, int p) {
        return acked.getOrDefault(p, List.of()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(-1);
    }

    /** One life of the child: started, read until it has acknowledged {@code killAfter} appends, then SIGKILL. */
    private static void runChild(
            Options o, Path dir, long seed, FlushPolicy policy, int killAfter, Map<Integer, List<Long>> acked, Tally t)
            throws IOException, InterruptedException {
        ChildRun run = runChild(dir, seed, policy, killAfter, acked, o.childLimit(), null);
        t.childRuns++;
        t.kills += run.killed() ? 1 : 0;
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
            Map<Integer, List<Long>> acked,
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
        int[] acks = {0};
        Thread reader = new Thread(() -> read(child, acked, acks), "crash-child-reader");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (child.isAlive() && System.nanoTime() < deadline) {
            synchronized (acks) {
                if (acks[0] >= killAfter) {
                    break;
                }
                acks.wait(5); // bounded: the reader notifies on each line
            }
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

    private static void read(Process child, Map<Integer, List<Long>> acked, int[] acks) {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ");
                if (f[0].equals("A")) {
                    synchronized (acks) {
                        acked.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
                                .add(Long.parseLong(f[2]));
                        acks[0]++;
                        acks.notifyAll();
                    }
                }
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
