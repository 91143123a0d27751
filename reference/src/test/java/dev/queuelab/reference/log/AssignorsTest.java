package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka's range and round-robin assignors on one topic: AS1 (one owner each), AS2 (balance), AS3 (order-free). */
class AssignorsTest {

    @Test
    void shouldGiveTheFirstMembersOneExtraConsecutivePartitionWhenRangeDoesNotDivideEvenly() {
        assertThat(Assignors.range(List.of("B", "A"), 5))
                .as("AS1, AS2: 5 over A, B: A takes 0-2, B takes 3-4 (Kafka's RangeAssignor)")
                .isEqualTo(Map.of("A", List.of(0, 1, 2), "B", List.of(3, 4)));
        assertThat(Assignors.range(List.of("c1", "c2", "c3"), 7))
                .isEqualTo(Map.of("c1", List.of(0, 1, 2), "c2", List.of(3, 4), "c3", List.of(5, 6)));
    }

    @Test
    void shouldDealPartitionsInTurnWhenRoundRobin() {
        assertThat(Assignors.roundRobin(List.of("B", "A"), 5))
                .as("AS1, AS2: 5 over A, B: A 0, 2, 4 and B 1, 3 (Kafka's RoundRobinAssignor)")
                .isEqualTo(Map.of("A", List.of(0, 2, 4), "B", List.of(1, 3)));
    }

    @Test
    void shouldLeaveSomeMembersEmptyWhenMembersOutnumberPartitions() {
        assertThat(Assignors.range(List.of("A", "B", "C"), 2))
                .as("AS1: two partitions, three members: C idles")
                .isEqualTo(Map.of("A", List.of(0), "B", List.of(1), "C", List.of()));
        assertThat(Assignors.roundRobin(List.of(), 3))
                .as("AS1: no members, no owners")
                .isEmpty();
    }

    @Test
    void shouldGiveEachPartitionExactlyOneOwnerWhenAnyNumberOfMembersShareAnyNumberOfPartitions() {
        for (int members = 1; members <= 6; members++) {
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                ids.add("m" + m);
            }
            for (int partitions = 0; partitions <= 13; partitions++) {
                for (Map<String, List<Integer>> a :
                        List.of(Assignors.range(ids, partitions), Assignors.roundRobin(ids, partitions))) {
                    List<Integer> owned =
                            a.values().stream().flatMap(List::stream).sorted().toList();
                    int most = a.values().stream().mapToInt(List::size).max().orElse(0);
                    int least = a.values().stream().mapToInt(List::size).min().orElse(0);
                    assertThat(owned)
                            .as("AS1: %d partitions over %d members: %s", partitions, members, a)
                            .isEqualTo(java.util.stream.IntStream.range(0, partitions)
                                    .boxed()
                                    .toList());
                    assertThat(most - least)
                            .as("AS2: shares differ by one at most: %s", a)
                            .isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void shouldAssignTheSameWhenMembersAreListedInAnotherOrder() {
        assertThat(Assignors.range(List.of("z", "a", "m"), 4))
                .as("AS3: sorted by member id first")
                .isEqualTo(Assignors.range(List.of("a", "m", "z"), 4));
    }

    @Test
    void shouldMoveOnlyWhatItMustWhenStickyRebalancesForANewMember() {
        Map<String, List<Integer>> before = Map.of("A", List.of(0, 1, 2), "B", List.of(3, 4));
        assertThat(Assignors.cooperativeSticky(List.of("A", "B", "C"), 5, before))
                .as("AS4: C takes one of A's three; everything else stays where it was")
                .isEqualTo(Map.of("A", List.of(0, 1), "B", List.of(3, 4), "C", List.of(2)));
        assertThat(Assignors.cooperativeSticky(List.of("C", "A", "B"), 5, before))
                .as("AS3: the order of listing changes nothing")
                .isEqualTo(Assignors.cooperativeSticky(List.of("A", "B", "C"), 5, before));
    }

    @Test
    void shouldGiveTheExtraPartitionToTheMemberThatHeldMostWhenStickySharesDoNotDivideEvenly() {
        Map<String, List<Integer>> before = Map.of("A", List.of(0), "B", List.of(1, 2), "C", List.of(3, 4));
        Map<String, List<Integer>> after = Assignors.cooperativeSticky(List.of("A", "B", "C", "D"), 5, before);
        assertThat(after.get("A")).as("A keeps its one").containsExactly(0);
        assertThat(after.get("B"))
                .as("AS4: of A, B, C the quota of two goes to one that held two (B, first by id)")
                .containsExactly(1, 2);
        assertThat(after.get("C")).hasSize(1).isSubsetOf(3, 4);
        assertThat(after.get("D")).hasSize(1);
    }

    @Test
    void shouldHandBackTheLeaversPartitionsWhenStickyLosesAMember() {
        Map<String, List<Integer>> before = Map.of("A", List.of(0, 3), "B", List.of(1), "C", List.of(2));
        assertThat(Assignors.cooperativeSticky(List.of("A", "C"), 4, before))
                .as("B's partition goes to the member with fewer; A keeps both of its own")
                .isEqualTo(Map.of("A", List.of(0, 3), "C", List.of(1, 2)));
    }
}
