package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.pubsub.exchange.ExchangeSpec;
import dev.queuelab.api.pubsub.exchange.ExchangeType;
import dev.queuelab.api.pubsub.exchange.QueueSpec;
import dev.queuelab.check.pubsub.exchange.ExchangeSetup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When a real RabbitMQ's expiries can run ahead of the model's: a message that expires twice in a row, each
 * expiry dead-lettering it on, is at RabbitMQ's timers hop after hop, so the harness reports what follows its
 * first tick apart (timing-tainted) instead of judging it.
 */
class ExchangeTimeScaleTest {

    private static ExchangeSetup setup(QueueSpec... queues) {
        return new ExchangeSetup(
                List.of(ExchangeSpec.of("x", ExchangeType.DIRECT), ExchangeSpec.of("retry", ExchangeType.FANOUT)),
                List.of(queues),
                List.of(),
                List.of());
    }

    private static final QueueSpec WAIT =
            QueueSpec.classic("wait").withMessageTtl(Duration.ofSeconds(3)).withDeadLetters("x", Optional.of("again"));
    private static final QueueSpec Q1 = QueueSpec.classic("q1").withDeadLetters("retry", Optional.empty());

    @Test
    void shouldSeeTwoExpiriesInARowWhenTwoQueuesExpireAndDeadLetter() {
        QueueSpec timedQ1 = Q1.withMessageTtl(Duration.ofSeconds(3));
        assertThat(ExchangeTimeScale.expiryCycle(setup(timedQ1, WAIT), false)).isTrue();
    }

    @Test
    void shouldSeeTwoExpiriesInARowWhenAMessagesOwnExpirationStartsThem() {
        assertThat(ExchangeTimeScale.expiryCycle(setup(Q1, WAIT), true))
                .as("q1 expires a message published with an expiration, wait expires it again")
                .isTrue();
        assertThat(ExchangeTimeScale.expiryCycle(setup(Q1, WAIT), false))
                .as("nothing expires in q1: one hop only")
                .isFalse();
        assertThat(ExchangeTimeScale.expiryCycle(setup(QueueSpec.classic("q1"), WAIT), true))
                .as("q1 drops what expires in it: wait is the only hop")
                .isFalse();
    }
}
