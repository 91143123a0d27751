package dev.queuelab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The work queue api's floor ({@code BatchHandoffBenchmark}, {@code impl=ArrayBlockingQueue-apiObjects}) moves
 * messages as the work queue's channel does, or its figure would flatter the floor: it holds at most
 * {@link Handoffs#CAPACITY} in transit, and a take answers with no more than were sent and not yet taken, up to
 * what was asked, each delivered once.
 */
class WorkQueueApiFloorChannelTest {

    private final Handoffs.ConsumerCounters counters = new Handoffs.ConsumerCounters();

    @Test
    void shouldDeliverWhatWasSentOnceAndRefuseBeyondItsCapacity() {
        Handoffs.Channel channel = Handoffs.channel("ArrayBlockingQueue-apiObjects");
        for (int i = 0; i < Handoffs.CAPACITY; i++) {
            assertThat(channel.offer())
                    .as("send %d of %d", i + 1, Handoffs.CAPACITY)
                    .isTrue();
        }
        assertThat(channel.offer()).as("a send past the capacity").isFalse();
        int taken = 0;
        for (int got; (got = channel.poll(10, counters)) > 0; ) {
            assertThat(got).as("a take of up to 10").isBetween(1, 10);
            taken += got;
        }
        assertThat(taken).as("messages taken").isEqualTo(Handoffs.CAPACITY);
        assertThat(channel.offer()).as("a send once everything was taken").isTrue();
        assertThat(channel.poll(10, counters)).as("the one message sent since").isEqualTo(1);
        assertThat(counters.redelivered).as("redelivered").isZero();
    }
}
