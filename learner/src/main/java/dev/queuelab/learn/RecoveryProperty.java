package dev.queuelab.learn;

import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.CheckResult;
import dev.queuelab.check.Property;
import dev.queuelab.check.Scenario;
import dev.queuelab.check.ScenarioStep;
import dev.queuelab.check.Settings;
import dev.queuelab.check.Stories;
import dev.queuelab.crash.RecoveryTrials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * The log on disk's properties, for a {@link SegmentRecovery}: the crash trials with the learner's recovery in
 * place of the reference's ({@link RecoveryTrials}), judged by the crash trials' rules R1 to R4. Each trial is
 * one seed's story; there is nothing to shrink, as a trial is a handful of steps by construction.
 *
 * <ul>
 *   <li>{@link #DAMAGE}: segment files written as the log writes them, a crash, damage (a torn last record,
 *       zeros after it, a flipped byte, a page of zeros, or none), the log opened with the recovery and read back;
 *       in this JVM, a few milliseconds each.</li>
 *   <li>{@link #KILL}: child JVMs appending, killed with SIGKILL, recovering with the same recovery; at most
 *       {@link #KILLS} per check, as each costs a JVM or two.</li>
 * </ul>
 */
public enum RecoveryProperty implements Property<Long, RecoveryProperty.Stage, Void> {
    DAMAGE(
            "damage",
            List.of(Stage.WRITE, Stage.CRASH, Stage.DAMAGE, Stage.RECOVER, Stage.READ),
            "the log writes segments, the process is killed, the disk damages a file, the log opens with your"
                    + " recovery and a reader reads it back") {
        @Override
        RecoveryTrials.Trial trial(RecoveryTrials.Candidate candidate, long seed, Path root) throws IOException {
            return RecoveryTrials.damage(candidate, seed, root);
        }

        @Override
        int trials(Settings settings) {
            return settings.trials();
        }
    },

    KILL(
            "kill",
            List.of(Stage.APPEND_AND_KILL, Stage.DAMAGE, Stage.RECOVER, Stage.READ),
            "JVMs that append with your recovery are killed with SIGKILL, the disk may damage a file, the log opens"
                    + " with your recovery and a reader reads it back") {
        @Override
        RecoveryTrials.Trial trial(RecoveryTrials.Candidate candidate, long seed, Path root)
                throws IOException, InterruptedException {
            return RecoveryTrials.kill(candidate, seed, root, CHILD_LIMIT);
        }

        @Override
        int trials(Settings settings) {
            return Math.min(settings.trials(), KILLS);
        }

        @Override
        public Map<String, Double> coverage() {
            return Map.of(); // three trials cannot show shares; the damage trials demand them
        }
    };

    /** Kill trials per check: each starts one or two JVMs, so a check stays within seconds. */
    public static final int KILLS = 3;

    /** The longest a child JVM of a kill trial may live, well inside the check's own limit. */
    static final Duration CHILD_LIMIT = Duration.ofSeconds(10);

    /** What a trial does, in order: the steps of every story of the property. */
    public enum Stage implements ScenarioStep {
        WRITE,
        APPEND_AND_KILL,
        CRASH,
        DAMAGE,
        RECOVER,
        READ;

        @Override
        public List<? extends ScenarioStep> simpler() {
            return List.of(); // a trial's steps are fixed: its seed chooses what each does
        }
    }

    private final String id;
    private final List<Stage> stages;
    private final String what;

    RecoveryProperty(String id, List<Stage> stages, String what) {
        this.id = id;
        this.stages = stages;
        this.what = what;
    }

    abstract RecoveryTrials.Trial trial(RecoveryTrials.Candidate candidate, long seed, Path root)
            throws IOException, InterruptedException;

    /** How many of its trials a check with {@code settings} runs. */
    abstract int trials(Settings settings);

    /** The property with this id, or an {@link IllegalArgumentException} naming the choices. */
    public static RecoveryProperty byId(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the log on disk has no property '" + id
                        + "': use one of "
                        + Arrays.stream(values()).map(RecoveryProperty::id).toList()));
    }

    @Override
    public String topology() {
        return "disk";
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String doc() {
        return "docs/durable-log.md#recovery";
    }

    @Override
    public boolean appliesTo(Void capabilities) {
        return true;
    }

    /** The trial of one seed, as its stages: which file, which damage and which kill point the seed chooses. */
    @Override
    public Scenario<Long, Stage> generate(long seed, Void capabilities) {
        return new Scenario<>(seed, stages);
    }

    /** Each kind of damage in a share of the trials: a recovery is judged on every way a file can end. */
    @Override
    public Map<String, Double> coverage() {
        Map<String, Double> shares = new LinkedHashMap<>();
        RecoveryTrials.damageSituations().forEach(s -> shares.put(s, 0.04));
        return shares;
    }

    @Override
    public List<Long> simpler(Long config) {
        return List.of();
    }

    /** Runs this property's trials on the learner's recovery, stopping at the first that breaks a rule. */
    CheckResult run(String implName, Topology.Maker maker, LongFunction<String> replay, Settings settings) {
        RecoveryTrials.Candidate candidate = new RecoveryTrials.Candidate(
                () -> (SegmentRecovery) maker.make(null, null), maker.type().orElse(null));
        int n = trials(settings);
        Map<String, Integer> reached = new LinkedHashMap<>();
        Path root = null;
        try {
            root = Files.createTempDirectory("queuelab-recovery-");
            for (int i = 0; i < n; i++) {
                long seed = settings.trialSeed(i);
                RecoveryTrials.Trial t = trial(candidate, seed, root);
                t.coverage().forEach(s -> reached.merge(s, 1, Integer::sum));
                if (t.anomaly().isPresent()) {
                    return failure(implName, t, seed, i, n, replay);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the trials' files, under " + root, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LearnerException("interrupted", Coach.CHECK_FAILED);
        } finally {
            delete(root);
        }
        return passed(implName, reached, n, settings);
    }

    private CheckResult failure(
            String implName, RecoveryTrials.Trial t, long seed, int trial, int n, LongFunction<String> replay) {
        Anomaly anomaly = t.anomaly().orElseThrow();
        StringBuilder story =
                new StringBuilder(t.story(qualifiedName() + " FAILED on implementation '" + implName + "'", what));
        story.append(Stories.readMore(doc(), anomaly).replace(", invariant ", ", rule "))
                .append("\n  Seed ")
                .append(seed)
                .append(" (trial ")
                .append(trial + 1)
                .append(" of ")
                .append(n)
                .append(
                        this == KILL
                                ? "). Replay this story (the same kill points; bytes not acknowledged may differ):\n    "
                                : "). Replay exactly this story:\n    ")
                .append(replay.apply(seed))
                .append('\n');
        return new CheckResult(
                qualifiedName(),
                implName,
                CheckResult.Verdict.FAILED,
                Optional.of(anomaly),
                t.finding().orElseThrow().steps().size(),
                seed,
                story.toString());
    }

    private CheckResult passed(String implName, Map<String, Integer> reached, int n, Settings settings) {
        List<String> missed = new ArrayList<>();
        coverage().forEach((label, share) -> {
            int got = reached.getOrDefault(label, 0);
            if (got < share * n) {
                missed.add(String.format("'%s' in %d of %d trials (needs %.1f%%)", label, got, n, share * 100));
            }
        });
        if (missed.isEmpty() || n < 50) { // too few trials to judge coverage
            return new CheckResult(
                    qualifiedName(),
                    implName,
                    CheckResult.Verdict.PASSED,
                    Optional.empty(),
                    0,
                    settings.trialSeed(0),
                    qualifiedName() + " passed " + n + " trials on '" + implName + "'"
                            + (this == KILL ? " (child JVMs killed with SIGKILL)" : "")
                            + (n < 50 ? "; too few to judge what they reached" : ""));
        }
        return new CheckResult(
                qualifiedName(),
                implName,
                CheckResult.Verdict.FAILED,
                Optional.empty(),
                0,
                settings.trialSeed(0),
                qualifiedName() + " found no broken rule on '" + implName
                        + "', but its trials did not reach what it is about:\n    " + String.join("\n    ", missed)
                        + "\n  A check that never exercises a situation proves nothing about it.");
    }

    private static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + root, e);
        }
    }
}
