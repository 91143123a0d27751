package dev.queuelab.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Real-time order between operations, as Jepsen defines it: one precedes another when it answered first. */
class OpTest {

    @Test
    void shouldOrderTwoOperationsOnlyWhenOneAnsweredBeforeTheOtherBegan() {
        Op send = new Op("P", 0, 3, Op.Outcome.OK);
        Op receive = new Op("C", 2, 5, Op.Outcome.OK);
        Op later = new Op("C", 6, 7, Op.Outcome.OK);
        assertThat(send.overlaps(receive))
                .as("invoked at 2, before the send answered at 3")
                .isTrue();
        assertThat(send.precedes(receive)).isFalse();
        assertThat(send.precedes(later)).isTrue();
        assertThat(later.precedes(send)).isFalse();
        assertThat(Op.sequential("P", 1, Op.Outcome.OK).precedes(Op.sequential("C", 2, Op.Outcome.OK)))
                .as("a simulation's steps follow one another")
                .isTrue();
    }

    @Test
    void shouldPrecedeNothingWhenItsAnswerNeverCame() {
        Op timedOut = new Op("P", 0, Op.NEVER, Op.Outcome.UNKNOWN);
        assertThat(timedOut.precedes(new Op("C", 1_000_000, 1_000_001, Op.Outcome.OK)))
                .isFalse();
        assertThatThrownBy(() -> new Op("P", 0, Op.NEVER, Op.Outcome.OK))
                .as("no answer, so it cannot be known to have worked")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Op("P", 5, 4, Op.Outcome.OK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHandOutEverLargerPositionsWhenThreadsTakeThemAtOnce() throws InterruptedException {
        OpClock clock = new OpClock();
        long[][] taken = new long[2][10_000];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int me = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < taken[me].length; i++) {
                    taken[me][i] = clock.tick();
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(java.util.stream.Stream.of(taken[0], taken[1])
                        .flatMapToLong(java.util.Arrays::stream)
                        .distinct()
                        .count())
                .as("no position is handed out twice")
                .isEqualTo(20_000);
    }
}
