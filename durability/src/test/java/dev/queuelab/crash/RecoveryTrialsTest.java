package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.SegmentRecovery;
import dev.queuelab.crash.learner.IgnoresOffsetRecovery;
import dev.queuelab.crash.learner.NoCrcRecovery;
import dev.queuelab.crash.learner.TrustsLengthRecovery;
import dev.queuelab.crash.learner.WholeFrameRecovery;
import dev.queuelab.reference.log.DiskRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery trials judge a recovery written against the api alone: one that checks lengths, CRCs and offsets
 * keeps every rule; the gallery's mistakes, written the same way, are caught with a story.
 */
class RecoveryTrialsTest {

    @TempDir
    Path dir;

    /** Opens the reference's own recovery to the test, as DiskRules offers it to its subclasses. */
    private static final class ReferenceRules extends DiskRules {
        @Override
        protected SegmentRecovery recovery() {
            return super.recovery();
        }
    }

    private static RecoveryTrials.Candidate candidate(Supplier<SegmentRecovery> make, Class<?> type) {
        return new RecoveryTrials.Candidate(make, type);
    }

    /** The damage trials from seed 1 on, until one finds a broken rule (at most {@code n}). */
    private Optional<RecoveryTrials.Finding> firstFinding(RecoveryTrials.Candidate c, int n, Set<String> reached)
            throws Exception {
        for (long seed = 1; seed <= n; seed++) {
            RecoveryTrials.Trial t = RecoveryTrials.damage(c, seed, dir);
            reached.addAll(t.situations());
            if (t.finding().isPresent()) {
                return t.finding();
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldKeepEveryRuleWhenTheRecoveryChecksLengthsCrcsAndOffsets() throws Exception {
        Set<String> reached = new HashSet<>();
        RecoveryTrials.Candidate good = candidate(WholeFrameRecovery::new, WholeFrameRecovery.class);
        assertThat(firstFinding(good, 150, reached)).as("no rule broken").isEmpty();
        List<String> every = new ArrayList<>();
        for (Damage d : Damage.values()) {
            every.add(d.situation());
        }
        every.add("damage: in a segment before the last");
        assertThat(reached).as("the damage trials reach every kind of damage").containsAll(every);
        for (long seed = 1; seed <= 2; seed++) {
            RecoveryTrials.Trial t = RecoveryTrials.kill(good, seed, dir, Duration.ofSeconds(30));
            assertThat(t.finding()).as("kill trial %s: %s", seed, t.finding()).isEmpty();
        }
    }

    @Test
    void shouldCatchARecoveryWithoutCrcWhenAByteFlipsInARecord() throws Exception {
        RecoveryTrials.Finding f = firstFinding(candidate(NoCrcRecovery::new, NoCrcRecovery.class), 60, new HashSet<>())
                .orElseThrow(() -> new AssertionError("a recovery without CRC went unnoticed for 60 damage trials"));
        assertThat(f.rule()).startsWith("R2");
        assertThat(f.anomaly()).isIn("corrupt-served", "corrupt-kept");
        assertThat(f.injected()).contains("flipped");
        assertThat(f.steps()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void shouldCatchARecoveryThatTrustsTheLengthPastTheEndWhenARecordIsTorn() throws Exception {
        RecoveryTrials.Finding f = firstFinding(
                        candidate(TrustsLengthRecovery::new, TrustsLengthRecovery.class), 60, new HashSet<>())
                .orElseThrow(() -> new AssertionError("a recovery that keeps torn records went unnoticed"));
        assertThat(f.rule()).startsWith("R2");
        assertThat(f.anomaly()).isEqualTo("corrupt-kept");
        assertThat(f.evidence()).contains("kept a torn record");
        assertThat(f.served()).contains("refused to open");
    }

    @Test
    void shouldCatchARecoveryThatIgnoresTheOffsetDueWhenAWholeFrameLandsAtTheWrongOffset() throws Exception {
        RecoveryTrials.Finding f = firstFinding(
                        candidate(IgnoresOffsetRecovery::new, IgnoresOffsetRecovery.class), 200, new HashSet<>())
                .orElseThrow(() -> new AssertionError("a recovery that ignores offsets went unnoticed"));
        assertThat(f.kind()).isEqualTo(CrashRule.NOT_DENSE);
        assertThat(f.injected()).contains("its CRC32C valid");
        assertThat(f.evidence()).contains("was due");
    }

    @Test
    void shouldPassEveryDamageTrialWhenTheRecoveryIsTheReferences() throws Exception {
        SegmentRecovery reference = new ReferenceRules().recovery();
        assertThat(firstFinding(candidate(() -> reference, null), 100, new HashSet<>()))
                .isEmpty();
    }
}
