package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FlushPolicy;
import dev.queuelab.reference.log.DiskRules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrashTrialsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLoseNoAcknowledgedAppendAndServeNoCorruptRecordWhenChildJvmsAreKilled() throws Exception {
        StringWriter text = new StringWriter();
        CrashTrials.Counts c =
                CrashTrials.run(new CrashTrials.Options(20, 11, dir, Duration.ofSeconds(30)), new PrintWriter(text));
        CrashReport.print(c, 11, new PrintWriter(text));
        System.out.println(text);
        assertThat(c.kills()).as("the trials killed children mid-run").isGreaterThan(10);
        assertThat(c.acknowledgedDurable())
                .as("children acknowledged durable appends before they died")
                .isPositive();
        assertThat(c.ackedLost()).as("R1: %s", c.evidence()).isZero();
        assertThat(c.corruptServed()).as("R2: %s", c.evidence()).isZero();
        assertThat(c.notDense()).as("R3: %s", c.evidence()).isZero();
        assertThat(c.commitsAhead()).as("R4: %s", c.evidence()).isZero();
        assertThat(c.passed()).as(text.toString()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(DiskGallery.class)
    void shouldCatchTheVariantWhenItsTrialRuns(DiskGallery variant) throws Exception {
        CrashTrials.Caught caught = CrashTrials.catches(variant, dir, 5);
        assertThat(caught.caught())
                .as("%s (%s) must be caught by the %s trial", variant, variant.title(), variant.trial())
                .isTrue();
    }

    @Test
    void shouldPassEachGalleryTrialWhenTheRulesAreTheReferences() throws Exception {
        assertThat(InProcessTrials.crashBetweenWrites(dir.resolve("a"), new CrashableRules(), 5))
                .as("G2")
                .isNull();
        assertThat(InProcessTrials.flippedValue(dir.resolve("b"), DiskRules.REFERENCE, 5)
                        .clean())
                .as("D3")
                .isTrue();
        assertThat(InProcessTrials.powerLoss(
                                dir.resolve("c"), CrashTrials.POLICIES[1], DiskRules.REFERENCE, 5, 400, 300)
                        .verdict()
                        .clean())
                .as("D4, D5")
                .isTrue();
    }

    @Test
    void shouldLoseEveryUnforcedAppendWhenPowerFailsUnderPageCache() {
        InProcessTrials.PowerLoss p =
                InProcessTrials.powerLoss(dir, FlushPolicy.pageCache(), DiskRules.REFERENCE, 5, 200, 200);
        assertThat(p.acknowledged())
                .as("page cache acknowledges every append at once")
                .isEqualTo(200);
        assertThat(p.lost())
                .as("lost-on-power-loss, expected: nothing was forced")
                .isEqualTo(200);
        assertThat(p.verdict().clean())
                .as("R1 does not apply: none was acknowledged as durable")
                .isTrue();
    }
}
