package dev.queuelab.reference.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.queuelab.api.OutOfRangeException;
import dev.queuelab.api.SimClock;
import dev.queuelab.api.streams.AutoClaimed;
import dev.queuelab.api.streams.PendingEntry;
import dev.queuelab.api.streams.StreamEntry;
import dev.queuelab.api.streams.StreamException;
import dev.queuelab.api.streams.StreamFacts;
import dev.queuelab.api.streams.StreamId;
import dev.queuelab.api.streams.Trim;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference's rules one example at a time, each the behaviour Redis's documentation or src/t_stream.c gives.
 * The property checks in {@code property-tests} cover the combinations; these pin the edge of each rule where it is
 * easiest to read.
 */
class RedisStreamsTest {

    private final SimClock clock = new SimClock();
    private final RedisStreams redis = new RedisStreams(clock);
    private final long t0 = clock.millis();

    private StreamId add(String id) {
        return redis.add("s", id, Map.of("m", "x"), Trim.NONE);
    }

    private List<StreamId> ids(List<StreamEntry> got) {
        return got.stream().map(StreamEntry::id).toList();
    }

    private PendingEntry line(String group, StreamId id) {
        return redis.pending("s", group, Duration.ZERO, id, id, 1, null).get(0);
    }

    @Test
    void shouldFollowTheLastIdWhenTheClockIsNotAheadOfIt() {
        assertThat(add("*")).isEqualTo(new StreamId(t0, 0));
        assertThat(add("*")).as("RS1: same millisecond, next sequence").isEqualTo(new StreamId(t0, 1));
        StreamId ahead = new StreamId(t0 + 5000, 7);
        assertThat(add(ahead.toString())).isEqualTo(ahead);
        assertThat(add("*")).as("RS1: an explicit id ahead of the clock leads").isEqualTo(new StreamId(t0 + 5000, 8));
    }

    @Test
    void shouldRefuseAnIdNotGreaterThanTheLastEvenAfterItsEntryWasTrimmed() {
        StreamId first = add("5-1");
        redis.trim("s", Trim.maxLen(0));
        assertThatThrownBy(() -> add(first.toString()))
                .as("RS1: the last id outlives its entry")
                .isInstanceOf(StreamException.class)
                .hasMessage(StreamFacts.ID_NOT_GREATER);
        assertThatThrownBy(() -> add("0-0")).hasMessage(StreamFacts.ID_ZERO);
        assertThat(add("5-2")).isEqualTo(new StreamId(5, 2));
    }

    @Test
    void shouldTrimTheOldestExactly() {
        for (int i = 1; i <= 5; i++) {
            add(i + "-0");
        }
        assertThat(redis.trim("s", Trim.maxLen(3))).isEqualTo(2);
        assertThat(ids(redis.range("s", StreamId.MIN, StreamId.MAX, 10)))
                .as("RS2: MAXLEN keeps the newest n")
                .containsExactly(new StreamId(3, 0), new StreamId(4, 0), new StreamId(5, 0));
        redis.add("s", "6-0", Map.of("m", "x"), Trim.minId(new StreamId(5, 0)));
        assertThat(ids(redis.range("s", StreamId.MIN, StreamId.MAX, 10)))
                .as("RS2: MINID keeps ids at or above it")
                .containsExactly(new StreamId(5, 0), new StreamId(6, 0));
    }

    @Test
    void shouldDeliverOnlyNewEntriesToGreaterThanAndTheReadersOwnToAnId() {
        redis.createGroup("s", "g", "$");
        StreamId a = add("*");
        StreamId b = add("*");
        assertThat(ids(redis.readGroup("s", "g", "c1", ">", 1))).containsExactly(a);
        assertThat(ids(redis.readGroup("s", "g", "c2", ">", 10)))
                .as("RS3: > never repeats a pending entry")
                .containsExactly(b);
        assertThat(ids(redis.readGroup("s", "g", "c1", "0", 10)))
                .as("RS4: only the reader's own")
                .containsExactly(a);
        assertThat(redis.readGroup("s", "g", "c2", b.toString(), 10))
                .as("RS4: after the id, not at it")
                .isEmpty();
        assertThat(line("g", a).deliveries())
                .as("RS4: a read by id counts a delivery")
                .isEqualTo(2);
    }

