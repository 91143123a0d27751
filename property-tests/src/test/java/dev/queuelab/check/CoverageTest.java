package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistics of the coverage demands: Wilson's bounds, and when a demand is decided met or missed. */
class CoverageTest {

    @Test
    void shouldBoundAShareOnBothSidesWhenGivenWilsonsScore() {
        // 50 of 100 at z = 1.96: the textbook interval 0.404 to 0.596
        assertThat(Coverage.wilson(50, 100, -1.96)).isCloseTo(0.404, within(0.001));
        assertThat(Coverage.wilson(50, 100, 1.96)).isCloseTo(0.596, within(0.001));
        assertThat(Coverage.wilson(0, 300, -Coverage.Z)).isEqualTo(0.0, within(1e-12));
    }

    @Test
    void shouldDecideADemandMetWhenTheShareIsWellAboveIt() {
        assertThat(Coverage.surelyMet(150, 300, 0.10)).isTrue();
        assertThat(Coverage.surelyMissed(150, 300, 0.10)).isFalse();
    }

    @Test
    void shouldDecideADemandMissedWhenTheShareIsWellBelowIt() {
        assertThat(Coverage.surelyMissed(3, 600, 0.10)).isTrue();
        assertThat(Coverage.surelyMet(3, 600, 0.10)).isFalse();
    }

    @Test
    void shouldLeaveADemandUndecidedWhenTheShareIsCloseToIt() {
        Coverage c = new Coverage(Map.of("x", 0.10));
        for (int i = 0; i < 300; i++) {
            c.count(i % 10 == 0 ? List.of("x") : List.of());
        }
        assertThat(c.decided(300)).isFalse();
        assertThat(c.missed(300)).isEmpty(); // at the cap, 10% against 90% of 10% passes
    }

    @Test
    void shouldNameTheDemandMissedWithItsShareWhenItIsMissed() {
        Coverage c = new Coverage(Map.of("redriven", 0.10));
        for (int i = 0; i < 600; i++) {
            c.count(List.of());
        }
        assertThat(c.decided(600)).isTrue();
        assertThat(c.missed(600)).containsExactly("'redriven' in 0 of 600 scenarios (0.0%; needs 10.0%)");
    }
}
