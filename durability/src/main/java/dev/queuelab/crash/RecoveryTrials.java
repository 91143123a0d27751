package dev.queuelab.crash;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.log.ConsumerRecord;
import dev.queuelab.api.log.FetchResult;
import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.ProducerRecord;
import dev.queuelab.api.log.RecoveredSegment;
import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.Stories;
import dev.queuelab.reference.log.DurableKafkaLog;
import dev.queuelab.reference.log.FlushScheduler;
import dev.queuelab.reference.log.LogSegment;
import dev.queuelab.reference.log.RecordFrame;
import dev.queuelab.reference.log.RecoveryContractException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The crash trials of one {@link SegmentRecovery} (a learner's, in exercise 9): the log on disk recovers with it
 * in place of the reference's, and the same rules judge what it kept.
 *
 * <ul>
 *   <li>A <b>damage trial</b>, in this JVM: segment files written as the log writes them, a crash (no clean
 *       shutdown), then {@link Damage} chosen by the seed (a torn last record, zeros after it, a flipped byte, a
 *       page of zeros, or none); the log opens with the recovery, a reader reads it end to end, and the kept
 *       files are compared byte for byte with what was written.</li>
 *   <li>A <b>kill trial</b>: a child JVM appends with up to 64 sends in flight and is killed with SIGKILL, once
 *       or twice on the same files (the second recovers them with the same recovery), then damage, then the
 *       log opens here with the recovery and {@link Judge} reads it: R1 to R4.</li>
 * </ul>
 * A trial that breaks a rule comes back as a {@link Finding}: numbered steps, what was injected, what the
 * recovery kept, what it served that it should not have. A trial is a function of its seed, except for the
 * moment a kill lands among writes that were not acknowledged.
 */
public final class RecoveryTrials {

    /** The damage trials' topic: one partition; the kill trials write two, as {@link CrashTrials} do. */
    private static final LogConfig ONE_PARTITION = LogConfig.of(1).withSegmentBytes(8 * 1024);

    /**
     * A recovery under trial.
     *
     * @param make makes one, in this JVM
     * @param type its class, which a child JVM loads by name from the folder or jar that holds it; null when it
     *             has none a child can load (then the kill trials cannot run)
     */
    public record Candidate(Supplier<SegmentRecovery> make, Class<?> type) {}

    /**
     * A rule a trial found broken, told for someone who has never seen the trials.
     *
     * @param kind       the rule broken, which names the anomaly
     * @param evidence   what broke it, in plain words
     * @param steps      what the trial did, in order
     * @param failedStep the step (from 1) where it showed
     * @param injected   the damage done on purpose
     * @param kept       what the recovery kept
     * @param served     what the log served, or would have, that it should not have
     */
    public record Finding(
            CrashRule kind,
            String evidence,
            List<String> steps,
            int failedStep,
            String injected,
            String kept,
            String served) {

        /** The anomaly's name: lost, corrupt-kept, corrupt-served, inconsistent-offsets, ... */
        public String anomaly() {
            return kind.anomaly();
        }

        /** The rule, with its id. */
        public String rule() {
            return kind.rule();
        }
    }

    /**
     * What one trial reached (for coverage) and what it found: a trial as the engine judges every other one, its
     * finding told as the engine's stories are.
     */
    public record Trial(List<String> situations, Optional<Finding> finding) implements dev.queuelab.check.Trial {

        @Override
        public Optional<Anomaly> anomaly() {
            return finding.map(f -> new Anomaly(f.anomaly(), f.rule(), f.evidence(), f.failedStep()));
        }

        /** A broken rule of recovery is a behaviour, never a symptom. */
        @Override
        public boolean symptomOnly() {
            return false;
        }

        @Override
        public Set<String> coverage() {
            return new LinkedHashSet<>(situations);
        }

        @Override
        public String story(String header, int originalSteps) {
            return story(header, null);
        }

        /** The story under {@code header}: the rule, what the trial did ({@code what}, if given), and what it found. */
        public String story(String header, String what) {
            Finding f = finding.orElseThrow(() -> new IllegalStateException("a trial that found nothing has no story"));
            StringBuilder story = new StringBuilder(
                    Stories.head(header, anomaly().orElseThrow(), f.anomaly() + " at step " + f.failedStep()));
            if (what != null) {
                story.append(Stories.wrapped("  Trial: ", what + ":"));
            }
            for (int i = 0; i < f.steps().size(); i++) {
                story.append(Stories.wrapped(
                        (i + 1 == f.failedStep() ? "  ✗ " : "    ") + String.format("%4d. ", i + 1),
                        f.steps().get(i)));
            }
            return story.append(Stories.wrapped("  Injected: ", f.injected()))
                    .append(Stories.wrapped("  Kept:     ", f.kept()))
                    .append(Stories.wrapped("  Served:   ", f.served()))
                    .toString();
        }
    }

    private static final String BEFORE_LAST = "damage: in a segment before the last";

    private RecoveryTrials() {}

    /** What the damage trials reach, for coverage: each kind of damage, and damage in a segment before the last. */
    public static List<String> damageSituations() {
        List<String> all = new ArrayList<>();
        for (Damage d : Damage.values()) {
            all.add(d.situation());
        }
        all.add(BEFORE_LAST);
        return all;
    }

    /** One damage trial under {@code root}, in this JVM; its files are deleted afterwards. */
    public static Trial damage(Candidate candidate, long seed, Path root) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path dir = CrashTrials.fresh(root, "damage");
        Path partition = dir.resolve(CrashChild.TOPIC + "-0");
        Files.createDirectories(partition);
        Map<String, byte[]> written = new LinkedHashMap<>();
        List<String> layout = new ArrayList<>();
        long offset = 0;
        for (int s = 1 + r.nextInt(3); s > 0; s--) {
            long base = offset;
            ByteBuffer file = ByteBuffer.allocate(64 * 1024);
            for (int n = 2 + r.nextInt(30); n > 0; n--) {
                file.put(frame(seed, offset++));
            }
            String name = String.format("%020d.log", base);
            byte[] bytes = Arrays.copyOf(file.array(), file.position());
            Files.write(partition.resolve(name), bytes);
            written.put(name, bytes);
            layout.add(name + " (offsets " + base + "-" + (offset - 1) + ", " + bytes.length + " bytes)");
        }
        long total = offset;
        Damage damage = Damage.draw(r);
        Damage.Injected injected = damage.apply(partition, r);
        List<String> steps = new ArrayList<>();
        steps.add("the log writes offsets 0-" + (total - 1) + " to partition 0, in " + String.join(", ", layout));
        steps.add("the process is killed (SIGKILL): no clean shutdown, so the next open recovers every segment");
        steps.add("the disk: " + injected.description());
        List<String> situations = new ArrayList<>(List.of(injected.damage().situation()));
        if (injected.firstTouched() < Long.parseLong(last(written).substring(0, 20))) {
            situations.add(BEFORE_LAST);
        }
        long good = Math.min(injected.firstTouched(), total);
        Recording recording = new Recording(candidate.make().get());
        Optional<Finding> finding;
        DurableKafkaLog log = null;
        try {
            try {
                log = DurableKafkaLog.open(
                        dir,
                        CrashChild.TOPIC,
                        ONE_PARTITION,
                        FlushPolicy.pageCache(),
                        new SimClock(),
                        FlushScheduler.CALLER,
                        new RecoveryRules(recording));
            } catch (RuntimeException refused) {
                recording.addSteps(steps);
                finding = Optional.of(refused(refused, recording, steps, injected, good));
                return new Trial(situations, finding);
            }
            recording.addSteps(steps);
            finding = judgeDamage(log, seed, partition, written, injected, good, recording, steps);
            return new Trial(situations, finding);
        } finally {
            if (log != null) {
                log.simulatePowerLoss(); // lets go of the files without forcing them: they are deleted next
            }
            CrashTrials.delete(dir);
        }
    }

    private static Optional<Finding> judgeDamage(
            DurableKafkaLog log,
            long seed,
            Path partition,
            Map<String, byte[]> written,
            Damage.Injected injected,
            long good,
            Recording recording,
            List<String> steps)
            throws IOException {
        long hw = log.highWatermark(0);
        String kept = hw == 0 ? "no record" : "offsets 0-" + (hw - 1) + " (" + recording.keptBytes() + " bytes)";
        String goodPrefix = good == 0 ? "none: the damage is in offset 0" : "offsets 0-" + (good - 1);
        steps.add("a reader reads partition 0 from offset 0 to its high watermark, " + hw);
        int read = steps.size();
        long next = 0;
        while (next < hw) {
            FetchResult fetch = log.read(0, next, 500);
            for (ConsumerRecord c : fetch.records()) {
                if (c.offset() != next) {
                    return Optional.of(new Finding(
                            CrashRule.NOT_DENSE,
                            "partition 0 served offset " + c.offset() + " where " + next + " was due",
                            steps,
                            read,
                            injected.description(),
                            kept,
                            "offset " + c.offset() + " in the place of " + next));
                }
                if (!matches(seed, c)) {
                    return Optional.of(new Finding(
                            CrashRule.CORRUPT,
                            "offset " + c.offset() + " was served with " + difference(c, expected(seed, c.offset())),
                            steps,
                            read,
                            injected.description(),
                            kept + "; the good prefix was " + goodPrefix,
                            "offset " + c.offset() + ", damaged"));
                }
                next++;
            }
            if (fetch.records().isEmpty()) {
                return Optional.of(new Finding(
                        CrashRule.NOT_DENSE,
                        "partition 0 served nothing at offset " + next + ", below its high watermark " + hw,
                        steps,
                        read,
                        injected.description(),
                        kept,
                        "a hole at offset " + next));
            }
        }
        try (Stream<Path> files = Files.list(partition)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                byte[] now = Files.readAllBytes(f);
                byte[] then = written.get(f.getFileName().toString());
                if (then == null
                        || now.length > then.length
                        || !Arrays.equals(now, 0, now.length, then, 0, now.length)) {
                    long at = firstDifference(now, then);
                    return Optional.of(new Finding(
                            CrashRule.CORRUPT_KEPT,
                            f.getFileName() + " keeps byte " + at + " as the damage left it, not as it was written:"
                                    + " a frame whose CRC32C fails was kept (its record reads the same, but the log"
                                    + " holds and serves bytes that are not the ones written)",
                            steps,
                            recording.stepOf(f.getFileName().toString()),
                            injected.description(),
                            kept + "; the good prefix was " + goodPrefix,
                            "the frame holding byte " + at + " of " + f.getFileName()));
                }
            }
        }
        if (hw < good) {
            return Optional.of(new Finding(
                    CrashRule.LOST,
                    "offsets " + hw + "-" + (good - 1) + " were whole"
                            + (injected.firstTouched() != Long.MAX_VALUE
                                    ? ", before the damage (it begins in offset " + injected.firstTouched() + ")"
                                    : "")
                            + ", and the log ends at " + hw,
                    steps,
                    recording.stepCutting(hw),
                    injected.description(),
                    kept + "; the good prefix was " + goodPrefix,
                    "nothing wrong, but offsets " + hw + "-" + (good - 1) + " are gone"));
        }
        return Optional.empty();
    }

    /** The log did not open: the recovery threw, or kept what a log cannot hold. */
    private static Finding refused(
            RuntimeException refused, Recording recording, List<String> steps, Damage.Injected injected, long good) {
        String goodPrefix = good == 0 ? "none" : "offsets 0-" + (good - 1);
        if (refused instanceof RecoveryContractException breach) {
            boolean offsets = breach.breach() == RecoveryContractException.Breach.OFFSET_KEPT_OUT_OF_ORDER
                    || breach.breach() == RecoveryContractException.Breach.MISCOUNTED;
            return new Finding(
                    offsets ? CrashRule.NOT_DENSE : CrashRule.CORRUPT_KEPT,
                    breach.getMessage(),
                    steps,
                    recording.stepOf(breach.file().getFileName().toString()),
                    injected.description(),
                    recording.lastKept() + "; the good prefix was " + goodPrefix,
                    offsets
                            ? "offsets that are not dense: the log refused to open"
                            : "bytes that are not a whole record: the log refused to open rather than serve them");
        }
        Throwable cause = refused instanceof Recording.Threw threw ? threw.getCause() : refused;
        return new Finding(
                CrashRule.FAILED,
                "the recovery threw " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                steps,
                steps.size(),
                injected.description(),
                "nothing: the log did not open",
                "nothing: the log did not open");
    }

    /**
     * One kill trial under {@code root}: one or two child JVMs killed with SIGKILL, damage, then the log opens here
     * with the recovery and the judge reads it; its files are deleted afterwards.
     */
    public static Trial kill(Candidate candidate, long seed, Path root, Duration childLimit)
            throws IOException, InterruptedException {
        if (candidate.type() == null) {
            throw new IllegalArgumentException("the kill trials load the recovery in a child JVM: give its class");
        }
        SplittableRandom r = new SplittableRandom(seed);
        FlushPolicy policy = CrashTrials.POLICIES[r.nextInt(CrashTrials.POLICIES.length)];
        Path dir = CrashTrials.fresh(root, "kill");
        List<String> steps = new ArrayList<>();
        List<String> situations = new ArrayList<>(List.of("kill: " + policy.name()));
        ChildReport acked = new ChildReport();
        String failure = null;
        int failedChild = 0;
        try {
            int generations = 1 + r.nextInt(2);
            for (int g = 0; g < generations; g++) {
                int killAfter = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(150);
                int before = acked.count();
                CrashTrials.ChildRun run =
                        CrashTrials.runChild(dir, seed, policy, killAfter, acked, childLimit, candidate.type());
                steps.add((g == 0
                                ? "a JVM opens the log"
                                : "a second JVM opens the same files (your recovery runs in it)")
                        + " and appends to 2 partitions under " + policy.name() + ", up to 64 in flight, committing"
                        + " every 25 acknowledgements; " + (run.killed() ? "SIGKILL" : "it stops") + " after "
                        + (acked.count() - before) + " acknowledgements (" + acknowledged(acked) + ")");
                if (run.failure() != null && failure == null) {
                    failure = run.failure();
                    steps.add("the JVM failed: " + run.failure());
                    failedChild = steps.size();
                }
            }
            if (generations > 1) {
                situations.add("kill: recovered in a child JVM, then killed again");
            }
            long[] exemptFrom = {Long.MAX_VALUE, Long.MAX_VALUE};
            Damage.Injected injected = new Damage.Injected(Damage.NONE, "nothing damaged", Long.MAX_VALUE);
            if (r.nextInt(2) == 0) {
                int p = r.nextInt(CrashChild.PARTITIONS);
                Path partition = dir.resolve(CrashChild.TOPIC + "-" + p);
                if (Files.isDirectory(partition)) {
                    injected = Damage.values()[1 + r.nextInt(Damage.values().length - 1)].apply(partition, r);
                    exemptFrom[p] = injected.firstTouched();
                }
            }
            steps.add("the disk: " + injected.description());
            situations.add(injected.damage().situation());
            Recording recording = new Recording(candidate.make().get());
            DurableKafkaLog log;
            try {
                log = DurableKafkaLog.open(
                        dir,
                        CrashChild.TOPIC,
                        CrashTrials.config(),
                        policy,
                        InstantSource.system(),
                        FlushScheduler.CALLER,
                        new RecoveryRules(recording));
            } catch (RuntimeException refused) {
                recording.addSteps(steps);
                return new Trial(situations, Optional.of(refused(refused, recording, steps, injected, 0)));
            }
            try {
                recording.addSteps(steps);
                steps.add("a reader reads both partitions end to end, and the group's committed offsets");
                Judge.Verdict v = CrashTrials.judge(log, seed, acked, exemptFrom);
                String kept = "partition 0 up to offset " + log.highWatermark(0) + ", partition 1 up to "
                        + log.highWatermark(1) + " (high watermarks)";
                if (!v.clean()) {
                    Judge.Breach first = v.first();
                    boolean lost = first.rule() == CrashRule.LOST;
                    return new Trial(
                            situations,
                            Optional.of(new Finding(
                                    first.rule(),
                                    first.evidence().substring(first.rule().id().length() + 2),
                                    steps,
                                    lost ? recording.steps.get(0) : steps.size(),
                                    injected.description(),
                                    kept,
                                    lost ? "nothing wrong, but acknowledged appends are gone" : first.evidence())));
                }
                for (int p = 0; p < CrashChild.PARTITIONS; p++) {
                    long due = Math.min(exemptFrom[p], acked.maxAcked(p) + 1);
                    if (log.highWatermark(p) < due) {
                        return new Trial(
                                situations,
                                Optional.of(new Finding(
                                        CrashRule.LOST,
                                        "partition " + p + " ends at " + log.highWatermark(p) + ", but offsets up to "
                                                + (due - 1) + " were acknowledged and whole",
                                        steps,
                                        recording.steps.get(0),
                                        injected.description(),
                                        kept,
                                        "nothing wrong, but acknowledged appends are gone")));
                    }
                }
                if (failure != null) {
                    return new Trial(
                            situations,
                            Optional.of(new Finding(
                                    CrashRule.FAILED,
                                    "a child JVM failed while it opened or wrote the log: " + failure,
                                    steps,
                                    failedChild,
                                    injected.description(),
                                    kept,
                                    "nothing: the child JVM failed")));
                }
                return new Trial(situations, Optional.empty());
            } finally {
                log.simulatePowerLoss(); // lets go of the files without forcing them: they are deleted next
            }
        } finally {
            CrashTrials.delete(dir);
        }
    }

    private static String acknowledged(ChildReport acked) {
        List<String> parts = new ArrayList<>();
        for (int p = 0; p < CrashChild.PARTITIONS; p++) {
            long max = acked.maxAcked(p);
            parts.add("partition " + p + ": " + (max < 0 ? "none" : "offsets up to " + max));
        }
        return String.join(", ", parts);
    }

    /** The frame of offset {@code o} as the log writes it: the trial's record, stamped a millisecond apart. */
    private static ByteBuffer frame(long seed, long o) {
        ProducerRecord p = TrialRecords.expected(seed, 0, o);
        ConsumerRecord c = new ConsumerRecord(0, o, timestamp(o), p.key(), p.value(), p.headers());
        return RecordFrame.encode(new LogSegment.Entry(c, -1, false, null, p.sizeInBytes()), o, timestamp(o));
    }

    private static Instant timestamp(long o) {
        return SimClock.EPOCH.plusMillis(o);
    }

    private static ConsumerRecord expected(long seed, long o) {
        ProducerRecord p = TrialRecords.expected(seed, 0, o);
        return new ConsumerRecord(0, o, timestamp(o), p.key(), p.value(), p.headers());
    }

    private static boolean matches(long seed, ConsumerRecord c) {
        return expected(seed, c.offset()).equals(c);
    }

    /** "value ...xQ9... where ...xq9... was written": the first field that differs, around the difference. */
    private static String difference(ConsumerRecord served, ConsumerRecord written) {
        String[][] fields = {
            {"key", served.key(), written.key()},
            {"value", served.value(), written.value()},
            {"headers", String.valueOf(served.headers()), String.valueOf(written.headers())},
            {"timestamp", String.valueOf(served.timestamp()), String.valueOf(written.timestamp())}
        };
        for (String[] f : fields) {
            if (!Objects.equals(f[1], f[2])) {
                return f[0] + " " + around(f[1], f[2]) + " where " + around(f[2], f[1]) + " was written";
            }
        }
        return "the record written"; // not reached: the records differ in some field
    }

    /** Up to 12 characters of {@code s} around where it first differs from {@code other}, quoted. */
    private static String around(String s, String other) {
        if (s == null) {
            return "null";
        }
        int at = 0;
        while (at < s.length() && other != null && at < other.length() && s.charAt(at) == other.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 6);
        int to = Math.min(s.length(), at + 6);
        StringBuilder shown = new StringBuilder();
        s.substring(from, to)
                .chars()
                .forEach(c -> shown.append(
                        c >= 0x20 && c < 0x7f
                                ? String.valueOf((char) c)
                                : String.format(
                                        "\\u%04x", c))); // a flipped byte is often not a character: show its code
        return "\"" + (from > 0 ? "..." : "") + shown + (to < s.length() ? "..." : "") + "\"";
    }

    private static long firstDifference(byte[] now, byte[] then) {
        if (then == null) {
            return 0;
        }
        int n = Math.min(now.length, then.length);
        int i = Arrays.mismatch(Arrays.copyOf(now, n), Arrays.copyOf(then, n));
        return i < 0 ? n : i;
    }

    private static String last(Map<String, byte[]> written) {
        String last = null;
        for (String name : written.keySet()) {
            last = name;
        }
        return last;
    }

    /**
     * The recovery under trial, each call told as a step: the file, what it kept. Calls come partition by
     * partition, each partition's segments oldest first: a baseOffset no greater than the last one begins the
     * next partition.
     */
    private static final class Recording implements SegmentRecovery {

        /** The recovery itself threw: what it threw is the cause. */
        static final class Threw extends RuntimeException {
            Threw(RuntimeException cause) {
                super(cause.getMessage(), cause, false, false);
            }
        }

        private final SegmentRecovery recovery;
        private final List<String> calls = new ArrayList<>();
        private final List<String> files = new ArrayList<>();
        private final List<Long> keptEnds = new ArrayList<>();
        private final List<Integer> steps = new ArrayList<>();
        private long keptBytes;
        private String lastKept = "nothing";
        private int partition = -1;
        private long lastBase = Long.MAX_VALUE;

        Recording(SegmentRecovery recovery) {
            this.recovery = recovery;
        }

        @Override
        public RecoveredSegment recover(ByteBuffer segment, long baseOffset) {
            if (baseOffset <= lastBase) {
                partition++;
            }
            lastBase = baseOffset;
            String file = String.format("%020d.log", baseOffset);
            String call =
                    (calls.isEmpty() ? "the log opens; your recovery on " : "your recovery on ") + CrashChild.TOPIC
                            + "-" + partition + "/" + file
                            + " (" + segment.limit() + " bytes, baseOffset " + baseOffset + ")";
            files.add(file);
            RecoveredSegment found;
            try {
                found = recovery.recover(segment, baseOffset);
            } catch (RuntimeException e) {
                calls.add(call + "  → threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
                keptEnds.add(baseOffset);
                throw new Threw(e);
            }
            if (found == null) {
                calls.add(call + "  → returned null");
                keptEnds.add(baseOffset);
                throw new Threw(new NullPointerException("recover returned null: return a RecoveredSegment"));
            }
            calls.add(call + "  → kept " + found.validBytes() + " bytes, " + found.records() + " records"
                    + (found.problem() == null ? "" : " (" + found.problem() + ")"));
            keptEnds.add(baseOffset + found.records());
            keptBytes += found.validBytes();
            lastKept = found.records() == 0
                    ? "no record of " + file
                    : "offsets " + baseOffset + "-" + (baseOffset + found.records() - 1) + " of " + file + " ("
                            + found.validBytes() + " of its " + segment.limit() + " bytes)";
            return found;
        }

        /** Adds a step per call to {@code story}, remembering where each landed. */
        void addSteps(List<String> story) {
            for (String call : calls) {
                story.add(call);
                steps.add(story.size());
            }
            if (calls.isEmpty()) {
                story.add("the log opens: your recovery is not called (no segment file)");
                steps.add(story.size());
            }
        }

        /** The step of the (last) call on {@code file}. */
        int stepOf(String file) {
            int i = files.lastIndexOf(file);
            return i < 0 ? steps.get(steps.size() - 1) : steps.get(i);
        }

        /** The step of the call whose cut ended the log below what was whole. */
        int stepCutting(long end) {
            for (int i = 0; i < keptEnds.size(); i++) {
                if (keptEnds.get(i) == end) {
                    return steps.get(i);
                }
            }
            return steps.get(steps.size() - 1);
        }

        long keptBytes() {
            return keptBytes;
        }

        String lastKept() {
            return lastKept;
        }
    }
}
