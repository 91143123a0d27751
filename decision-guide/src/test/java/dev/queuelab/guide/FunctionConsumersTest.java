package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import org.junit.jupiter.api.Test;

/**
 * Functions outside AWS have limits of their own: an event-driven Cloud Run function runs 540 s and receives by
 * push (no exactly-once delivery), Azure Functions on the Consumption plan 10 minutes, and a Service Bus lock is
 * renewed only for the client's renewal duration.
 */
class FunctionConsumersTest {

    private static Status status(Recommendation r, String id) {
        return r.feasibility().checks().stream()
                .filter(c -> c.id().equals(id))
                .map(Check::status)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no check " + id + " in " + r.feasibility().checks()));
    }

    @Test
    void shouldBeInfeasibleWhenAPubSubFunctionOutlastsTheEventDrivenLimit() {
        Recommendation long_ = RuleEngine.recommend(TestAnswers.with(
                "platform", "gcp", "consumer-runtime", "function", "failure.max-processing-seconds", "600"));
        assertThat(long_.product()).isEqualTo(Product.PUBSUB);
        assertThat(status(long_, "consumer-runtime-limit"))
                .as("600 s against an event-driven function's 540 s")
                .isEqualTo(Status.FAIL);
        Recommendation short_ = RuleEngine.recommend(TestAnswers.with(
                "platform", "gcp", "consumer-runtime", "function", "failure.max-processing-seconds", "300"));
        assertThat(status(short_, "consumer-runtime-limit")).isEqualTo(Status.OK);
        Recommendation service =
                RuleEngine.recommend(TestAnswers.with("platform", "gcp", "failure.max-processing-seconds", "600"));
        assertThat(service.feasibility().checks()).noneMatch(c -> c.id().equals("consumer-runtime-limit"));
    }

    @Test
    void shouldNotPromiseExactlyOnceDeliveryWhenAFunctionReceivesByPush() {
        Recommendation function = RuleEngine.recommend(
                TestAnswers.with("platform", "gcp", "consumer-runtime", "function", "semantic", "exactly-once"));
        assertThat(function.settings())
                .extracting(Recommendation.Setting::name)
                .doesNotContain("enable_exactly_once_delivery")
                .contains("subscription type");
        Recommendation pull = RuleEngine.recommend(TestAnswers.with("platform", "gcp", "semantic", "exactly-once"));
        assertThat(pull.settings())
                .extracting(Recommendation.Setting::name)
                .contains("enable_exactly_once_delivery")
                .doesNotContain("subscription type");
    }

    @Test
    void shouldLabelThePubSubSubscriptionAsItsSettingsSayWhenAFunctionOrAServiceReceives() {
        Answers asked = TestAnswers.with("platform", "gcp", "consumer-runtime", "function");
        Recommendation function = RuleEngine.recommend(asked);
        assertThat(function.tool()).contains("(push subscription)").doesNotContain("pull");
        assertThat(function.toJson().get("tool")).isEqualTo(function.tool());
        assertThat(Documents.markdown(asked, function, java.time.LocalDate.of(2026, 1, 1)))
                .doesNotContain("Google Pub/Sub (pull subscription)")
                .contains("Google Pub/Sub (push subscription) with a dead-letter topic");
        Recommendation service = RuleEngine.recommend(TestAnswers.with("platform", "gcp"));
        assertThat(service.tool()).isEqualTo(Product.PUBSUB.label()).contains("(pull subscription)");
    }

    @Test
    void shouldBeInfeasibleWhenAnAzureFunctionOutlastsTheConsumptionPlan() {
        Recommendation long_ = RuleEngine.recommend(TestAnswers.with(
                "platform", "azure", "consumer-runtime", "function", "failure.max-processing-seconds", "720"));
        assertThat(long_.product()).isEqualTo(Product.SERVICE_BUS);
        assertThat(status(long_, "consumer-runtime-limit"))
                .as("12 minutes against the Consumption plan's 10")
                .isEqualTo(Status.FAIL);
        assertThat(long_.settings())
                .as("the lock of 300 s is renewed for the work's 1,080 s, past the 5-minute renewal default")
                .anySatisfy(x -> assertThat(x.name()).startsWith("maxAutoLockRenewalDuration (host.json"));
        Recommendation short_ = RuleEngine.recommend(TestAnswers.with(
                "platform", "azure", "consumer-runtime", "function", "failure.max-processing-seconds", "60"));
        assertThat(status(short_, "consumer-runtime-limit")).isEqualTo(Status.OK);
        assertThat(short_.settings())
                .as("a 90 s lock needs no renewal")
                .noneMatch(x -> x.name().toLowerCase().startsWith("maxautolockrenewalduration"));
    }

    @Test
    void shouldSetTheProcessorsRenewalWhenAServiceHoldsAServiceBusLockLongerThanItsDefault() {
        Recommendation r =
                RuleEngine.recommend(TestAnswers.with("platform", "azure", "failure.max-processing-seconds", "1800"));
        assertThat(r.settings())
                .filteredOn(x -> x.name().startsWith("MaxAutoLockRenewalDuration (ServiceBusProcessorOptions)"))
                .singleElement()
                .extracting(Recommendation.Setting::number)
                .as("30 minutes x 1.5")
                .isEqualTo(2700.0);
    }
}
