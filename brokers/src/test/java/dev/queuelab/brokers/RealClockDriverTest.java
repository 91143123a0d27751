package dev.queuelab.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RealClockDriverTest {

    @Test
    void shouldWaitNoLongerThanTheLongestDeadlineWhenAskedForAnHour() {
        RealClockDriver clock = new RealClockDriver(Duration.ofMillis(60));
        Instant before = clock.now();
        clock.advance(Duration.ofHours(1));
        Duration waited = Duration.between(before, clock.now());
        assertThat(waited).as("RC2 capped at longest").isBetween(Duration.ofMillis(55), Duration.ofMillis(1_000));
    }

    @Test
    void shouldLandTicksOnTheScheduleWhenCallsTakeTime() {
        RealClockDriver clock = new RealClockDriver(Duration.ofSeconds(1));
        Instant start = clock.now();
        clock.advance(Duration.ofMillis(300));
        busy(Duration.ofMillis(250)); // a slow call inside the tick's phase
        clock.advance(Duration.ofMillis(300));
        Duration total = Duration.between(start, clock.now());
        assertThat(total)
                .as("RC1 the second tick ends 600 ms after the start, not 850: calls do not pile up")
                .isBetween(Duration.ofMillis(595), Duration.ofMillis(800));
    }

    private static void busy(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
