package dev.queuelab.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.FlushPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PowerCutTrialsTest {

    /** Group commit first: the policy with the most to get wrong (a buffer, a batch, a linger). */
    static final List<FlushPolicy> POLICIES =
            List.of(CrashTrials.POLICIES[1], CrashTrials.POLICIES[0], CrashTrials.POLICIES[2]);

    /** Enough for every variant of the gallery on seeds 1 to 5; most are caught in the first ten. */
    static final int TRIALS = 1000;

    @ParameterizedTest
    @EnumSource(FlushPolicyName.class)
    void shouldKeepEveryPromiseWhenThePowerGoesOutAnywhere(FlushPolicyName name) {
        FlushPolicy policy = CrashTrials.policy(name.policy);
        PowerCutTrials.Result r = PowerCutTrials.run(DiskSubject.REFERENCE, policy, 1, 400);
        assertThat(r.failure())
                .as("%s", r.failure().map(PowerCutTrials.Failure::story).orElse(""))
                .isEmpty();
        assertThat(r.trials()).isEqualTo(400);
        assertThat(r.situations())
                .as("the trials reach what a kill cannot")
                .containsKeys(
                        "a power cut that lost writes",
                        "a power cut while the log opens",
                        "appends during a force",
                        "a clean shutdown, then more",
                        "a commit",
                        "a transaction committed",
                        "a transaction aborted",
                        "damage: flip",
                        "damage: duplicate last",
                        "damage: stale earlier",
                        "damage: from older segment",
                        "three lives or more");
    }

    enum FlushPolicyName {
        FORCE("force"),
        GROUP_COMMIT("group-commit"),
        PAGE_CACHE("page-cache");

        final String policy;

        FlushPolicyName(String policy) {
            this.policy = policy;
        }
    }

    @ParameterizedTest
    @EnumSource(DiskGallery.class)
    void shouldCatchTheVariantOnEverySeedWhenTheGenericTrialsRun(DiskGallery variant) {
        List<String> missed = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            CrashTrials.Caught c = CrashTrials.catches(variant, seed, POLICIES, TRIALS);
            if (!c.caught()) {
                missed.add("seed " + seed);
            }
        }
        assertThat(missed)
                .as("%s (%s) must be caught on seeds 1 to 5", variant, variant.title())
                .isEmpty();
    }

    @Test
    void shouldShrinkToTheFewestStepsAndNameWhatTheCrashLostWhenAForceIsSkipped() {
        PowerCutTrials.Result r = PowerCutTrials.run(DiskGallery.LOG_NEVER_FORCED.subject(), POLICIES.get(0), 1, 50);
        PowerCutTrials.Failure f = r.failure().orElseThrow();
        StringWriter text = new StringWriter();
        CrashReport.print(f, r, new PrintWriter(text));
        assertThat(f.rule()).isEqualTo(CrashRule.LOST);
        assertThat(f.shrunk()).as(text.toString()).isLessThanOrEqualTo(3).isLessThan(f.steps());
        assertThat(text.toString())
                .as("the story names the operations since the last force and what the crash lost")
                .contains("since the last force")
                .contains("lost: the write of bytes")
                .contains("R1: partition")
                .contains("queuelab crash-trials --impl log-never-forced --policy group-commit --seed 1");
    }

    @Test
    void shouldReplayTheSameTrialWhenGivenTheSameSeed() {
        PowerCutTrials.Result a = PowerCutTrials.run(DiskGallery.ACK_BEFORE_FORCE.subject(), POLICIES.get(0), 3, 200);
        PowerCutTrials.Result b = PowerCutTrials.run(DiskGallery.ACK_BEFORE_FORCE.subject(), POLICIES.get(0), 3, 200);
        assertThat(a.failure().map(PowerCutTrials.Failure::story))
                .isEqualTo(b.failure().map(PowerCutTrials.Failure::story))
                .isNotEqualTo(Optional.empty());
    }
}
