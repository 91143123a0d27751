package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.queuelab.guide.Feasibility.Status;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Where no product passes as answered, the record names the one requirement whose change makes a design pass, with
 * that design's settings, sizing and checks, and keeps the failing arithmetic beside it; it names none where the
 * design passes, or where no single change is enough.
 */
class RequirementsTest {

    @Test
    void shouldNameTheRequirementAndTheDesignThatPassesWhenNoProductPassesAsAnswered() {
        // one global order at 100,000 msg/s and 1 s a message: one lane does 1 msg/s, on every product
        Answers ledger = TestAnswers.with(
                "ordering",
                "global",
                "throughput-per-second",
                "100000",
                "p99-processing-seconds",
                "1",
                "platform",
                "aws");
        Recommendation r = RuleEngine.recommend(ledger);
        assertThat(r.feasibility().feasible())
                .as("a requirement is the team's to change")
                .isFalse();
        Recommendation.WayOut way = r.wayOut();
        assertThat(way).isNotNull();
        assertThat(way.requirement()).isEqualTo("ordering");
        assertThat(way.asked()).isEqualTo("global");
        assertThat(way.changed()).isEqualTo("per-key");
        assertThat(way.design().feasibility().feasible()).isTrue();
        assertThat(way.design().feasibility().checks()).noneMatch(c -> c.status() == Status.FAIL);
        String md = Documents.markdown(ledger, r, LocalDate.of(2026, 12, 5));
        String section = md.substring(
                md.indexOf("#### The way out changes a requirement: `ordering` from global to" + " per-key"));
        assertThat(section)
                .contains("With `ordering: per-key` in the answers, the nearest design that passes every check is")
                .contains("| setting | value |", "Sizing: ", "| check | status | arithmetic | fix |")
                .contains("`partition-capacity` | ok");
        // the failing arithmetic stays beside it: the verdict and the failing checks of the design as answered
        assertThat(md.substring(0, md.indexOf("#### The way out")))
                .contains("**Verdict: infeasible.** As answered, this cannot work: one lane carries one message");
    }

    @Test
    void shouldTryALongRunningConsumerWhenAFunctionCannotRunTheJob() {
        Answers transcode = TestAnswers.with(
                "platform",
                "aws",
                "consumer-runtime",
                "function",
                "throughput-per-second",
                "2",
                "p99-processing-seconds",
                "600",
                "failure.max-processing-seconds",
                "1200");
        Recommendation r = RuleEngine.recommend(transcode);
        assertThat(r.feasibility().feasible()).isFalse();
        assertThat(r.wayOut().requirement()).isEqualTo("consumer-runtime");
        assertThat(r.wayOut().changed()).isEqualTo("service");
        assertThat(r.wayOut().design().product()).isEqualTo(Product.SQS_STANDARD);
        JsonNode json = json(r);
        assertThat(json.at("/way-out/requirement").asText()).isEqualTo("consumer-runtime");
        assertThat(json.at("/way-out/design/feasibility/verdict").asText()).isEqualTo("feasible");
    }

    @Test
    void shouldNameNoWayOutWhenTheDesignPassesOrNoSingleChangeIsEnough() {
        Answers fine = TestAnswers.with("platform", "aws");
        Recommendation passes = RuleEngine.recommend(fine);
        assertThat(passes.feasibility().feasible()).isTrue();
        assertThat(passes.wayOut()).isNull();
        assertThat(Documents.markdown(fine, passes, LocalDate.of(2026, 12, 5))).doesNotContain("The way out");
        assertThat(json(passes).has("way-out")).isFalse();
        // 100 M msg/s is past every product's ceiling: no requirement the guide may change brings it under one
        Answers flood = TestAnswers.with(
                "platform", "aws", "throughput-per-second", "100000000", "p99-processing-seconds", "0.1");
        Recommendation past = RuleEngine.recommend(flood);
        assertThat(past.feasibility().feasible()).isFalse();
        assertThat(past.wayOut()).isNull();
    }

    private static JsonNode json(Recommendation r) {
        try {
            return new ObjectMapper().readTree(Documents.json(r));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
