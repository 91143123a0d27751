package dev.queuelab.reference.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuelab.api.log.Assignment;
import dev.queuelab.api.log.Assignor;
import dev.queuelab.api.log.CommitOutcome;
import dev.queuelab.api.log.HeartbeatOutcome;
import dev.queuelab.api.log.IsolationLevel;
import dev.queuelab.api.log.LogConfig;
import dev.queuelab.api.log.LogFacts;
import dev.queuelab.api.log.Seek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consumer groups, one rule per test: L8 (owners), L9 (generations, sessions, fencing, no-member commits), L10. */
class ConsumerGroupTest extends LogFixture {

    private final KafkaLog log = log(LogConfig.of(4).withSessionTimeout(Duration.ofSeconds(10)));

    @Test
    void shouldOwnEveryPartitionWhenTheFirstMemberJoins() {
        Assignment a = log.join("g", "A");
        assertThat(a.generation())
                .as("L9: the first rebalance starts generation 1")
                .isEqualTo(1);
        assertThat(a.partitions()).as("L8: a lone member owns every partition").containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldStartANewGenerationAndShareThePartitionsWhenASecondMemberJoins() {
        log.join("g", "B");
        Assignment a = log.join("g", "A");
        assertThat(a.generation()).as("L9: a new member, a new generation").isEqualTo(2);
        assertThat(log.describeGroup("g").assignment())
                .as("L8: range over sorted members A, B")
                .isEqualTo(Map.of("A", List.of(0, 1), "B", List.of(2, 3)));
        assertThat(log.assignment("g", "B").orElseThrow().generation())
                .as("L9: B learns the new generation")
                .isEqualTo(2);
    }

    @Test
    void shouldDealPartitionsInTurnWhenTheGroupUsesRoundRobin() {
        KafkaLog rr = log(LogConfig.of(4).withAssignor(Assignor.ROUND_ROBIN));
        rr.join("g", "A");
        rr.join("g", "B");
        assertThat(rr.describeGroup("g").assignment())
                .as("L8: round-robin over A, B")
                .isEqualTo(Map.of("A", List.of(0, 2), "B", List.of(1, 3)));
    }

    @Test
    void shouldKeepTheGenerationWhenAMemberJoinsAgain() {
        log.join("g", "A");
        log.join("g", "B");
        assertThat(log.join("g", "A").generation())
                .as("L9: a rejoin of a live member changes nothing")
                .isEqualTo(2);
    }

    @Test
    void shouldRebalanceWithoutAMemberWhenItLeaves() {
        log.join("g", "A");
        log.join("g", "B");
        log.leave("g", "B");
        log.leave("g", "B");
        assertThat(log.describeGroup("g").generation())
                .as("L9: one leave, one generation; the second does nothing")
                .isEqualTo(3);
        assertThat(log.assignment("g", "A").orElseThrow().partitions())
                .as("L8: A owns all again")
                .containsExactly(0, 1, 2, 3);
        assertThat(log.assignment("g", "B")).as("L9: B is no member").isEmpty();
    }

    @Test
    void shouldExpireAMemberAtItsSessionDeadlineWhenItStopsHeartbeating() {
        log.join("g", "A");
        int gen = log.join("g", "B").generation();
        clock.advance(Duration.ofSeconds(6));
        assertThat(log.heartbeat("g", "A", gen)).isEqualTo(HeartbeatOutcome.OK);
        clock.advance(Duration.ofSeconds(3));
        assertThat(log.describeGroup("g").generation())
                .as("L9: B's deadline (10s) is not reached at 9s")
                .isEqualTo(gen);
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.describeGroup("g").assignment())
                .as("L9: at 10s B has expired; A heartbeated at 6s, stays")
                .isEqualTo(Map.of("A", List.of(0, 1, 2, 3)));
        assertThat(log.describeGroup("g").generation()).isEqualTo(gen + 1);
    }

