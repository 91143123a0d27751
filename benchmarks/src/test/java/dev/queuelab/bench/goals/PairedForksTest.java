package dev.queuelab.bench.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pairing: ratios within a round, forks interleaved, judged from outside through a scripted machine. */
class PairedForksTest {

    /** How fast the machine is in each round: another tenant's build comes and goes, by a factor of 30. */
    private static final double[] LOAD = {1.0, 0.1, 3.0, 0.2, 1.5, 0.1, 2.5, 0.3, 1.0, 0.15};

    /** A subject that always does 0.4x the baseline's work per second, whatever the machine does. */
    private static PairedForks.ForkRunner machine(List<String> calls) {
        return (variant, round, rounds) -> {
            calls.add(variant + round);
            double speed = 50e6 * LOAD[round];
            double score = variant.equals("subject") ? 0.4 * speed : speed;
            return new PairedForks.Fork(variant, score, 1, 24, 1, 2, Map.of());
        };
    }

    @Test
    void shouldGiveTheTrueRatioInEveryRoundWhenTheLoadSwingsBetweenRounds() {
        PairedForks forks = PairedForks.run(List.of("baseline", "subject"), LOAD.length, machine(new ArrayList<>()));
        double[] ratios = forks.ratios("subject", "baseline");
        assertThat(ratios).hasSize(LOAD.length);
        for (int r = 0; r < ratios.length; r++) {
            assertThat(ratios[r])
                    .as(
                            "round %d: the subject over the baseline of the same round, whatever the load (%sx)",
                            r, LOAD[r])
                    .isCloseTo(0.4, within(1e-12));
        }
        Bootstrap.Interval interval = Bootstrap.median(ratios, 23);
        assertThat(interval.low()).as("a paired interval, %s", interval).isCloseTo(0.4, within(1e-12));
        assertThat(interval.high()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldInterleaveTheVariantsAndReverseTheirOrderEveryOtherRound() {
        List<String> calls = new ArrayList<>();
        PairedForks.run(List.of("baseline", "subject"), 4, machine(calls));
        assertThat(calls)
                .as("A B, B A, A B, B A: each pair side by side in time, neither side always first")
                .containsExactly(
                        "baseline0",
                        "subject0",
                        "subject1",
                        "baseline1",
                        "baseline2",
                        "subject2",
                        "subject3",
                        "baseline3");
    }

    @Test
    void shouldNameTheVariantsWhenAskedForOneThatWasNotRun() {
        PairedForks forks = PairedForks.run(List.of("baseline", "subject"), 2, machine(new ArrayList<>()));
        assertThatThrownBy(() -> forks.ratios("other", "baseline"))
                .hasMessageContaining("other was not run")
                .hasMessageContaining("[baseline, subject]");
        assertThatThrownBy(() -> PairedForks.run(List.of("a"), 0, machine(new ArrayList<>())))
                .hasMessageContaining("rounds must be at least 1");
    }

    @Test
    void shouldGoOnAlternatingTheOrderWhenMoreRoundsFollow() {
        PairedForks first = PairedForks.run(List.of("baseline", "subject"), 3, machine(new ArrayList<>()));
        List<String> calls = new ArrayList<>();
        PairedForks both = first.more(2, machine(calls));
        assertThat(calls)
                .as("after A B, B A, A B: B A, A B, each round told its place among all five")
                .containsExactly("subject3", "baseline3", "baseline4", "subject4");
        assertThat(both.rounds()).isEqualTo(5);
        assertThat(both.ratios("subject", "baseline")).hasSize(5);
        assertThat(both.fork(2, "subject")).isSameAs(first.fork(2, "subject"));
        assertThatThrownBy(() -> first.more(0, machine(new ArrayList<>())))
                .hasMessageContaining("rounds must be at least 1");
    }
}
