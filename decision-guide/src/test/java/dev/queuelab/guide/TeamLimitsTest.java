package dev.queuelab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.guide.Feasibility.Check;
import dev.queuelab.guide.Feasibility.Status;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The questions of a team's own limits and sources: a latency budget, a bulk load, the producer's kind and the
 * fewest consumer instances. Each changes the record where its answer matters, and leaves it as it was where the
 * answer is its default or cannot apply.
 */
class TeamLimitsTest {

    @Test
    void shouldCheckALatencyBudgetOnlyWhenOneIsGiven() {
        Recommendation none = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(check(none, "latency-budget")).isEmpty();
        Recommendation roomy =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "latency-budget-seconds", "10"));
        assertThat(check(roomy, "latency-budget"))
                .get()
                .extracting(Check::status)
                .isEqualTo(Status.OK);
        assertThat(check(roomy, "latency-budget").get().detail()).contains("1.02 s", "10% used");
        assertThat(roomy.settings()).as("a budget is checked, never set").isEqualTo(none.settings());
        assertThat(roomy.sizing()).isEqualTo(none.sizing());
        Recommendation tight =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "latency-budget-seconds", "0.5"));
        assertThat(check(tight, "latency-budget"))
                .get()
                .extracting(Check::status)
                .isEqualTo(Status.FAIL);
        assertThat(tight.feasibility().feasible()).isFalse();
        Recommendation retried = RuleEngine.recommend(TestAnswers.with(
                "platform", "aws", "latency-budget-seconds", "1.5", "failure.backoff-base-seconds", "2"));
        assertThat(check(retried, "latency-budget"))
                .get()
                .extracting(Check::status)
                .isEqualTo(Status.WARN);
        Recommendation call = RuleEngine.recommend(TestAnswers.with("sync", "sync", "latency-budget-seconds", "0.5"));
        assertThat(check(call, "latency-budget").get().detail())
                .as("a direct call pays no queue round trip")
                .doesNotContain("round trip");
    }

    @Test
    void shouldDrainABulkLoadWithinTheRetentionWhenOneIsAsked() {
        Recommendation none = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(check(none, "bulk-drain")).isEmpty();
        assertThat(none.sizing().formula()).doesNotContain("bulk load");
        // 125 handlers at a p99 of 1 s take 125 msg/s, 25 beyond the live 100: 500,000 drain in 5.5 h, within a night
        Recommendation nightly =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "bulk-load-messages", "500000"));
        assertThat(check(nightly, "bulk-drain")).get().extracting(Check::status).isEqualTo(Status.OK);
        assertThat(nightly.sizing().formula())
                .contains("a bulk load of 500,000 messages drains, beside the live traffic, in");
        // 1,000,000 fit the retention but take 11.1 h: past a night, the record says how many handlers drain it in 8 h
        Recommendation longer =
                RuleEngine.recommend(TestAnswers.with("platform", "aws", "bulk-load-messages", "1000000"));
        assertThat(check(longer, "bulk-drain").orElseThrow().status()).isEqualTo(Status.WARN);
        assertThat(check(longer, "bulk-drain").orElseThrow().fix())
                .startsWith("scale out on the backlog while the load drains: 135 handlers in flight drain it in 8 h");
        assertThat(nightly.settings()).isEqualTo(none.settings());
        Recommendation huge = RuleEngine.recommend(TestAnswers.with(
                "platform", "aws", "bulk-load-messages", "1000000000", "p99-processing-seconds", "10"));
        assertThat(check(huge, "bulk-drain")).get().extracting(Check::status).isEqualTo(Status.FAIL);
        // a jobs table deletes nothing on a timer: its drain is held to a night's window only
        Recommendation table = RuleEngine.recommend(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "5", "bulk-load-messages", "1000000"));
        assertThat(table.product()).isEqualTo(Product.JOBS_TABLE);
        assertThat(check(table, "bulk-drain").orElseThrow().status()).isEqualTo(Status.WARN);
        assertThat(check(table, "bulk-drain").orElseThrow().detail())
                .contains("against the 8 h a bulk load should take (guide.bulk-window;")
                .doesNotContain("keeps a message");
        Recommendation small = RuleEngine.recommend(TestAnswers.with(
                "platform", "self-hosted", "throughput-per-second", "5", "bulk-load-messages", "1000"));
        assertThat(check(small, "bulk-drain").orElseThrow().status()).isEqualTo(Status.OK);
        assertThat(table.sizing().formula()).contains("bulk load");
    }

    @Test
    void shouldDrainABulkLoadAtWhatTheHandlersTakeBeyondTheLiveTraffic() {
        // 200 msg/s at a p99 of 0.8 s: 200 handlers in flight take 250 msg/s, so 50 msg/s are left for the load
        String[] live = {"platform", "aws", "throughput-per-second", "200", "p99-processing-seconds", "0.8"};
        Recommendation fits = RuleEngine.recommend(TestAnswers.with(concat(live, "bulk-load-messages", "20000000")));
        assertThat(fits.sizing().consumersNeeded()).isEqualTo(200);
        Check ok = check(fits, "bulk-drain").orElseThrow();
        assertThat(ok.status()).as("within the retention, past a night").isEqualTo(Status.WARN);
        // 20,000,000 / 50 msg/s = 400,000 s (4.6 days) of the 7 days kept; 20,000,000 x 0.8 / 200 would say 22 h
        assertThat(ok.detail()).contains("250 msg/s taken - the live 200 msg/s arriving) = 4.6 days", "66% used");
        // at the handlers' full pace 40,000,000 would drain in 1.8 days; beside the live traffic it takes 9.2 days
        Recommendation late = RuleEngine.recommend(TestAnswers.with(concat(live, "bulk-load-messages", "40000000")));
        Check fail = check(late, "bulk-drain").orElseThrow();
        assertThat(fail.status()).isEqualTo(Status.FAIL);
        assertThat(fail.detail()).contains("= 9.2 days");
        // handlers for the live 200 msg/s and 40,000,000 within a night: 0.8 x (200 + 40,000,000 / 28,800 s) = 1,272
        assertThat(fail.fix()).startsWith("at least 1,272 handlers in flight");
    }

    @Test
    void shouldNameWhatEachKindOfProducerMustDoWhenItIsNotTheApplication() {
        Recommendation app = RuleEngine.recommend(TestAnswers.with("platform", "aws"));
        assertThat(app.producerSide()).isNull();
        Recommendation cdc = RuleEngine.recommend(TestAnswers.with("platform", "aws", "producer-kind", "cdc"));
        assertThat(cdc.producerSide()).startsWith("change data capture");
        assertThat(cdc.idempotency().key()).contains("LSN");
        assertThat(cdc.warnings()).extracting(Recommendation.Warning::id).contains("cdc-without-key-order");
        Recommendation ordered = RuleEngine.recommend(
                TestAnswers.with("platform", "aws", "producer-kind", "cdc", "ordering", "per-key"));
        assertThat(ordered.warnings()).extracting(Recommendation.Warning::id).doesNotContain("cdc-without-key-order");
        Recommendation devices = RuleEngine.recommend(TestAnswers.with("platform", "aws", "producer-kind", "device"));
        assertThat(devices.producerSide()).contains("MQTT gateway");
        assertThat(devices.idempotency().key()).startsWith("the device id with a sequence number");
        assertThat(devices.topology()).isEqualTo(app.topology());
        Recommendation call = RuleEngine.recommend(TestAnswers.with("sync", "sync", "producer-kind", "cdc"));
        assertThat(call.producerSide())
                .as("a direct call has no producer to publish")
                .isNull();
    }

    @Test
    void shouldRunTheAskedConsumerInstancesWhenMoreThanTheLoadNeeds() {
        Answers queue = TestAnswers.with("platform", "aws");
        assertThat(markdown(queue)).contains("2 instances", "guide.failover");
        Answers four = TestAnswers.with("platform", "aws", "min-consumer-instances", "4");
        assertThat(markdown(four)).contains("4 instances", "as asked");
        String[] kafka = {
            "platform",
            "self-hosted",
            "ordering",
            "per-key",
            "ops-appetite",
            "high",
            "throughput-per-second",
            "5000",
            "p99-processing-seconds",
            "0.1"
        };
        Recommendation log = RuleEngine.recommend(TestAnswers.with(kafka));
        assertThat(log.sizing().consumers()).isLessThan(12);
        Recommendation twelve = RuleEngine.recommend(TestAnswers.with(concat(kafka, "min-consumer-instances", "12")));
        assertThat(twelve.sizing().consumers()).isEqualTo(12);
        assertThat(twelve.sizing().partitions()).isGreaterThanOrEqualTo(12);
        assertThat(twelve.sizing().formula()).contains("the 12 asked for failover");
        Recommendation one = RuleEngine.recommend(TestAnswers.with(concat(kafka, "min-consumer-instances", "1")));
        assertThat(one.sizing()).as("fewer than the load needs changes nothing").isEqualTo(log.sizing());
        String[] lambda = {"platform", "aws", "consumer-runtime", "function"};
        assertThat(RuleEngine.recommend(TestAnswers.with(concat(lambda, "min-consumer-instances", "5")))
                        .sizing())
                .as("functions scale by executions, not instances")
                .isEqualTo(RuleEngine.recommend(TestAnswers.with(lambda)).sizing());
    }

    private static String markdown(Answers a) {
        return Documents.markdown(a, RuleEngine.recommend(a), LocalDate.of(2026, 1, 1));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Optional<Check> check(Recommendation r, String id) {
        return r.feasibility().checks().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
