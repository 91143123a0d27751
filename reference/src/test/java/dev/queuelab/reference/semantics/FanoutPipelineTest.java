package dev.queuelab.reference.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.SimClock;
import dev.queuelab.api.workqueue.WorkQueueConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DL7 on durable fanout: a copy per subscription, and a dedupe key per subscription. */
class FanoutPipelineTest {

    private final SimClock clock = new SimClock();
    private final EffectStore effects = new EffectStore(clock);

    private Pipeline pipeline(boolean dedupePerSubscription) {
        return Pipeline.onFanout(
                WorkQueueConfig.standardQueue().withVisibilityTimeout(Duration.ofSeconds(30)),
                clock,
                effects,
                Producer.Mode.RETRY_UNTIL_ACKED,
                Consumer.Mode.IDEMPOTENT,
                Optional.of(new MemoryDedupeStore(Duration.ofHours(1), 100, clock)),
                dedupePerSubscription);
    }

    private static void consumeAll(Pipeline p, String consumer) {
        while (!p.receive(consumer).equals("nothing")) {
            while (p.nextStage(consumer).isPresent()) {
                p.advance(consumer);
            }
        }
    }

    @Test
    void shouldDealConsumersToTheSubscriptionsInTurn() {
        FanoutBroker broker = new FanoutBroker(WorkQueueConfig.standardQueue(), clock);
        assertThat(broker.subscriptionOf("C1")).isEqualTo("billing");
        assertThat(broker.subscriptionOf("C2")).isEqualTo("shipping");
        assertThat(broker.subscriptionOf("C3")).isEqualTo("billing");
        assertThat(broker.subscriptionOf("worker")).isEqualTo("billing");
    }

    @Test
    void shouldGiveEverySubscriptionItsOwnCopyAndItsOwnEffect() {
        Pipeline p = pipeline(true);
        p.publish("k1");
        p.transmit(Channel.Fault.NONE);
        p.receive("C1");
        p.advance("C1"); // billing's effect and mark
        p.crash("C1"); // before the ack: billing redelivers after its lease
        consumeAll(p, "C2");
        clock.advance(Duration.ofSeconds(31));
        consumeAll(p, "C1");

        assertThat(effects.effects())
                .extracting(EffectStore.Effect::key)
                .as("DL7: one effect per subscription, the redelivery to billing skipped")
                .containsExactly("k1@billing", "k1@shipping");
    }

    @Test
    void shouldLoseTheSecondSubscriptionsCopyWhenTheDedupeKeyIsTheMessageAlone() {
        Pipeline p = pipeline(false);
        p.publish("k1");
        p.transmit(Channel.Fault.NONE);
        consumeAll(p, "C1");
        consumeAll(p, "C2");

        assertThat(effects.effects())
                .extracting(EffectStore.Effect::key)
                .as("shipping finds billing's mark and skips its own copy")
                .containsExactly("k1@billing");
    }
}
