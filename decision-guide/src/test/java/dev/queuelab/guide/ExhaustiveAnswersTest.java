package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.workqueue.WorkQueueProperty;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every combination of the six answers (and of platform and consumer runtime): each renders with no
 * missing key, the recommendation never contradicts an answer, and every check it cites exists.
 */
class ExhaustiveAnswersTest {

    @Test
    void shouldNeverContradictAnAnswerWhenEveryCombinationIsRendered() {
        int combinations = 0;
        for (String sync : List.of("sync", "async")) {
            for (String shape : List.of("distribute", "broadcast")) {
                for (String replay : List.of("true", "false")) {
                    for (String ordering : List.of("none", "per-key", "global")) {
                        for (String semantic : List.of("at-most-once", "at-least-once", "exactly-once")) {
                            for (String platform : List.of("aws", "gcp", "azure", "self-hosted", "any")) {
                                for (String runtime : List.of("service", "function")) {
                                    check(TestAnswers.with("sync", sync, "shape", shape, "replay", replay, "ordering", ordering,
                                            "semantic", semantic, "platform", platform, "consumer-runtime", runtime));
                                    combinations++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(combinations).isEqualTo(2 * 2 * 2 * 3 * 3 * 5 * 2);
    }

    private static void check(Answers a) {
        Recommendation r = Recommender.recommend(a);
        String what = a + " -> " + r.topology();
        assertThat(Documents.markdown(a, r, LocalDate.of(2026, 1, 1))).as(what).doesNotContain("{{").contains("## Decision Outcome");
        assertThat(Documents.json(r)).as(what).contains("\"topology\" : \"" + r.topology() + "\"");
        assertThat(Recommendation.TOPOLOGIES).contains(r.topology());
        if (a.sync().equals("sync")) {
            assertThat(r.topology()).as(what).isEqualTo("none");
            return;
        }
        if (a.replay()) {
            assertThat(r.topology()).as("replay needs a log: " + what).isEqualTo("partitioned-log");
        }
        if (a.shape().equals("broadcast")) {
            assertThat(r.topology()).as(what).isIn("pub-sub-fanout", "ephemeral-pub-sub", "partitioned-log");
        } else {
            assertThat(r.topology()).as(what).isNotIn("pub-sub-fanout", "ephemeral-pub-sub");
        }
        if (!a.ordering().equals("none") && a.shape().equals("distribute")) {
            assertThat(r.topology()).as("ordering needs groups or partitions: " + what).isIn("fifo-work-queue", "partitioned-log");
        }
        if (!a.semantic().equals("at-most-once")) {
            assertThat(r.topology()).as("ephemeral pub/sub loses messages: " + what).isNotEqualTo("ephemeral-pub-sub");
        }
        if (r.semantic().equals("at-least-once")) {
            assertThat(r.idempotency().key()).as("at-least-once needs an idempotent consumer: " + what).isNotNull();
        }
        if (a.semantic().equals("exactly-once") && a.context().sideEffects().equals("external")) {
            assertThat(r.semantic()).as(what).isEqualTo("at-least-once");
        }
        for (Recommendation.Evidence e : r.evidence()) {
            if (e.check() != null) {
                assertThat(e.check()).startsWith("work-queue/");
                WorkQueueProperty.byId(e.check().substring("work-queue/".length()));   // throws if no such check
                assertThat(classExists(e.reference())).as("reference class %s", e.reference()).isTrue();
            }
        }
        r.facts().forEach(id -> assertThat(Facts.registry().get(id).source()).startsWith("https://"));
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