    @Test
    void shouldExpireAStaleMemberWhenItKeepsHeartbeatingItsOldGenerationWithoutRejoining() {
        int old = log.join("g", "A").generation();
        clock.advance(Duration.ofSeconds(5));
        int gen = log.join("g", "B").generation();
        clock.advance(Duration.ofSeconds(4));
        assertThat(log.heartbeat("g", "A", old)).isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);
        assertThat(log.heartbeat("g", "B", gen)).isEqualTo(HeartbeatOutcome.OK);
        clock.advance(Duration.ofSeconds(1));
        assertThat(log.describeGroup("g").assignment())
                .as("L9: A's last accepted heartbeat was its join at 0s; the refused one at 9s kept nothing alive")
                .isEqualTo(Map.of("B", List.of(0, 1, 2, 3)));
    }

    @Test
    void shouldRefuseAHeartbeatWhenItNamesAnOldGenerationOrANonMember() {
        int old = log.join("g", "A").generation();
        log.join("g", "B");
        assertThat(log.heartbeat("g", "A", old))
                .as("L9: A missed the rebalance")
                .isEqualTo(HeartbeatOutcome.ILLEGAL_GENERATION);
        assertThat(log.heartbeat("g", "C", 2)).as("L9: C never joined").isEqualTo(HeartbeatOutcome.UNKNOWN_MEMBER_ID);
        assertThat(log.heartbeat("nobody", "A", 1)).isEqualTo(HeartbeatOutcome.UNKNOWN_MEMBER_ID);
    }

    @Test
    void shouldFenceACommitWhenItComesFromAnOlderGeneration() {
        int old = log.join("g", "A").generation();
        int current = log.join("g", "B").generation();
        assertThat(log.commit("g", "A", old, 3, 10))
                .as("L9: A's generation %d was fenced by %d", old, current)
                .isEqualTo(CommitOutcome.ILLEGAL_GENERATION);
        assertThat(log.committed("g", 3))
                .as("L9: a fenced commit stores nothing")
                .isEmpty();
        assertThat(log.commit("g", "B", current, 3, 7)).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(log.committed("g", 3)).hasValue(7);
    }

    @Test
    void shouldRefuseACommitWhenTheMemberHasLeftOrExpired() {
        int gen = log.join("g", "A").generation();
        clock.advance(Duration.ofSeconds(10));
        assertThat(log.commit("g", "A", gen, 0, 5))
                .as("L9: A's session expired at 10s")
                .isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);
        assertThat(log.commit("other", "A", gen, 0, 5)).isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);
    }

    @Test
    void shouldStoreACommitFromNoMemberWhenTheGroupHasNoMembers() {
        assertThat(log.commit("tools", "", LogFacts.NO_GENERATION, 2, 5))
                .as("L9: an assign() user or admin tool commits into a group never seen: Kafka creates it")
                .isEqualTo(CommitOutcome.COMMITTED);
        assertThat(log.committed("tools", 2)).hasValue(5);
        assertThat(log.groups()).contains("tools");
        log.join("g", "A");
        log.leave("g", "A");
        for (int i = 0; i < 10; i++) {
            append(log, 0, "r" + i);
        }
        assertThat(log.commit("g", "", LogFacts.NO_GENERATION, 0, 9))
                .as("L9: g has no members left: nobody to fence, the commit is stored")
                .isEqualTo(CommitOutcome.COMMITTED);
        assertThat(log.resumeOffset("g", 0, Seek.earliest(), IsolationLevel.READ_UNCOMMITTED))
                .as("L10: and the next member resumes there")
                .isEqualTo(9);
    }

    @Test
    void shouldRefuseACommitFromNoMemberWhenTheGroupHasMembers() {
        int gen = log.join("g", "A").generation();
        assertThat(log.commit("g", "", LogFacts.NO_GENERATION, 0, 3))
                .as("L9: A owns the partitions: Kafka answers UNKNOWN_MEMBER_ID")
                .isEqualTo(CommitOutcome.UNKNOWN_MEMBER_ID);
        assertThat(log.commit("g", "A", LogFacts.NO_GENERATION, 0, 3))
                .as("L9: a member naming no generation is not in generation %d", gen)
                .isEqualTo(CommitOutcome.ILLEGAL_GENERATION);
        assertThat(log.committed("g", 0)).as("L9: nothing stored").isEmpty();
    }

    @Test
    void shouldResumeAtTheCommittedOffsetItselfWhenANewMemberTakesOver() {
        for (int i = 0; i < 5; i++) {
            append(log, 1, "v" + i);
        }
        int gen = log.join("g", "A").generation();
        log.commit("g", "A", gen, 1, 3); // A processed offsets 0, 1, 2: the next to read is 3
        log.leave("g", "A");
        log.join("g", "B");
        long from = log.resumeOffset("g", 1, Seek.earliest(), IsolationLevel.READ_UNCOMMITTED);
        assertThat(from)
                .as("L10: a committed offset is the next to read: resume at 3, not 4 and not 2")
                .isEqualTo(3);
        assertThat(values(log.read(1, from, 10)))
                .as("L10: B starts with the first record A did not process")
                .containsExactly("v3", "v4");
    }

    @Test
    void shouldResumeAtTheResetPositionWhenNothingIsCommittedOrTheCommitWasDeleted() {
        KafkaLog short_ = log(LogConfig.of(1).withRetentionTime(Duration.ofMinutes(1)));
        append(short_, 0, "a");
        append(short_, 0, "b");
        assertThat(short_.resumeOffset("g", 0, Seek.latest(), IsolationLevel.READ_UNCOMMITTED))
                .as("L10: nothing committed: auto.offset.reset=latest")
                .isEqualTo(2);
        int gen = short_.join("g", "A").generation();
        short_.commit("g", "A", gen, 0, 1);
        clock.advance(Duration.ofMinutes(2));
        append(short_, 0, "c");
        assertThat(short_.resumeOffset("g", 0, Seek.earliest(), IsolationLevel.READ_UNCOMMITTED))
                .as("L5, L10: offset 1 was deleted by retention: reset to earliest, the log start 2")
                .isEqualTo(2);
    }

    @Test
    void shouldKeepEachGroupsOffsetsApartWhenTwoGroupsReadOneLog() {
        int g1 = log.join("g1", "A").generation();
        int g2 = log.join("g2", "A").generation();
        log.commit("g1", "A", g1, 0, 4);
        log.commit("g2", "A", g2, 0, 1);
        assertThat(List.of(
                        log.committed("g1", 0).getAsLong(),
                        log.committed("g2", 0).getAsLong()))
                .as("L10: each group keeps its own offsets over the same records")
                .containsExactly(4L, 1L);
        assertThat(log.groups()).containsExactly("g1", "g2");
    }
}
