package dev.queuelab.reference.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lease table's two rules, each at its edge. */
class LeaseTableTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    record Lease(String name, Instant deadline, Duration timeout) implements LeaseTable.Timed {
        static Lease of(String name, int receivedAtSecond, int timeoutSeconds) {
            return new Lease(name, T0.plusSeconds(receivedAtSecond + timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
        }
    }

    private final Set<Lease> dead = new HashSet<>();
    private final LeaseTable<Lease> table = new LeaseTable<>(l -> !dead.contains(l));

    @Test
    void shouldGiveTheEarliestDeadlineWhenTimeoutsAndClockStepsDiffer() {
        Lease long1 = Lease.of("long", 0, 60);
        Lease short1 = Lease.of("short", 10, 5);
        Lease steppedBack = Lease.of("stepped-back", 2, 5);     // set after short1, due before it
        table.add(long1);
        table.add(short1);
        table.add(steppedBack);
        assertThat(table.earliest()).as("L1: due at 7s, though it came last").isEqualTo(steppedBack);
        table.removeEarliest(steppedBack);
        assertThat(table.earliest()).as("L1: then the short timeout's, due at 15s").isEqualTo(short1);
        table.removeEarliest(short1);
        assertThat(table.earliest()).isEqualTo(long1);
        table.removeEarliest(long1);
        assertThat(table.earliest()).isNull();
    }

    @Test
    void shouldNeverGiveADeadLeaseAndDropDeadOnesWhenTheyPileUp() {
        Lease held = Lease.of("held", 0, 3600);
        table.add(held);
        for (int i = 0; i < 1024; i++) {
            Lease l = Lease.of("m" + i, 1 + i, 3600);            // behind 'held' in its queue: cannot go at once
            table.add(l);
            dead.add(l);
            table.died(l);
        }
        assertThat(table.size()).as("L2: 1,024 dead leases behind a live one wait for the sweep (amortised)").isEqualTo(1025);
        Lease last = Lease.of("last", 2000, 3600);
        table.add(last);
        dead.add(last);
        table.died(last);
        assertThat(table.size()).as("L2: the 1,025th dead lease sweeps them all: only 'held' is left").isEqualTo(1);
        dead.add(held);
        table.died(held);
        assertThat(table.size()).as("L2: a dead lease at the head of its queue goes at once").isZero();
        Lease fresh = Lease.of("fresh", 20_000, 30);
        table.add(fresh);
        assertThat(table.earliest()).as("L2: every dead lease is skipped").isEqualTo(fresh);
    }

    @Test
    void shouldDropDeadLeasesAtTheHeadWhenLookingForTheEarliest() {
        Lease a = Lease.of("a", 0, 30);
        Lease b = Lease.of("b", 1, 30);
        Lease c = Lease.of("c", 2, 30);
        table.add(a);
        table.add(b);
        table.add(c);
        dead.add(a);
        dead.add(b);
        assertThat(table.earliest()).as("L2: a and b are no longer live").isEqualTo(c);
        assertThat(table.size()).as("L2: and are gone from the table").isEqualTo(1);
    }
}
