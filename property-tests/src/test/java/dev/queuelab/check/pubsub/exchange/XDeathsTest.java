package dev.queuelab.check.pubsub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.pubsub.exchange.BindingSpec;
import dev.queuelab.api.pubsub.exchange.Delivery;
import dev.queuelab.api.pubsub.exchange.ExchangeCapabilities;
import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.Published;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.api.pubsub.exchange.XDeath;
import dev.queuelab.check.Anomaly;
import dev.queuelab.check.History;
import dev.queuelab.check.Model;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model judges an x-death as a real broker stamps it: every field exactly, the time in whole seconds and no
 * later than the model's own stamp; and a receive's answer may be any list, an immutable one included.
 */
class XDeathsTest {

    private static final Instant START = Instant.parse("2026-12-05T09:00:00.300Z");
    private static final Instant REJECTED = START.plusMillis(500);

    private static final ExchangeSetup SETUP = new ExchangeSetup(
            List.of(ExchangeSpec.of("x", ExchangeType.DIRECT), ExchangeSpec.of("dlx", ExchangeType.FANOUT)),
            List.of(QueueSpec.classic("q1").withDeadLetters("dlx", Optional.empty()), QueueSpec.classic("dlq")),
            List.of(BindingSpec.queue("x", "q1", "k"), BindingSpec.queue("dlx", "dlq", "")),
            List.of(new ExchangeSetup.Consumer("A", "ch1", "q1", 0), new ExchangeSetup.Consumer("D", "ch2", "dlq", 0)));

    @Test
    void shouldAcceptAnXDeathStampedInWholeSecondsBeforeTheModelNoticed() {
        XDeath broker = new XDeath("q1", "rejected", 1, "x", List.of("k"), Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(anomalies(broker, List::of)).isEmpty();
    }

    @Test
    void shouldAcceptTheModelsOwnStampInAMutableList() {
        XDeath exact = new XDeath("q1", "rejected", 1, "x", List.of("k"), REJECTED);
        assertThat(anomalies(exact, ds -> new ArrayList<>(Arrays.asList(ds)))).isEmpty();
    }

    @Test
    void shouldRefuseAWrongCountWhateverTheTime() {
        XDeath twice = new XDeath("q1", "rejected", 2, "x", List.of("k"), REJECTED);
        assertThat(anomalies(twice, List::of)).extracting(Anomaly::name).containsExactly("x-death-wrong");
    }

    @Test
    void shouldRefuseAStampLaterThanTheDeathOrLongBeforeIt() {
        XDeath later = new XDeath("q1", "rejected", 1, "x", List.of("k"), REJECTED.plusSeconds(2));
        XDeath early = new XDeath("q1", "rejected", 1, "x", List.of("k"), REJECTED.minus(Duration.ofSeconds(30)));
        assertThat(anomalies(later, List::of)).extracting(Anomaly::name).containsExactly("x-death-wrong");
        assertThat(anomalies(early, List::of)).extracting(Anomaly::name).containsExactly("x-death-wrong");
    }

    private interface Lists {
        List<Delivery> of(Delivery... ds);
    }

    /** A publish, A receives and rejects it, D receives it dead-lettered with the x-death given. */
    private static List<Anomaly> anomalies(XDeath death, Lists lists) {
        Delivery first = new Delivery("ctag-1", 1, "q1", "x", "k", Map.of(), "m1", false, 0, List.of());
        Delivery dead = new Delivery("ctag-2", 1, "dlq", "dlx", "k", Map.of(), "m1", false, 0, List.of(death));
        List<ExchangeEvent> events = List.of(
                new ExchangeEvent.Consumed(0, START, "A", "q1", "ctag-1"),
                new ExchangeEvent.Consumed(0, START, "D", "dlq", "ctag-2"),
                new ExchangeEvent.Publish(
                        1, START.plusMillis(100), "x", "k", Map.of(), "m1", false, 0, new Published(true, false)),
                new ExchangeEvent.Received(2, START.plusMillis(200), "A", "ctag-1", lists.of(first)),
                new ExchangeEvent.Settled(3, REJECTED, "A", "ch1", ExchangeStep.Kind.REJECT, 1, false, false, "m1", 1),
                new ExchangeEvent.Received(4, REJECTED.plusMillis(100), "D", "ctag-2", lists.of(dead)));
        History<ExchangeSetup, ExchangeCapabilities, ExchangeEvent> history =
                History.simulated(SETUP, ExchangeCapabilities.ALL, START, events, 4);
        return Model.fold(history, ExchangeChecks.BINDING.model(history)).anomalies();
    }
}
