package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.check.log.LogProperty;
import dev.queuelab.check.log.LogStep;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** KT1, KT2: Kafka's trials, keyed in every other one of partitioning and in all of the rest, judged from the scenarios. */
class KeyedTrialsTest {

    private final KeyedTrials keyed = new KeyedTrials(LogProperty.PARTITIONING);

    @Test
    void shouldGiveEveryAppendAKeyWhenTheSeedIsOdd() {
        LongStream.rangeClosed(1, 40).map(n -> 2 * n + 1).forEach(seed -> {
            var own = LogProperty.PARTITIONING
                    .generate(seed, KafkaTarget.CAPABILITIES)
                    .steps();
            var steps = keyed.generate(seed, KafkaTarget.CAPABILITIES).steps();
            assertThat(steps)
                    .as("KT2: seed %d, no unkeyed append left", seed)
                    .noneMatch(s -> s instanceof LogStep.Produce p && p.key() == 0)
                    .hasSameSizeAs(own);
            for (int i = 0; i < own.size(); i++) {
                if (!(own.get(i) instanceof LogStep.Produce p && p.key() == 0)) {
                    assertThat(steps.get(i))
                            .as("KT2: every other step as it was")
                            .isEqualTo(own.get(i));
                }
            }
        });
    }

    @Test
    void shouldGiveEveryAppendAKeyInEveryTrialOfTheOtherProperties() {
        for (LogProperty p : new LogProperty[] {LogProperty.GROUPS, LogProperty.STALE, LogProperty.TRANSACTIONS}) {
            KeyedTrials all = new KeyedTrials(p);
            boolean unkeyedInTheProperty = false;
            for (long seed = 2; seed <= 80; seed += 2) {
                unkeyedInTheProperty |= p.generate(seed, KafkaTarget.CAPABILITIES).steps().stream()
                        .anyMatch(s -> s instanceof LogStep.Produce q && q.key() == 0);
                assertThat(all.generate(seed, KafkaTarget.CAPABILITIES).steps())
                        .as("KT2: %s, seed %d", p, seed)
                        .noneMatch(s -> s instanceof LogStep.Produce q && q.key() == 0);
            }
            assertThat(unkeyedInTheProperty)
                    .as("%s makes unkeyed appends of its own", p)
                    .isTrue();
        }
    }

    @Test
    void shouldLeaveTheScenarioAsItIsWhenTheSeedIsEven() {
        boolean unkeyedSeen = false;
        for (long seed = 2; seed <= 80; seed += 2) {
            var own = LogProperty.PARTITIONING.generate(seed, KafkaTarget.CAPABILITIES);
            assertThat(keyed.generate(seed, KafkaTarget.CAPABILITIES)).as("KT1").isEqualTo(own);
            unkeyedSeen |= own.steps().stream().anyMatch(s -> s instanceof LogStep.Produce p && p.key() == 0);
        }
        assertThat(unkeyedSeen)
                .as("the unkeyed trials still show the sticky partition")
                .isTrue();
        assertThat(keyed.qualifiedName()).isEqualTo("log/partitioning");
    }
}
