package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lease list's rules, each at its edge. */
class LeaseListTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static final class Lease extends LeaseList.Lease {
        final String name;

        Lease(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final LeaseList<Lease> list = new LeaseList<>();

    private Lease add(String name, int receivedAtSecond, int timeoutSeconds) {
        Lease lease = new Lease(name);
        list.add(lease, T0.plusSeconds(receivedAtSecond + timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
        return lease;
    }

    @Test
    void shouldGiveTheEarliestDeadlineWhenTimeoutsAndClockStepsDiffer() {
        Lease long1 = add("long", 0, 60);
        Lease short1 = add("short", 10, 5);
        Lease steppedBack = add("stepped-back", 2, 5); // set after short1, due before it: walks back in its line
        Lease equal = add("equal-to-short", 10, 5);
        assertThat(list.earliest())
                .as("LL1: due at 7s, though it came after one due at 15s")
                .isSameAs(steppedBack);
        list.remove(steppedBack);
        assertThat(list.earliest())
                .as("LL1: then the short timeout's first, due at 15s")
                .isSameAs(short1);
        list.remove(short1);
        assertThat(list.earliest())
                .as("LL2: equal deadlines in the order added")
                .isSameAs(equal);
        list.remove(equal);
        assertThat(list.earliest()).isSameAs(long1);
        list.remove(long1);
        assertThat(list.earliest()).isNull();
        assertThat(list.size()).isZero();
    }

    @Test
    void shouldKeepTheOthersInOrderWhenALeaseInTheMiddleIsRemoved() {
        Lease a = add("a", 0, 30);
        Lease b = add("b", 1, 30);
        Lease c = add("c", 2, 30);
        list.remove(b);
        assertThat(list.size()).as("LL3: b is gone").isEqualTo(2);
        assertThat(b.held()).isFalse();
        list.remove(a);
        assertThat(list.earliest())
                .as("LL2: a's successor is c, not the removed b")
                .isSameAs(c);
        list.remove(c);
        assertThat(list.earliest()).isNull();
        list.add(b, T0.plusSeconds(99), Duration.ofSeconds(30));
        assertThat(list.earliest()).as("LL3: a removed lease may be held again").isSameAs(b);
        assertThat(b.deadline()).isEqualTo(T0.plusSeconds(99));
    }

    @Test
    void shouldPutALeaseBeforeTheFirstWhenItsDeadlineIsEarliestInItsLine() {
        Lease later = add("later", 10, 30);
        Lease first = add("first", 0, 30); // out of order, all the way to the front
        assertThat(list.earliest()).isSameAs(first);
        list.remove(first);
        assertThat(list.earliest()).as("LL2: the line still leads to 'later'").isSameAs(later);
        list.remove(later);
        assertThat(list.earliest()).isNull();
    }

    @Test
    void shouldRefuseALeaseWhenItIsHeldAlreadyAndIgnoreARemoveWhenItIsNot() {
        Lease a = add("a", 0, 30);
        assertThatThrownBy(() -> list.add(a, T0, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LL3: this lease is held already");
        list.remove(a);
        list.remove(a);
        assertThat(list.size()).as("LL3: a second remove changes nothing").isZero();
    }

    @Test
    void shouldKeepAnIdleLineWhenFewAreIdleAndForgetIdleOnesBeyondTheLimit() {
        Lease one = add("one", 0, 30);
        list.remove(one);
        list.earliest();
        assertThat(list.lines())
                .as("LL4: one message at a time reuses its line")
                .isEqualTo(1);
        Lease held = add("held", 0, 1000);
        for (int t = 1; t < LeaseList.IDLE_LINES; t++) {
            list.remove(add("t" + t, 0, t));
        }
        assertThat(list.lines()).isEqualTo(LeaseList.IDLE_LINES + 1);
        assertThat(list.earliest()).isSameAs(held);
        assertThat(list.lines())
                .as("LL4: the idle line beyond %d forgotten", LeaseList.IDLE_LINES)
                .isEqualTo(LeaseList.IDLE_LINES);
        Lease again = add("again", 0, LeaseList.IDLE_LINES - 1); // the timeout of the line used last, forgotten
        assertThat(list.earliest())
                .as("LL1: a forgotten timeout gets a new line, one that earliest() sees")
                .isSameAs(again);
        list.remove(held);
        list.remove(again);
        for (int t = 100; t < 100 + LeaseList.IDLE_LINES; t++) {
            list.remove(add("u" + t, 0, t));
        }
        assertThat(list.earliest()).isNull();
        assertThat(list.lines())
                .as("LL4: idle lines are forgotten when nothing is held, too")
                .isEqualTo(LeaseList.IDLE_LINES);
    }
}
