package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What a fork's score is: per CPU-second for the one-thread benchmarks, per second for the others. */
class JmhForkRunnerTest {

    @Test
    void shouldScoreAOneThreadForkPerCpuSecondWhateverShareOfACoreItWasGiven() {
        // the same work, 10 M round trips per CPU-second: a fork given a third of a core did 3.33 M a second
        double crowded = JmhForkRunner.scored(10e6 / 3, 1.0 / 3, true);
        double alone = JmhForkRunner.scored(10e6, 1.0, true);
        assertThat(crowded).as("a crowded fork, per CPU-second").isCloseTo(10e6, within(1.0));
        assertThat(alone).isCloseTo(10e6, within(1.0));
    }

    @Test
    void shouldKeepTheScorePerSecondWhenTheForkWaitsOnADiskOrAPartner() {
        assertThat(JmhForkRunner.scored(2_000, 0.05, false))
                .as("an fsync waits on the device: per second, not per CPU-second")
                .isEqualTo(2_000);
    }
}
