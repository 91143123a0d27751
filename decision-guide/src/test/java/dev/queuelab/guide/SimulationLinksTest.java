package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.learn.SimulationNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every claim a simulation can show links to it: the rules' sources and the Confirmation lines name
 * {@code queuelab simulate} scenarios, and each named scenario is one the command can draw.
 */
class SimulationLinksTest {

    private static final Pattern CITED = Pattern.compile("queuelab simulate ([a-z0-9, -]+)\\)");

    private static List<String> cited(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CITED.matcher(text);
        while (m.find()) {
            for (String name : m.group(1).split(",\\s*")) {
                out.add(name.trim());
            }
        }
        return out;
    }

    @Test
    void shouldNameOnlyScenariosTheSimulateCommandDraws() {
        List<String> names = new ArrayList<>();
        Rules.ALL.forEach(r -> names.addAll(cited(r.source())));
        for (Answers a : List.of(
                TestAnswers.with("platform", "aws"),
                TestAnswers.with("platform", "aws", "replay", "true", "ordering", "per-key"))) {
            RuleEngine.recommend(a).evidence().forEach(e -> {
                if (e.simulate() != null) {
                    names.addAll(List.of(e.simulate().split(",\\s*")));
                }
            });
        }
        assertThat(names)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(SimulationNames.all()).contains(n));
    }

    @Test
    void shouldLinkTheLeaseTheDeadLetterTheReplayAndTheOrderToTheirScenarios() {
        assertThat(cited(Rules.VISIBILITY_FROM_WORST_CASE.source()))
                .containsExactly("visibility-timeout-too-short", "extend-visibility");
        assertThat(cited(Rules.THREE_TO_FIVE_RECEIVES.source())).containsExactly("poison-message-to-dlq");
        assertThat(cited(Rules.REPLAY_NEEDS_A_LOG.source())).containsExactly("replay-vs-work-queue");
        assertThat(cited(Rules.PER_KEY_ORDER_BY_PARTITION.source()))
                .containsExactly("idempotent-producer-reordered", "rebalance-duplicates");
        Answers aws = TestAnswers.with("platform", "aws");
        String queue = Documents.markdown(aws, RuleEngine.recommend(aws), LocalDate.of(2026, 12, 5));
        assertThat(queue)
                .contains("`work-queue/visibility` on `dev.queuelab.reference.workqueue.SqsWorkQueue`; watch it step by"
                        + " step: `queuelab simulate at-least-once-crash-before-ack`");
        // a direct call has no lease and no dead letter: no scenario of either is linked from its Confirmation
        Answers sync = TestAnswers.with("sync", "sync");
        String call = Documents.markdown(sync, RuleEngine.recommend(sync), LocalDate.of(2026, 12, 5));
        assertThat(call.substring(call.indexOf("### Confirmation")))
                .doesNotContain("visibility-timeout-too-short")
                .doesNotContain("poison-message-to-dlq");
    }
}