    @Test
    void shouldAnswerNilFieldsForAPendingEntryWhoseEntryWasTrimmed() {
        redis.createGroup("s", "g", "0");
        StreamId a = add("*");
        redis.readGroup("s", "g", "c1", ">", 10);
        redis.trim("s", Trim.maxLen(0));
        List<StreamEntry> own = redis.readGroup("s", "g", "c1", "0", 10);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).deleted())
                .as("RS2, RS4: the id stays pending, its fields are nil")
                .isTrue();
        assertThat(line("g", a).deliveries())
                .as("RS4: a gone entry is not delivered again")
                .isEqualTo(1);
    }

    @Test
    void shouldAckInOneGroupOnlyAndCountOnlyWhatWasPending() {
        redis.createGroup("s", "g1", "0");
        redis.createGroup("s", "g2", "0");
        StreamId a = add("*");
        redis.readGroup("s", "g1", "c", ">", 10);
        redis.readGroup("s", "g2", "c", ">", 10);
        assertThat(redis.ack("s", "g1", List.of(a, new StreamId(99, 0))))
                .as("RS5")
                .isEqualTo(1);
        assertThat(redis.ack("s", "g1", List.of(a))).as("RS5: acked already").isZero();
        assertThat(redis.pending("s", "g2").count())
                .as("RS9: g2's PEL untouched")
                .isEqualTo(1);
    }

    @Test
    void shouldClaimOnlyAtMinIdleAndCountTheClaimAsADelivery() {
        redis.createGroup("s", "g", "0");
        StreamId a = add("*");
        redis.readGroup("s", "g", "c1", ">", 10);
        clock.advance(Duration.ofMillis(999));
        assertThat(redis.claim("s", "g", "c2", Duration.ofSeconds(1), List.of(a)))
                .as("RS6")
                .isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(ids(redis.claim("s", "g", "c2", Duration.ofSeconds(1), List.of(a))))
                .as("RS6: idle exactly min-idle is enough")
                .containsExactly(a);
        PendingEntry p = line("g", a);
        assertThat(p.consumer()).isEqualTo("c2");
        assertThat(p.deliveries()).as("RS6: a claim counts one more").isEqualTo(2);
        assertThat(p.idleMillis()).as("RS6: the claim restarts idle").isZero();
    }

    @Test
    void shouldReportAndDropPendingIdsWhoseEntriesAreGoneWhenAutoClaiming() {
        redis.createGroup("s", "g", "0");
        StreamId a = add("*");
        StreamId b = add("*");
        StreamId c = add("*");
        redis.readGroup("s", "g", "c1", ">", 10);
        redis.trim("s", Trim.minId(b));
        AutoClaimed got = redis.autoClaim("s", "g", "c2", Duration.ZERO, StreamId.MIN, 2);
        assertThat(got.deleted()).as("RS7: Redis 7 answers the deleted ids").containsExactly(a);
        assertThat(ids(got.claimed())).containsExactly(b);
        assertThat(got.next()).as("RS7: the cursor for the next call").isEqualTo(c);
        assertThat(redis.pending("s", "g").count()).isEqualTo(2);
        assertThat(redis.autoClaim("s", "g", "c2", Duration.ZERO, c, 2).next())
                .as("RS7: 0-0 at the end of the scan")
                .isEqualTo(StreamId.MIN);
    }

    @Test
    void shouldFilterXpendingByIdleAndConsumer() {
        redis.createGroup("s", "g", "0");
        StreamId a = add("*");
        redis.readGroup("s", "g", "c1", ">", 10);
        clock.advance(Duration.ofSeconds(5));
        StreamId b = add("*");
        redis.readGroup("s", "g", "c2", ">", 10);
        assertThat(redis.pending("s", "g", Duration.ofSeconds(5), StreamId.MIN, StreamId.MAX, 10, null))
                .as("RS8: IDLE keeps those idle at least that long")
                .containsExactly(new PendingEntry(a, "c1", 5000, 1));
        assertThat(redis.pending("s", "g", Duration.ZERO, StreamId.MIN, StreamId.MAX, 10, "c2"))
                .containsExactly(new PendingEntry(b, "c2", 0, 1));
        assertThat(redis.pending("s", "g").consumers()).isEqualTo(Map.of("c1", 1L, "c2", 1L));
    }

    @Test
    void shouldMoveToTheDeadLetterStreamOnlyAtNDeliveriesAndAckIt() {
        redis.createGroup("s", "g", "0");
        StreamId a = add("*");
        redis.readGroup("s", "g", "c1", ">", 10);
        assertThat(redis.deadLetter("s", "g", "c1", 2, "dead"))
                .as("RS10: one delivery of two")
                .isEmpty();
        redis.readGroup("s", "g", "c1", "0", 10);
        assertThat(redis.deadLetter("s", "g", "c1", 2, "dead")).containsExactly(a);
        assertThat(redis.pending("s", "g").count()).as("RS10: moved and acked").isZero();
        assertThat(redis.range("dead", StreamId.MIN, StreamId.MAX, 10).get(0).fields())
                .containsEntry(StreamFacts.DEAD_SOURCE_ID, a.toString())
                .containsEntry(StreamFacts.DEAD_DELIVERIES, "2")
                .containsEntry("m", "x");
    }

    @Test
    void shouldAnswerErrorRepliesForGroupsAndOneLineForBadInput() {
        redis.createGroup("s", "g", "0");
        assertThatThrownBy(() -> redis.createGroup("s", "g", "0")).hasMessage(StreamFacts.BUSYGROUP);
        assertThatThrownBy(() -> redis.readGroup("s", "nope", "c", ">", 1))
                .isInstanceOf(StreamException.class)
                .hasMessage("NOGROUP No such key 's' or consumer group 'nope' in XREADGROUP with GROUP option");
        assertThatThrownBy(() -> redis.setGroupId("s", "nope", "0"))
                .isInstanceOf(StreamException.class)
                .hasMessage("NOGROUP No such consumer group 'nope' for key name 's'");
        assertThatThrownBy(() -> redis.pending("s", "nope"))
                .isInstanceOf(StreamException.class)
                .hasMessage("NOGROUP No such key 's' or consumer group 'nope'");
        assertThat(redis.ack("s", "nope", List.of(StreamId.parse("1-0"))))
                .as("XACK in a group that does not exist: nothing to ack, 0, as Redis answers")
                .isZero();
        assertThat(redis.ack("no-such-stream", "g", List.of(StreamId.parse("1-0"))))
                .isZero();
        assertThatThrownBy(() -> redis.readGroup("s", "g", "c", ">", 0))
                .isInstanceOf(OutOfRangeException.class)
                .hasMessage("count 0 is out of range: use 1 or more");
        assertThatThrownBy(() -> redis.readGroup("s", "g", "c", "x-y", 1)).hasMessageContaining("give it as ms-seq");
    }
}
